package org.edulake.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.edulake.config.EdulakeConfig;
import org.edulake.spark.Warehouse;

/**
 * What silver and gold were last built from: the bronze tables' Delta versions, the settings
 * that change results, the program build and the day (a date in the future is judged against
 * today). When a run finds the same fingerprint, silver and gold are already what this run
 * would write, so it reuses them: a re-run of an unchanged inbox takes seconds, not minutes.
 * The file is written after gold commits, so a run killed earlier leaves the old fingerprint,
 * which no longer matches the newer bronze, and the next run rebuilds.
 */
public final class RunState {
  private static final String FILE = "_edulake/run_state.txt";

  private final Warehouse warehouse;
  private final String fingerprint;

  public RunState(Warehouse warehouse, EdulakeConfig config, List<String> bronzeTables)
      throws IOException {
    this.warehouse = warehouse;
    StringBuilder in = new StringBuilder("build=").append(buildId()).append('\n')
        .append("today=").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    for (Map.Entry<String, String> e : config.asMap().entrySet()) {
      // where the mart goes and how Spark runs do not change silver or gold
      if (!e.getKey().startsWith("spark.") && !e.getKey().startsWith("mart.")
          && !e.getKey().startsWith("pipeline.")) {
        in.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
    }
    for (String t : bronzeTables) {
      in.append(t).append('@').append(warehouse.version(t)).append('\n');
    }
    this.fingerprint = sha256(in.toString());
  }

  /** The silver and gold tables of the last run, when it had this run's fingerprint. */
  public List<String> unchangedTables() throws IOException {
    Path p = file();
    FileSystem fs = p.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
    if (!fs.exists(p)) {
      return null;
    }
    List<String> lines;
    try (InputStream s = fs.open(p)) {
      lines = List.of(new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    if (lines.isEmpty() || !lines.get(0).equals("fingerprint=" + fingerprint)) {
      return null;
    }
    List<String> tables = new ArrayList<>(lines.subList(1, lines.size()));
    for (String t : tables) {
      if (!warehouse.exists(t)) {
        return null;
      }
    }
    return tables;
  }

  /** Records that silver and gold now hold {@code tables}, built from this fingerprint. */
  public void record(List<String> tables) throws IOException {
    Path p = file();
    FileSystem fs = p.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
    Path tmp = new Path(p.getParent(), "run_state.tmp");
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      out.write(("fingerprint=" + fingerprint + "\n" + String.join("\n", tables))
          .getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(p, false);
    fs.rename(tmp, p);
  }

  /** Forgets the last build (before silver is rewritten, so a killed run cannot match). */
  public void clear() throws IOException {
    Path p = file();
    p.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration()).delete(p, false);
  }

  private Path file() {
    return new Path(warehouse.root() + "/" + FILE);
  }

  private static String buildId() throws IOException {
    try (InputStream s = RunState.class.getResourceAsStream("/edulake-build.properties")) {
      Properties p = new Properties();
      if (s != null) {
        p.load(s);
      }
      // without a build id (an IDE run) every run rebuilds
      return p.getProperty("build.id", "unknown-" + System.nanoTime());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
