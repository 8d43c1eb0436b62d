package org.edulake.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.edulake.config.EdulakeConfig;
import org.edulake.config.UsageException;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;
import org.edulake.contract.SourceContract;
import org.edulake.contract.SparkSchemas;
import org.edulake.gold.GoldBuilder;
import org.edulake.gold.IndicatorPassport;
import org.edulake.ingest.BronzeLoader;
import org.edulake.ingest.InboxFile;
import org.edulake.ingest.InboxScanner;
import org.edulake.ingest.ProbedFile;
import org.edulake.mart.MartPublisher;
import org.edulake.mart.MartTables;
import org.edulake.silver.DistrictIds;
import org.edulake.silver.SilverBuilder;
import org.edulake.silver.StagingTransform;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;
import org.edulake.trends.IndicatorTrendsBuilder;
import org.edulake.spark.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orders the stages: inbox → bronze → silver → gold → mart. Each stage logs one line. */
public final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private final SparkSession spark;
  private final EdulakeConfig config;
  private final Contracts contracts;
  private final List<IndicatorPassport> passports;
  private final Warehouse warehouse;

  public Pipeline(SparkSession spark, EdulakeConfig config) {
    this.spark = spark;
    this.config = config;
    this.contracts = Contracts.load();
    this.passports = IndicatorPassport.loadAll();
    this.warehouse = new Warehouse(spark, config.warehouseUri());
    StagingTransform.registerFunctions(spark);
    DistrictIds.register(spark);
  }

  public record RunResult(BronzeLoader.LoadReport load, MartPublisher.Published mart) {}

  public RunResult run(String inboxUri, List<WindowId> requested) throws Exception {
    long t0 = System.nanoTime();
    List<WindowId> found = InboxScanner.windows(inboxUri, spark.sparkContext().hadoopConfiguration());
    Set<WindowId> windows = new HashSet<>(requested.isEmpty() ? found : requested);
    if (!requested.isEmpty() && !found.containsAll(requested)) {
      List<WindowId> missing = new ArrayList<>(requested);
      missing.removeAll(found);
      throw new UsageException("no such window folder in the inbox: " + missing);
    }
    List<InboxFile> files = InboxScanner.files(inboxUri, windows, contracts.sources(),
        spark.sparkContext().hadoopConfiguration());
    log.info("inbox | {} windows | {} files | {} s", windows.size(), files.size(), secs(t0));

    long t1 = System.nanoTime();
    BronzeLoader.LoadReport load = new BronzeLoader(warehouse, contracts).load(files);
    log.info("bronze | loaded {} files, rejected {}, duplicates {}, unchanged {} | {} s",
        load.loaded().size(), load.rejected().size(), load.duplicates().size(),
        load.skippedAlreadyLoaded(), secs(t1));

    long t2 = System.nanoTime();
    Map<String, Dataset<Row>> bronze = new LinkedHashMap<>();
    for (SourceContract c : contracts.sources()) {
      bronze.put(c.source(), warehouse.readOrEmpty(Tables.bronze(c.source()), SparkSchemas.bronze(c)));
    }
    Dataset<Row> manifest = warehouse.readOrEmpty(Tables.BRONZE_FILES, SparkSchemas.fileManifest());
    Map<String, Dataset<Row>> silver = new SilverBuilder(contracts, config.categoriesScheme(),
        config.personKeySecret()).build(spark, bronze, manifest);
    Map<String, Dataset<Row>> silverStored = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : silver.entrySet()) {
      long tt = System.nanoTime();
      warehouse.overwrite(e.getKey(), e.getValue());
      silverStored.put(e.getKey(), warehouse.read(e.getKey()));
      log.info("silver {} | {} s", e.getKey(), secs(tt));
    }
    log.info("silver | {} tables | {} s", silver.size(), secs(t2));

    long t3 = System.nanoTime();
    Map<String, Dataset<Row>> gold = GoldBuilder.build(silverStored, passports);
    Map<String, Dataset<Row>> goldStored = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : gold.entrySet()) {
      long tt = System.nanoTime();
      warehouse.overwrite(e.getKey(), e.getValue());
      goldStored.put(e.getKey(), warehouse.read(e.getKey()));
      log.info("gold {} | {} s", e.getKey(), secs(tt));
    }
    String lastWindow = silverStored.get(Tables.DIM_WINDOW)
        .agg(org.apache.spark.sql.functions.max(Columns.WINDOW_ID)).first().getString(0);
    Dataset<Row> trends = IndicatorTrendsBuilder.build(goldStored.get(Tables.INDICATOR_VALUES),
        passports, lastWindow, config.privacyMinDenominator(), MartTables.trendsSchema());
    warehouse.overwrite(Tables.INDICATOR_TRENDS, trends);
    goldStored.put(Tables.INDICATOR_TRENDS, warehouse.read(Tables.INDICATOR_TRENDS));
    log.info("gold | {} tables | {} s", goldStored.size(), secs(t3));

    long t4 = System.nanoTime();
    Map<String, Dataset<Row>> mart = MartTables.build(spark, config, passports, silverStored,
        goldStored, manifest);
    MartPublisher.Published published = MartPublisher.publish(config.martPath(), mart,
        MartTables.views());
    log.info("mart | {} tables | {} s", mart.size(), secs(t4));
    log.info("run done | {} s", secs(t0));
    return new RunResult(load, published);
  }

  public static String secs(long t0) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
  }

  /** Rejected files as the steward reads them. */
  public static String rejectedMessage(List<ProbedFile> rejected, Contracts contracts) {
    StringBuilder sb = new StringBuilder("Отклонены файлы (" + rejected.size() + "):");
    for (ProbedFile p : rejected) {
      var rule = contracts.builtinRule(p.rejectRule());
      sb.append("\n  ").append(org.edulake.quality.MessagesRu.fileMessage(
          p.file().windowId() + "/" + p.file().fileName(), rule.messageRu(), p.rejectDetail(),
          rule.rule(), rule.fixRu(), false));
    }
    return sb.toString();
  }
}
