package org.edulake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.edulake.mart.MartPublisher;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
 * warehouse — the files are loaded into a throw-away warehouse and the issues are printed.
 */
@Command(name = "validate", description = "check inbox files against the contracts, load nothing")
public final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--inbox", required = true)
  String inbox;

  @Mixin
  CommonOptions options;

  @Override
  public Integer call() throws Exception {
    Path scratch = Files.createTempDirectory("edulake-validate");
    try {
      EdulakeConfig config = options.load()
          .with(EdulakeConfig.WAREHOUSE_PATH, scratch.resolve("warehouse").toString())
          .with(EdulakeConfig.MART_PATH, scratch.resolve("mart.duckdb").toString());
      SparkSession spark = SparkSessions.create(config);
      Pipeline.RunResult result = new Pipeline(spark, config).run(RunCommand.inboxUri(inbox), List.of());
      StringBuilder sb = new StringBuilder("Проверка файлов: " + inbox + "\n");
      try (Connection c = MartPublisher.openReadOnly(result.mart().path()); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select f.window_id, f.file_name, f.status, f.rows, "
              + "count(q.rule) from received_files f left join quarantine q "
              + "on q.window_id = f.window_id and q.file_name = f.file_name group by all order by 1, 2")) {
        while (rs.next()) {
          sb.append(String.format("  %s/%-40s %-9s строк %6d, ошибок %5d%n", rs.getString(1),
              rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
        }
        try (ResultSet q = st.executeQuery("select message from quality_issues order by window_id, "
            + "file_name, row_number limit 200")) {
          while (q.next()) {
            sb.append("  • ").append(q.getString(1)).append('\n');
          }
        }
      }
      System.out.print(sb);
      return result.load().rejected().isEmpty() ? Main.OK : Main.BATCH_REJECTED;
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
