import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two EduLake marts table by table and row by row; exit 1 on any difference.
 * Run as a single-file program with only DuckDB JDBC on the class path:
 * {@code java -cp duckdb_jdbc.jar pipelines/scripts/MartDiff.java A.duckdb B.duckdb}.
 *
 * <p>Every table and view of schema main is compared: the same names, the same columns and
 * types in the same order, and the same multiset of rows (EXCEPT ALL both ways, so row order
 * does not matter). Only the load time of received_files differs between two runs and is left
 * out. DOUBLE values are compared rounded to 9 decimals: sums of doubles may be added up in a
 * different order on another number of partitions.
 */
public final class MartDiff {
  /** table.column that differ between any two runs by design. */
  static final Set<String> VOLATILE = Set.of("received_files.loaded_at");
  static final int SHOW = 5;

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MartDiff A.duckdb B.duckdb");
      System.exit(64);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("ATTACH '" + args[0].replace("'", "''") + "' AS a (READ_ONLY)");
      st.execute("ATTACH '" + args[1].replace("'", "''") + "' AS b (READ_ONLY)");
      Map<String, List<String[]>> ta = tables(st, "a");
      Map<String, List<String[]>> tb = tables(st, "b");
      List<String> problems = new ArrayList<>();
      if (!ta.keySet().equals(tb.keySet())) {
        problems.add("tables differ: " + ta.keySet() + " vs " + tb.keySet());
      }
      long rowsCompared = 0;
      for (String t : ta.keySet()) {
        if (!tb.containsKey(t)) {
          continue;
        }
        List<String[]> ca = ta.get(t);
        List<String[]> cb = tb.get(t);
        if (!describe(ca).equals(describe(cb))) {
          problems.add(t + ": columns differ: " + describe(ca) + " vs " + describe(cb));
          continue;
        }
        List<String> cols = new ArrayList<>();
        for (String[] col : ca) {
          if (VOLATILE.contains(t + "." + col[0])) {
            continue;
          }
          String q = '"' + col[0].replace("\"", "\"\"") + '"';
          cols.add(col[1].equals("DOUBLE") || col[1].equals("FLOAT")
              ? "round(" + q + ", 9) AS " + q : q);
        }
        String sel = String.join(", ", cols);
        long na = count(st, "SELECT count(*) FROM a.main.\"" + t + "\"");
        long nb = count(st, "SELECT count(*) FROM b.main.\"" + t + "\"");
        String onlyA = "SELECT " + sel + " FROM a.main.\"" + t + "\" EXCEPT ALL SELECT " + sel
            + " FROM b.main.\"" + t + "\"";
        String onlyB = "SELECT " + sel + " FROM b.main.\"" + t + "\" EXCEPT ALL SELECT " + sel
            + " FROM a.main.\"" + t + "\"";
        long da = count(st, "SELECT count(*) FROM (" + onlyA + ")");
        long db = count(st, "SELECT count(*) FROM (" + onlyB + ")");
        rowsCompared += na;
        String line = String.format("  %-32s %7d rows  %s", t, na,
            na == nb && da == 0 && db == 0 ? "same" : "DIFFERENT");
        System.err.println(line);
        if (na != nb || da != 0 || db != 0) {
          problems.add(t + ": " + na + " vs " + nb + " rows, " + da + " only in " + args[0]
              + ", " + db + " only in " + args[1]);
          show(st, onlyA, "only in " + args[0]);
          show(st, onlyB, "only in " + args[1]);
        }
      }
      if (ta.isEmpty()) {
        problems.add("no tables in " + args[0]);
      }
      if (!problems.isEmpty()) {
        System.err.println("MARTS DIFFER:");
        problems.forEach(p -> System.err.println("  " + p));
        System.exit(1);
      }
      System.err.println("marts equal: " + ta.size() + " tables and views, " + rowsCompared + " rows");
    }
  }

  /** name → [column, type] in ordinal order, tables and views of schema main. */
  static Map<String, List<String[]>> tables(Statement st, String catalog) throws SQLException {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM "
        + "information_schema.columns WHERE table_catalog = '" + catalog + "' AND table_schema = "
        + "'main' ORDER BY table_name, ordinal_position")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    return out;
  }

  static String describe(List<String[]> cols) {
    StringBuilder sb = new StringBuilder();
    cols.forEach(c -> sb.append(c[0]).append(' ').append(c[1]).append(", "));
    return sb.toString();
  }

  static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void show(Statement st, String sql, String label) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql + " LIMIT " + SHOW)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder("    " + label + ": ");
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i))
              .append(i < n ? ", " : "");
        }
        System.err.println(sb);
      }
    }
  }
}
