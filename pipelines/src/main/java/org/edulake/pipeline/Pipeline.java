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
    BronzeLoader.LoadReport load = new BronzeLoader(warehouse, contracts,
        config.parallelWrites()).load(files);
    log.info("bronze | loaded {} files, rejected {}, duplicates {}, unchanged {} | {} s",
        load.loaded().size(), load.rejected().size(), load.duplicates().size(),
        load.skippedAlreadyLoaded(), secs(t1));

    Dataset<Row> manifest = warehouse.readOrEmpty(Tables.BRONZE_FILES, SparkSchemas.fileManifest());
    List<String> bronzeTables = new ArrayList<>();
    contracts.sources().forEach(c -> bronzeTables.add(Tables.bronze(c.source())));
    bronzeTables.add(Tables.BRONZE_FILES);
    RunState state = new RunState(warehouse, config, bronzeTables);
    List<String> unchanged = state.unchangedTables();
    Map<String, Dataset<Row>> silverStored = new LinkedHashMap<>();
    Map<String, Dataset<Row>> goldStored = new LinkedHashMap<>();
    if (unchanged != null) {
      for (String t : unchanged) {
        (Tables.layerOf(t).equals("silver") ? silverStored : goldStored).put(t, warehouse.read(t));
      }
      log.info("silver, gold | unchanged: same bronze, settings and program as the last run");
    } else {
      state.clear();
      buildSilverAndGold(manifest, silverStored, goldStored);
      List<String> built = new ArrayList<>(silverStored.keySet());
      built.addAll(goldStored.keySet());
      state.record(built);
    }

    long t4 = System.nanoTime();
    Map<String, Dataset<Row>> mart = MartTables.build(spark, config, passports, silverStored,
        goldStored, manifest);
    MartPublisher.Published published = MartPublisher.publish(config.martPath(), mart,
        MartTables.views());
    log.info("mart | {} tables | {} s", mart.size(), secs(t4));
    log.info("run done | {} s", secs(t0));
    return new RunResult(load, published);
  }

  private void buildSilverAndGold(Dataset<Row> manifest, Map<String, Dataset<Row>> silverStored,
      Map<String, Dataset<Row>> goldStored) throws Exception {
    long t2 = System.nanoTime();
    Map<String, Dataset<Row>> bronze = new LinkedHashMap<>();
    for (SourceContract c : contracts.sources()) {
      bronze.put(c.source(), warehouse.readOrEmpty(Tables.bronze(c.source()), SparkSchemas.bronze(c)));
    }
    Map<String, Dataset<Row>> silver = new SilverBuilder(contracts, config.categoriesScheme(),
        config.personKeySecret()).build(spark, bronze, manifest);
    TableStore store = new TableStore(warehouse, config.parallelWrites());
    silverStored.putAll(store.store("silver", silver));
    spark.catalog().clearCache();   // the typed rows SilverBuilder kept for its tables
    log.info("silver | {} tables | {} s", silver.size(), secs(t2));

    long t3 = System.nanoTime();
    goldStored.putAll(GoldBuilder.build(silverStored, passports, store));
    String lastWindow = silverStored.get(Tables.DIM_WINDOW)
        .agg(org.apache.spark.sql.functions.max(Columns.WINDOW_ID)).first().getString(0);
    goldStored.putAll(store.store("gold", Map.of(Tables.INDICATOR_TRENDS,
        IndicatorTrendsBuilder.build(goldStored.get(Tables.INDICATOR_VALUES), passports, lastWindow,
            config.privacyMinDenominator(), MartTables.trendsSchema()))));
    log.info("gold | {} tables | {} s", goldStored.size(), secs(t3));
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
