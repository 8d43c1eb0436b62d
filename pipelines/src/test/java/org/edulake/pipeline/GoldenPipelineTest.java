package org.edulake.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.edulake.cli.Main;
import org.edulake.mart.MartPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.edulake.testing.SparkExtension;

/**
 * The golden end-to-end run on fixtures/golden/inbox (make_inbox.py wrote it): one region, two
 * districts, three schools, windows 2025-05 (ref 2025-05-31) and 2026-01 (ref 2026-01-31); a
 * cp1251 roster with Russian headers, a UTF-8-BOM roster with English headers and commas, a
 * tab-separated PD file, and one defective row in each roster. Every expected value below is
 * worked out by hand from the fixture.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenPipelineTest {
  static final Path INBOX = Path.of("pipelines/src/test/resources/fixtures/golden/inbox");
  static final String NORTH = "testovaya_oblast.severnyy_rayon";
  static final String SOUTH = "testovaya_oblast.yuzhnyy_rayon";
  static final String REGION = "Тестовая область";

  @TempDir
  static Path tmp;
  static Path mart;
  static Path warehouse;
  static Map<String, Object[]> firstRun;

  @BeforeAll
  void runPipeline(SparkSession spark) throws Exception {
    warehouse = tmp.resolve("warehouse");
    mart = tmp.resolve("mart/edulake.duckdb");
    assertEquals(Main.OK, run());
    firstRun = values();
  }

  static int run() {
    return Main.execute("run", "--inbox", INBOX.toString(), "--warehouse", warehouse.toString(),
        "--mart", mart.toString(), "--set", "privacy.min_count=0", "--set",
        "privacy.min_denominator=0");
  }

  /** indicator|window|level|org → {numerator, denominator, value, status, covered, total}. */
  static Map<String, Object[]> values() throws Exception {
    Map<String, Object[]> out = new TreeMap<>();
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select indicator_id, window_id, org_level, org_id, numerator,"
            + " denominator, value, status, schools_covered, schools_total from indicator_values")) {
      while (rs.next()) {
        out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
            new Object[] {rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getString(8),
                rs.getInt(9), rs.getInt(10)});
      }
    }
    return out;
  }

  static void share(String id, String window, String level, String org, double num, double den) {
    Object[] v = firstRun.get(id + "|" + window + "|" + level + "|" + org);
    assertTrue(v != null, "no row for " + id + " " + window + " " + level + " " + org);
    String where = id + " " + window + " " + level + " " + org;
    assertEquals("ok", v[3], where);
    assertEquals(num, (Double) v[0], 1e-9, where + " numerator");
    assertEquals(den, (Double) v[1], 1e-9, where + " denominator");
    assertEquals(100.0 * num / den, (Double) v[2], 1e-9, where + " value");
  }

  static void count(String id, String window, String level, String org, double n) {
    Object[] v = firstRun.get(id + "|" + window + "|" + level + "|" + org);
    String where = id + " " + window + " " + level + " " + org;
    assertEquals("ok", v[3], where);
    assertEquals(n, (Double) v[0], 1e-9, where);
    assertNull(v[1], where + " count has no denominator");
    assertEquals(n, (Double) v[2], 1e-9, where);
  }

  static void noData(String id, String window, String level, String org, int covered, int total) {
    Object[] v = firstRun.get(id + "|" + window + "|" + level + "|" + org);
    String where = id + " " + window + " " + level + " " + org;
    assertEquals("no_data", v[3], where);
    assertNull(v[2], where);
    assertEquals(covered, v[4], where);
    assertEquals(total, v[5], where);
  }

  @Test
  void headcountCountsEachPersonOnceAtTheMainWorkplace() {
    // 0101: P1..P4 (P6's row at 0101 is "Основное место работы = нет"); 0102: P5, P6, P7 (the
    // row with «много» as experience is quarantined); 0201: P8..P10 (bad СНИЛС quarantined)
    count("staff_headcount", "2025-05", "school", "0101", 4);
    count("staff_headcount", "2025-05", "school", "0102", 3);
    count("staff_headcount", "2025-05", "school", "0201", 3);
    count("staff_headcount", "2025-05", "district", NORTH, 7);
    count("staff_headcount", "2025-05", "region", REGION, 10);
    // 2026-01: P2 left 0101, P12 was hired; 0201 sent no roster → no data, never zero
    count("staff_headcount", "2026-01", "school", "0101", 4);
    count("staff_headcount", "2026-01", "region", REGION, 7);
    noData("staff_headcount", "2026-01", "school", "0201", 0, 1);
    noData("staff_headcount", "2026-01", "district", SOUTH, 0, 1);
    assertEquals(2, firstRun.get("staff_headcount|2026-01|region|" + REGION)[4]);
    assertEquals(3, firstRun.get("staff_headcount|2026-01|region|" + REGION)[5]);
  }

  @Test
  void categoryValidityAtTheReferenceDate() {
    // 2025-05-31. 0101: P1 высшая (2024) yes; P2 первая 01.06.2019 expired 01.06.2024 → no;
    // P3 СЗД → rank 0; P4 «ВКК» 01.09.2020 valid until 01.09.2025 → yes. 2 of 4.
    share("staff_share_with_category", "2025-05", "school", "0101", 2, 4);
    // 0102: P6 «первая КК» → 1 of 3; 0201: P9 высшая, P10 первая (2022, valid to 2027) → 2 of 3
    share("staff_share_with_category", "2025-05", "school", "0102", 1, 3);
    share("staff_share_with_category", "2025-05", "school", "0201", 2, 3);
    // district = (2 + 1) / (4 + 3), not the mean of 50 % and 33.3 %
    share("staff_share_with_category", "2025-05", "district", NORTH, 3, 7);
    share("staff_share_with_category", "2025-05", "region", REGION, 5, 10);
    // 2026-01-31: P4's ВКК expired on 01.09.2025 (a lapse) → 0101 has only P1: 1 of 4
    share("staff_share_with_category", "2026-01", "school", "0101", 1, 4);
    // highest rank: 0101 P1, P4; 0201 P9
    share("staff_share_highest_rank", "2025-05", "school", "0101", 2, 4);
    share("staff_share_highest_rank", "2025-05", "region", REGION, 3, 10);
  }

  @Test
  void ageIsInFullYearsAtTheReferenceDate() {
    // 0101 at 2025-05-31: P1 born 10.02.1995 (30), P2 01.06.1990 (34: 35 the next day),
    // P3 31.05.1990 (35 on the reference date: not young), P4 1960 → 2 of 4 young
    share("staff_share_young", "2025-05", "school", "0101", 2, 4);
    // 0201: P8 born 1998-05-31 (27) → 1 of 3; region: P1, P2, P5, P8 → 4 of 10
    share("staff_share_young", "2025-05", "school", "0201", 1, 3);
    share("staff_share_young", "2025-05", "region", REGION, 4, 10);
    // 60+: P4 (65) and P7 (born 31.12.1963: 61) → region 2 of 10
    share("staff_share_60_plus", "2025-05", "region", REGION, 2, 10);
    // higher pedagogical: all but P3 (непедагогическое) and P5 (СПО) → 8 of 10
    share("staff_share_higher_ped_education", "2025-05", "region", REGION, 8, 10);
    // mentoring: P1 (mentor), P5 (mentee), P6 (mentor), P8 (mentee) → 4 of 10; 0102: 2 of 3
    share("staff_share_in_mentoring", "2025-05", "region", REGION, 4, 10);
    share("staff_share_in_mentoring", "2025-05", "school", "0102", 2, 3);
  }

  @Test
  void professionalDevelopmentOverTheHalfOpen36Months() {
    // (2022-05-31, 2025-05-31]: P1 72 h (the same course twice counts once); P2 24 h (the 12 h
    // course ended on 31.05.2022, outside); P3 36 h ended on the reference date (inside);
    // P5's course ends 15.06.2025 (later); P9 36 h → 0101: 2 of 4, 0102: 0 of 3, 0201: 1 of 3
    share("pd_share_36h_in_3y", "2025-05", "school", "0101", 2, 4);
    share("pd_share_36h_in_3y", "2025-05", "school", "0102", 0, 3);
    share("pd_share_36h_in_3y", "2025-05", "district", NORTH, 2, 7);
    share("pd_share_36h_in_3y", "2025-05", "region", REGION, 3, 10);
    // 2026-01: P5's 40 h now counts → 0102 1 of 3
    share("pd_share_36h_in_3y", "2026-01", "school", "0102", 1, 3);
  }

  @Test
  void competitionsInTheTwelveMonths() {
    // (2024-05-31, 2025-05-31]: P1 (10.02.2025) yes; P9 on 31.05.2024 is outside; P8 on
    // 01.06.2024 inside; the teacher counts at the main workplace
    share("comp_share_staff_in_prof_competitions", "2025-05", "school", "0101", 1, 4);
    share("comp_share_staff_in_prof_competitions", "2025-05", "school", "0201", 1, 3);
    share("comp_share_staff_in_prof_competitions", "2025-05", "district", NORTH, 1, 7);
    share("comp_share_staff_in_prof_competitions", "2025-05", "region", REGION, 2, 10);
  }

  @Test
  void helpRequestsUseTheLatestStatusAndTheRoster() {
    // 2025-05: P2's request (0101) was updated in the 2026-01 folder to «в полном объёме»: the
    // best data known at the run counts → 1 of 1. P5: 01.04.2025 full (the 2024 request is out
    // of the 12 months) → 1 of 1. P8 full → 1 of 1. The requester absent from every roster is
    // not counted. Region 3 of 3.
    share("help_share_fulfilled_in_full", "2025-05", "school", "0101", 1, 1);
    share("help_share_fulfilled_in_full", "2025-05", "region", REGION, 3, 3);
    // 2026-01: P2 has left → 0101 has no requests: a zero denominator is no data, not 0 %
    noData("help_share_fulfilled_in_full", "2026-01", "school", "0101", 1, 1);
    share("help_share_fulfilled_in_full", "2026-01", "school", "0102", 1, 1);
  }

  @Test
  void quarantineNamesFileRowColumnAndRule() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select window_id, file_name, row_number, column_name, rule, "
            + "message from quarantine order by file_name, row_number")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|"
            + rs.getString(4) + "|" + rs.getString(5));
        assertTrue(rs.getString(6).startsWith("Файл «" + rs.getString(2) + "», строка "
            + rs.getInt(3) + ", столбец «"), rs.getString(6));
      }
    }
    // north.csv: header = row 1, the row with «много» is row 10; south.csv: bad СНИЛС on row 5
    assertEquals(List.of(
        "2025-05|staff/north.csv|10|ped_experience_years|type_decimal",
        "2025-05|staff/south.csv|5|person_id|person_id_checksum"), rows);
  }

  @Test
  void rerunningTheSameInboxChangesNothing(SparkSession spark) throws Exception {
    long bronzeRows = spark.read().format("delta").load(warehouse.resolve("bronze/bronze_staff")
        .toString()).count();
    long goldVersion = new org.edulake.spark.Warehouse(spark, warehouse.toUri().toString())
        .version("indicator_values");
    // 1. nothing changed: silver and gold are reused as they are (no new Delta version)
    assertEquals(Main.OK, run());
    assertEquals(bronzeRows, spark.read().format("delta").load(warehouse.resolve(
        "bronze/bronze_staff").toString()).count());
    assertEquals(goldVersion, new org.edulake.spark.Warehouse(spark, warehouse.toUri().toString())
        .version("indicator_values"));
    assertSameValues(values());
    // 2. the fingerprint forgotten: silver and gold are rebuilt from bronze, to the same values
    Files.delete(warehouse.resolve("_edulake/run_state.txt"));
    assertEquals(Main.OK, run());
    assertEquals(goldVersion + 1, new org.edulake.spark.Warehouse(spark, warehouse.toUri().toString())
        .version("indicator_values"));
    assertSameValues(values());
  }

  static void assertSameValues(Map<String, Object[]> again) {
    assertEquals(firstRun.keySet(), again.keySet());
    for (String key : firstRun.keySet()) {
      assertEquals(java.util.Arrays.asList(firstRun.get(key)), java.util.Arrays.asList(again.get(key)), key);
    }
  }

  /** table → column → type, from a DuckDB connection. */
  static Map<String, String> columnsOf(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select table_name, "
        + "column_name, data_type from information_schema.columns where table_schema = 'main' "
        + "and table_name in (select table_name from information_schema.tables "
        + "where table_type = 'BASE TABLE')")) {
      while (rs.next()) {
        out.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
      }
    }
    return out;
  }

  @Test
  void martTablesMatchTheMartContract() throws Exception {
    // the one contract of the mart, shared with the dashboards: dashboards/tests/mart_contract.sql
    String ddl = Files.readString(Path.of("dashboards/tests/mart_contract.sql"));
    Map<String, String> expected;
    try (Connection empty = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement st = empty.createStatement()) {
      st.execute(ddl);
      expected = columnsOf(empty);
    }
    try (Connection c = MartPublisher.openReadOnly(mart)) {
      assertEquals(expected, columnsOf(c));
    }
  }

  @Test
  void everyPassportExpressionResolvesAgainstItsBaseTable(SparkSession spark) {
    for (org.edulake.gold.IndicatorPassport p : org.edulake.gold.IndicatorPassport.loadAll()) {
      Dataset<Row> base = spark.read().format("delta")
          .load(warehouse.resolve("gold").resolve(p.baseTable()).toString());
      base.selectExpr(p.numerator()).schema();
      if (p.denominator() != null) {
        base.selectExpr(p.denominator()).schema();
      }
    }
  }

  @Test
  void noPersonalDataOutsideBronze(SparkSession spark) throws Exception {
    List<String> secrets = new ArrayList<>();
    for (String line : Files.readAllLines(INBOX.resolve("2025-05/staff/north.csv"),
        java.nio.charset.Charset.forName("windows-1251")).subList(1, 9)) {
      String[] f = line.split(";");
      secrets.add(f[0].replaceAll("[^0-9]", ""));           // СНИЛС
      secrets.add(f[1].split(" ")[0]);                      // surname
      secrets.add(f[2]);                                    // birth date as written
    }
    List<String> found = new ArrayList<>();
    try (var layers = Files.list(warehouse)) {
      // every Delta layer but bronze (_edulake holds only the run fingerprint)
      for (Path layer : layers.filter(p -> !p.getFileName().toString().equals("bronze")
          && !p.getFileName().toString().equals("_edulake")).toList()) {
        try (var tables = Files.list(layer)) {
          for (Path table : tables.toList()) {
            Dataset<Row> t = spark.read().format("delta").load(table.toString());
            for (StructField f : t.schema().fields()) {
              if (f.dataType().equals(DataTypes.StringType)) {
                for (Row r : t.select(f.name()).distinct().collectAsList()) {
                  String v = r.getString(0);
                  secrets.stream().filter(s -> v != null && v.contains(s))
                      .forEach(s -> found.add(table.getFileName() + "." + f.name()));
                }
              }
            }
          }
        }
      }
    }
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select table_name, column_name from information_schema."
          + "columns where data_type = 'VARCHAR'")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] tc : columns) {
        try (ResultSet rs = st.executeQuery("select distinct " + tc[1] + " from " + tc[0])) {
          while (rs.next()) {
            String v = rs.getString(1);
            secrets.stream().filter(s -> v != null && v.contains(s))
                .forEach(s -> found.add("mart." + tc[0] + "." + tc[1]));
          }
        }
      }
    }
    assertFalse(secrets.isEmpty());
    assertEquals(List.of(), found);
  }
}
