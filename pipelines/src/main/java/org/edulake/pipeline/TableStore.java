package org.edulake.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Parallel;
import org.edulake.spark.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a stage's tables to Delta (several at once) and hands back the stored tables, so that
 * the next stage reads what was written instead of recomputing it.
 */
public final class TableStore {
  private static final Logger log = LoggerFactory.getLogger(TableStore.class);

  private final Warehouse warehouse;
  private final int parallelWrites;

  public TableStore(Warehouse warehouse, int parallelWrites) {
    this.warehouse = warehouse;
    this.parallelWrites = parallelWrites;
  }

  /** Overwrites every table of {@code frames}; returns them read back from Delta. */
  public Map<String, Dataset<Row>> store(String layer, Map<String, Dataset<Row>> frames)
      throws Exception {
    List<Callable<Void>> writes = new ArrayList<>();
    frames.forEach((name, frame) -> writes.add(() -> {
      long t0 = System.nanoTime();
      // names the Spark jobs after the table (UI, event log)
      frame.sparkSession().sparkContext().setJobDescription(layer + " " + name);
      warehouse.overwrite(name, frame);
      log.info("{} {} | {} s", layer, name, Pipeline.secs(t0));
      return null;
    }));
    Parallel.run(parallelWrites, writes);
    Map<String, Dataset<Row>> stored = new LinkedHashMap<>();
    frames.keySet().forEach(name -> stored.put(name, warehouse.read(name)));
    return stored;
  }
}
