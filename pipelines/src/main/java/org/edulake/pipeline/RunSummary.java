package org.edulake.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import org.edulake.mart.MartPublisher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The data steward's summary, in Russian, read back from the published mart: per window and
 * source, files, rows accepted and quarantined, and the most frequent quarantine reasons.
 */
public final class RunSummary {
  private RunSummary() {}

  public static String render(Path mart, Pipeline.RunResult result, Path warehouse) throws SQLException {
    StringBuilder sb = new StringBuilder();
    var load = result.load();
    sb.append(String.format(Locale.ROOT, "Загрузка: новых файлов %d, отклонено %d, повторов %d, "
            + "без изменений %d.%n", load.loaded().size(), load.rejected().size(),
        load.duplicates().size(), load.skippedAlreadyLoaded()));
    try (Connection c = MartPublisher.openReadOnly(mart);
        Statement st = c.createStatement()) {
      sb.append(String.format("%n%-8s %-19s %7s %9s %9s%n", "Окно", "Источник", "Файлов",
          "Принято", "В карант."));
      try (ResultSet rs = st.executeQuery(
          "with acc as (select window_id, source, sum(rows_accepted) as accepted, "
              + "sum(rows_rejected) as rejected from completeness group by all), "
              + "q as (select window_id, source, count(distinct file_name || '#' || coalesce(row_number, -1)) "
              + "as quarantined from quarantine group by all), "
              + "f as (select window_id, source, count(*) as files from received_files group by all) "
              + "select f.window_id, f.source, f.files, coalesce(a.accepted, 0), "
              + "coalesce(q.quarantined, 0) from f left join acc a using (window_id, source) "
              + "left join q using (window_id, source) order by 1, 2")) {
        while (rs.next()) {
          sb.append(String.format("%-8s %-19s %7d %9d %9d%n", rs.getString(1), rs.getString(2),
              rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }
      }
      sb.append("\nЧастые причины карантина:\n");
      try (ResultSet rs = st.executeQuery("select rule, column_name, count(*) as n from quarantine "
          + "group by all order by n desc, rule limit 8")) {
        while (rs.next()) {
          sb.append(String.format("  %-30s %-24s %6d%n", rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
    }
    sb.append("\nХранилище (Delta): ").append(warehouse.toAbsolutePath()).append('\n');
    sb.append("Витрина (DuckDB): ").append(mart).append('\n');
    return sb.toString();
  }
}
