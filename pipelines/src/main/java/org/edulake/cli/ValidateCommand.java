package org.edulake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.edulake.mart.MartPublisher;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.edulake.report.ValidationReportHtml;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.edulake.config.EdulakeConfig;
import org.edulake.pipeline.Pipeline;
import org.edulake.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ./edulake validate --inbox DIR: checks every file against the contracts without touching the
 * warehouse's tables — the files are loaded into a throw-away warehouse, the issues are printed and
 * written as HTML to {@code <inbox>/validation-report.html} for the steward to send back.
 */
@Command(name = "validate", description = "check inbox files against the contracts, load nothing")
public final class ValidateCommand implements Callable<Integer> {
  /** Written into the inbox folder; the scanner reads only window folders, so it is not input. */
  public static final String REPORT_NAME = "validation-report.html";
  static final int CONSOLE_ISSUES = 200;

  @Option(names = "--inbox", required = true)
  String inbox;

  @Mixin
  CommonOptions options;

  @Override
  public Integer call() throws Exception {
    Path scratch = Files.createTempDirectory("edulake-validate");
    org.apache.hadoop.fs.Path clusterScratch = null;
    SparkSession spark = null;
    try {
      EdulakeConfig loaded = options.load();
      spark = SparkSessions.create(loaded);
      // The throw-away warehouse is written by the executors: with a local master a temporary
      // folder of this machine will do; on a cluster it must be on storage every node sees, so
      // it goes under the configured warehouse (_validate/<random>) and is deleted afterwards.
      String scratchWarehouse = scratch.resolve("warehouse").toString();
      if (!spark.sparkContext().isLocal()) {
        clusterScratch = new org.apache.hadoop.fs.Path(loaded.warehouseUri(),
            "_validate/" + java.util.UUID.randomUUID());
        scratchWarehouse = clusterScratch.toString();
      }
      EdulakeConfig config = loaded
          .with(EdulakeConfig.WAREHOUSE_PATH, scratchWarehouse)
          .with(EdulakeConfig.MART_PATH, scratch.resolve("mart.duckdb").toString());
      Pipeline.RunResult result = new Pipeline(spark, config).run(RunCommand.inboxUri(inbox), List.of());
      StringBuilder sb = new StringBuilder("Проверка файлов: " + inbox + "\n");
      List<ValidationReportHtml.FileLine> files = new ArrayList<>();
      List<ValidationReportHtml.IssueLine> issues = new ArrayList<>();
      try (Connection c = MartPublisher.openReadOnly(result.mart().path()); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select f.window_id, f.file_name, f.status, f.rows, "
              + "count(q.rule) filter (where q.severity = 'error'), "
              + "count(q.rule) filter (where q.severity = 'warn') from received_files f "
              + "left join quality_issues q on q.window_id = f.window_id and q.file_name = f.file_name "
              + "group by all order by 1, 2")) {
        while (rs.next()) {
          files.add(new ValidationReportHtml.FileLine(rs.getString(1), rs.getString(2),
              rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
          sb.append(String.format("  %s/%-40s %-9s строк %6d, ошибок %5d%n", rs.getString(1),
              rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
        }
        try (ResultSet q = st.executeQuery("select window_id, file_name, row_number, severity, "
            + "message from quality_issues order by window_id, file_name, row_number nulls first, "
            + "column_name, rule")) {
          while (q.next()) {
            Integer row = q.getObject(3) == null ? null : q.getInt(3);
            issues.add(new ValidationReportHtml.IssueLine(q.getString(1), q.getString(2), row,
                q.getString(4), q.getString(5)));
            if (issues.size() <= CONSOLE_ISSUES) {
              sb.append("  • ").append(q.getString(5)).append('\n');
            }
          }
        }
      }
      if (issues.size() > CONSOLE_ISSUES) {
        sb.append("  … ещё ").append(issues.size() - CONSOLE_ISSUES).append(" замечаний в отчёте\n");
      }
      String report = writeReport(inbox, ValidationReportHtml.render(inbox, files, issues));
      sb.append("Отчёт: ").append(report).append('\n');
      System.out.print(sb);
      return result.load().rejected().isEmpty() ? Main.OK : Main.BATCH_REJECTED;
    } finally {
      deleteTree(scratch);
      if (clusterScratch != null) {
        clusterScratch.getFileSystem(spark.sparkContext().hadoopConfiguration())
            .delete(clusterScratch, true);
      }
    }
  }

  /** Writes {@code <inbox>/validation-report.html} (local folder, HDFS or S3) and returns it. */
  static String writeReport(String inbox, String html) throws java.io.IOException {
    if (!inbox.contains("://")) {   // a local folder: no Hadoop checksum file beside it
      Path local = Path.of(inbox).toAbsolutePath().resolve(REPORT_NAME);
      Files.writeString(local, html, java.nio.charset.StandardCharsets.UTF_8);
      return local.toString();
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(
        new org.apache.hadoop.fs.Path(RunCommand.inboxUri(inbox)), REPORT_NAME);
    org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(new org.apache.hadoop.conf.Configuration());
    try (var out = fs.create(path, true)) {
      out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return path.toString();
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
