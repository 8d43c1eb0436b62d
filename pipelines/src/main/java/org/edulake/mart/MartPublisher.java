package org.edulake.mart;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the mart: every table is streamed from Spark ({@code toLocalIterator}, one partition
 * at a time) into a new DuckDB file beside the old one, views are created, and the file is moved
 * over {@code edulake.duckdb} atomically, so readers never see a half-written mart.
 */
public final class MartPublisher {
  private static final Logger log = LoggerFactory.getLogger(MartPublisher.class);

  private MartPublisher() {}

  public record Published(Path path, Map<String, Long> rowsByTable) {}

  public static Published publish(Path target, Map<String, Dataset<Row>> tables, List<String> viewSql)
      throws IOException, SQLException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    Files.deleteIfExists(Path.of(tmp + ".wal"));
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + tmp.toAbsolutePath())) {
      for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
        counts.put(e.getKey(), write((DuckDBConnection) conn, e.getKey(), e.getValue()));
      }
      try (Statement st = conn.createStatement()) {
        for (String sql : viewSql) {
          st.execute(sql);
        }
        st.execute("checkpoint");
      }
    } catch (SQLException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.info("mart published | {} tables | {}", counts.size(), target);
    return new Published(target, counts);
  }

  /** A read-only connection to a published mart (readers never lock the writer out). */
  public static Connection openReadOnly(Path mart) throws SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + mart.toAbsolutePath(), props);
  }

  static String duckType(DataType t) {
    if (t.equals(DataTypes.StringType)) {
      return "VARCHAR";
    } else if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType)) {
      return "INTEGER";
    } else if (t.equals(DataTypes.LongType)) {
      return "BIGINT";
    } else if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
        || t instanceof org.apache.spark.sql.types.DecimalType) {
      return "DOUBLE";
    } else if (t.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    } else if (t.equals(DataTypes.DateType)) {
      return "DATE";
    } else if (t.equals(DataTypes.TimestampType)) {
      return "TIMESTAMP";
    }
    throw new IllegalArgumentException("no mart type for " + t);
  }

  private static long write(DuckDBConnection conn, String table, Dataset<Row> data) throws SQLException {
    StructField[] fields = data.schema().fields();
    StringJoiner ddl = new StringJoiner(", ", "create table " + table + " (", ")");
    for (StructField f : fields) {
      ddl.add(f.name() + " " + duckType(f.dataType()));
    }
    try (Statement st = conn.createStatement()) {
      st.execute(ddl.toString());
    }
    long rows = 0;
    try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      Iterator<Row> it = data.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        appender.beginRow();
        for (int i = 0; i < fields.length; i++) {
          append(appender, fields[i].dataType(), r.isNullAt(i) ? null : r.get(i));
        }
        appender.endRow();
        rows++;
      }
    }
    return rows;
  }

  private static void append(DuckDBAppender a, DataType t, Object v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else if (t.equals(DataTypes.StringType)) {
      a.append((String) v);
    } else if (t.equals(DataTypes.IntegerType)) {
      a.append((Integer) v);
    } else if (t.equals(DataTypes.ShortType)) {
      a.append(((Short) v).intValue());
    } else if (t.equals(DataTypes.LongType)) {
      a.append((Long) v);
    } else if (t.equals(DataTypes.DoubleType)) {
      a.append((Double) v);
    } else if (t.equals(DataTypes.FloatType)) {
      a.append(((Float) v).doubleValue());
    } else if (t instanceof org.apache.spark.sql.types.DecimalType) {
      a.append(((BigDecimal) v).doubleValue());
    } else if (t.equals(DataTypes.BooleanType)) {
      a.append((Boolean) v);
    } else if (t.equals(DataTypes.DateType)) {
      a.append(((java.sql.Date) v).toLocalDate());
    } else if (t.equals(DataTypes.TimestampType)) {
      a.append(((java.sql.Timestamp) v).toLocalDateTime());
    } else {
      throw new IllegalArgumentException("no mart type for " + t);
    }
  }
}
