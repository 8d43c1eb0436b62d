package org.edulake.ingest;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.edulake.contract.Contracts;
import org.edulake.contract.SourceContract;
import org.edulake.contract.SparkSchemas;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;
import org.edulake.spark.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * inbox → bronze. Files are probed and decoded on executors; the driver only decides which files
 * are new. A file already loaded with the same hash is skipped, so re-running changes nothing;
 * a rejected file loads nothing and is recorded in bronze_files with its reason.
 */
public final class BronzeLoader {
  private static final Logger log = LoggerFactory.getLogger(BronzeLoader.class);
  public static final String STATUS_LOADED = "loaded";
  public static final String STATUS_REJECTED = "rejected";
  public static final String STATUS_DUPLICATE = "duplicate";

  private final Warehouse warehouse;
  private final Contracts contracts;
  private final int parallelWrites;

  public BronzeLoader(Warehouse warehouse, Contracts contracts, int parallelWrites) {
    this.parallelWrites = parallelWrites;
    this.warehouse = warehouse;
    this.contracts = contracts;
  }

  /** What one load did, per file. */
  public record LoadReport(List<ProbedFile> loaded, List<ProbedFile> rejected,
      List<ProbedFile> duplicates, int skippedAlreadyLoaded) {}

  public LoadReport load(List<InboxFile> files) throws Exception {
    SparkSession spark = warehouse.spark();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, FileDecoder> decoders = new LinkedHashMap<>();
    for (SourceContract c : contracts.sources()) {
      decoders.put(c.source(), new FileDecoder(c));
    }
    Set<String> known = new HashSet<>();
    Set<String> knownUnchanged = new HashSet<>();
    Set<String> loadedHashes = new HashSet<>();
    if (warehouse.exists(Tables.BRONZE_FILES)) {
      // the manifest is one row per file: small enough to bring to the driver
      for (Row r : warehouse.read(Tables.BRONZE_FILES).select(col(Columns.WINDOW), col(Columns.SOURCE),
          col(Columns.FILE_NAME), col(Columns.FILE_HASH), col("status"), col("size_bytes"),
          col(Columns.FILE_MODIFIED_AT)).collectAsList()) {
        known.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
        knownUnchanged.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|"
            + r.getLong(5) + "|" + r.getLong(6));
        if (STATUS_LOADED.equals(r.getString(4))) {
          loadedHashes.add(r.getString(3));
        }
      }
    }
    List<InboxFile> candidates = new ArrayList<>();
    int skipped = 0;
    for (InboxFile f : files) {
      // the same name, size and modification time as a file already received: not read again
      if (knownUnchanged.contains(f.windowId() + "|" + f.source() + "|" + f.fileName() + "|"
          + f.sizeBytes() + "|" + f.modifiedAtMillis())) {
        skipped++;
      } else {
        candidates.add(f);
      }
    }
    // the executors open the files with the driver's Hadoop configuration (spark.hadoop.*,
    // e.g. S3 endpoint and keys given to spark-submit), not with a blank one of their own
    Broadcast<SerializableConfiguration> hadoop =
        jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    List<ProbedFile> probed = candidates.isEmpty() ? List.of()
        : jsc.parallelize(candidates, Math.max(1, Math.min(candidates.size(), 64)))
            .map(f -> decoders.get(f.source()).probe(f, hadoop.value().value())).collect();

    List<ProbedFile> toLoad = new ArrayList<>();
    List<ProbedFile> rejected = new ArrayList<>();
    List<ProbedFile> duplicates = new ArrayList<>();
    for (ProbedFile p : probed) {
      InboxFile f = p.file();
      String key = f.windowId() + "|" + f.source() + "|" + f.fileName() + "|" + p.sha256();
      if (known.contains(key)) {
        skipped++;
      } else if (p.rejected()) {
        rejected.add(p);
      } else if (!loadedHashes.add(p.sha256())) {
        duplicates.add(p);
      } else {
        toLoad.add(p);
      }
    }
    String batchId = "batch-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(Instant.now().atOffset(ZoneOffset.UTC));
    Timestamp loadedAt = Timestamp.from(Instant.now());

    Map<String, List<ProbedFile>> bySource = toLoad.stream()
        .collect(Collectors.groupingBy(p -> p.file().source(), LinkedHashMap::new, Collectors.toList()));
    List<java.util.concurrent.Callable<Void>> writes = new ArrayList<>();
    for (Map.Entry<String, List<ProbedFile>> e : bySource.entrySet()) {
      writes.add(() -> {
        loadSource(e.getKey(), decoders.get(e.getKey()), e.getValue(), hadoop, batchId, loadedAt);
        return null;
      });
    }
    // each source is its own table: they are written at once
    org.edulake.spark.Parallel.run(parallelWrites, writes);
    List<Row> manifest = new ArrayList<>();
    toLoad.forEach(p -> manifest.add(manifestRow(p, STATUS_LOADED, batchId, loadedAt)));
    rejected.forEach(p -> manifest.add(manifestRow(p, STATUS_REJECTED, batchId, loadedAt)));
    duplicates.forEach(p -> manifest.add(manifestRow(p, STATUS_DUPLICATE, batchId, loadedAt)));
    if (!manifest.isEmpty()) {
      warehouse.append(Tables.BRONZE_FILES,
          spark.createDataFrame(manifest, SparkSchemas.fileManifest()).coalesce(1));
    }
    return new LoadReport(toLoad, rejected, duplicates, skipped);
  }

  /** One source's new files → its bronze table, in one commit. */
  private void loadSource(String source, FileDecoder decoder, List<ProbedFile> files,
      Broadcast<SerializableConfiguration> hadoop, String batchId, Timestamp loadedAt) {
    SparkSession spark = warehouse.spark();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SourceContract contract = contracts.source(source);
    List<String> columns = contract.columnNames();
    JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, Math.min(files.size(), 64)))
        .flatMap(p -> {
          List<Row> out = new ArrayList<>();
          decoder.rows(p, hadoop.value().value(),
              d -> out.add(toRow(d, p, columns, batchId, loadedAt)));
          return out.iterator();
        });
    Dataset<Row> frame = spark.createDataFrame(rows, SparkSchemas.bronze(contract));
    // replaceWhere on the hashes being loaded: rows left by a killed earlier attempt are
    // replaced in the same commit, so a re-run never duplicates them
    String hashes = files.stream().map(p -> "'" + hex(p.sha256()) + "'")
        .collect(Collectors.joining(","));
    long t0 = System.nanoTime();
    spark.sparkContext().setJobDescription("bronze " + source);
    warehouse.replaceWhere(Tables.bronze(source), Columns.FILE_HASH + " in (" + hashes + ")",
        frame, Columns.WINDOW);
    log.info("bronze {} | {} files | {} rows | {} s", Tables.bronze(source), files.size(),
        files.stream().mapToInt(ProbedFile::dataRows).sum(), seconds(t0));
  }

  private static String hex(String sha) {
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new IllegalStateException("not a sha-256 hex digest");
    }
    return sha;
  }

  private static Row toRow(FileDecoder.DecodedRow d, ProbedFile p, List<String> columns,
      String batchId, Timestamp loadedAt) {
    Object[] values = new Object[columns.size() + 2 + 8];
    int i = 0;
    for (String c : columns) {
      values[i++] = d.values().get(c);
    }
    values[i++] = scala.jdk.javaapi.CollectionConverters.asScala(d.extra());
    values[i++] = d.decodeIssue();
    InboxFile f = p.file();
    values[i++] = f.windowId();
    values[i++] = f.source();
    values[i++] = f.fileName();
    values[i++] = p.sha256();
    values[i++] = f.modifiedAtMillis();
    values[i++] = d.rowNumber();
    values[i++] = batchId;
    values[i] = loadedAt;
    return RowFactory.create(values);
  }

  private static Row manifestRow(ProbedFile p, String status, String batchId, Timestamp loadedAt) {
    InboxFile f = p.file();
    String rule = STATUS_DUPLICATE.equals(status) ? "file_duplicate" : p.rejectRule();
    if (STATUS_LOADED.equals(status) && p.dataRows() == 0) {
      rule = "file_no_rows";
    }
    return RowFactory.create(f.windowId(), f.source(), f.fileName(), p.sha256(),
        f.modifiedAtMillis(), f.sizeBytes(), p.encoding(), p.delimiter(),
        scala.jdk.javaapi.CollectionConverters.asScala(p.headerOf()),
        scala.jdk.javaapi.CollectionConverters.asScala(p.unknownHeaders()).toSeq(), status, rule, p.rejectColumn(), p.rejectDetail(), p.dataRows(),
        batchId, loadedAt);
  }

  private static String seconds(long t0) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
  }
}
