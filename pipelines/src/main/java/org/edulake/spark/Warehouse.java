package org.edulake.spark;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * All Delta reads and writes: tables live at &lt;warehouse&gt;/&lt;layer&gt;/&lt;table&gt;. Writes
 * are single Delta commits, so a run killed at any point leaves every table at a committed
 * version and a re-run reaches the same result.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String rootUri) {
    this.spark = spark;
    this.root = rootUri.endsWith("/") ? rootUri.substring(0, rootUri.length() - 1) : rootUri;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  /** The table's latest Delta version, from its log folder; -1 when it was never written. */
  public long version(String table) throws java.io.IOException {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path(table) + "/_delta_log");
    org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(log)) {
      return -1;
    }
    long latest = -1;
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(log)) {
      String name = f.getPath().getName();
      if (name.matches("\\d{20}\\.json")) {
        latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
      }
    }
    return latest;
  }

  public String path(String table) {
    return root + "/" + Tables.layerOf(table) + "/" + table;
  }

  public boolean exists(String table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /** Reads the table, or an empty frame of the given schema when it was never written. */
  public Dataset<Row> readOrEmpty(String table, StructType schema) {
    return exists(table) ? read(table) : spark.createDataFrame(List.of(), schema);
  }

  /** Replaces the whole table in one commit (silver and gold are rebuilt from the layer below). */
  public void overwrite(String table, Dataset<Row> data, String... partitionBy) {
    var writer = data.write().format("delta").mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true");
    if (partitionBy.length > 0) {
      writer = writer.partitionBy(partitionBy);
    }
    writer.save(path(table));
  }

  /**
   * Replaces the rows matching {@code predicate} with {@code data} in one commit. The predicate
   * is built only from validated values (window ids, hex file hashes), never from user text.
   */
  public void replaceWhere(String table, String predicate, Dataset<Row> data, String... partitionBy) {
    if (!exists(table)) {
      overwrite(table, data, partitionBy);
      return;
    }
    data.write().format("delta").mode(SaveMode.Overwrite)
        .option("replaceWhere", predicate).save(path(table));
  }

  public void append(String table, Dataset<Row> data, String... partitionBy) {
    if (!exists(table)) {
      overwrite(table, data, partitionBy);
      return;
    }
    data.write().format("delta").mode(SaveMode.Append).save(path(table));
  }
}
