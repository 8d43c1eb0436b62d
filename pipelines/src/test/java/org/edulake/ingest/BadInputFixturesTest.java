package org.edulake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.edulake.cli.Main;
import org.edulake.mart.MartPublisher;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every bad-input case of fixtures/bad_input/&lt;case&gt;/ (its files under &lt;source&gt;/,
 * what the steward must see in expected.yml; make_fixtures.py wrote them). The _baseline inbox is
 * loaded first; then every case's files arrive together in one more batch of the same window
 * (named &lt;case&gt;__&lt;file&gt;). Each case checks its files' outcome (loaded, rejected,
 * duplicate, with the file-level rule), its exact row-level issues and that every message names
 * the file, the row, the column and the rule. The batch goes on past the bad files, and
 * everything loaded before is unchanged, compared table by table. Adding a case is adding a
 * folder.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFixturesTest {
  static final Path FIXTURES = Path.of("pipelines/src/test/resources/fixtures/bad_input");
  static final String WINDOW = "2025-05";
  static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.):(\\d+)\\}\\}");

  @TempDir
  static Path tmp;
  Path inbox;
  Path warehouse;
  Path mart;
  int secondRun;
  Map<String, List<String>> before;
  Map<String, List<String>> after;
  Map<String, Row> manifest = new TreeMap<>();
  Map<String, List<List<Object>>> issues = new TreeMap<>();
  Map<String, List<String>> messages = new TreeMap<>();

  @BeforeAll
  void loadBaselineThenEveryCase(SparkSession spark) throws Exception {
    inbox = tmp.resolve("inbox");
    warehouse = tmp.resolve("warehouse");
    mart = tmp.resolve("mart/edulake.duckdb");
    copyTree(FIXTURES.resolve("_baseline"), inbox);
    assertEquals(Main.OK, run());
    before = snapshot(spark);
    for (String name : cases()) {
      Path dir = FIXTURES.resolve(name);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path rel = dir.relativize(f);
          if (rel.getNameCount() != 2) {
            continue;   // expected.yml
          }
          Path target = inbox.resolve(WINDOW).resolve(rel.getName(0))
              .resolve(name + "__" + rel.getFileName());
          Files.createDirectories(target.getParent());
          Files.write(target, expand(Files.readAllBytes(f)));
        }
      }
    }
    secondRun = run();
    after = snapshot(spark);
    for (Row r : spark.read().format("delta").load(warehouse.resolve("bronze/bronze_files").toString())
        .collectAsList()) {
      manifest.put(r.getString(r.fieldIndex("_file_name")), r);
    }
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select file_name, row_number, column_name, rule, severity, "
            + "message from quality_issues")) {
      while (rs.next()) {
        String file = rs.getString(1);
        Integer row = rs.getObject(2) == null ? null : rs.getInt(2);
        messages.computeIfAbsent(file, k -> new ArrayList<>()).add(rs.getString(6));
        if (row != null) {
          issues.computeIfAbsent(file, k -> new ArrayList<>()).add(
              java.util.Arrays.asList(row, rs.getString(3), rs.getString(4), rs.getString(5)));
        }
        // every message names the file and the rule; a row's message its row and column
        String m = rs.getString(6);
        assertTrue(m.startsWith("Файл «" + file + "»"), m);
        assertTrue(m.contains("Правило " + rs.getString(4) + "."), m);
        if (row != null) {
          assertTrue(m.contains("строка " + row + ", столбец «"), m);
        }
        if (rs.getString(3) != null) {
          assertTrue(m.contains("(" + rs.getString(3) + ")"), m);
        }
      }
    }
  }

  int run() {
    return Main.execute("run", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
        "--mart", mart.toString(), "--set", "privacy.min_count=0", "--set",
        "privacy.min_denominator=0");
  }

  static List<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsExpectedOutcomeAndMessages() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : cases()) {
      tests.add(dynamicTest(name, () -> {
        Map<String, Object> expected;
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(name).resolve("expected.yml"))) {
          expected = new Yaml().load(in);
        }
        for (Object o : (List<?>) expected.get("files")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> e = (Map<String, Object>) o;
          String file = e.get("file").toString();
          String actualName = file.substring(0, file.indexOf('/') + 1) + name + "__"
              + file.substring(file.indexOf('/') + 1);
          Row m = manifest.get(actualName);
          assertNotNull(m, "no manifest row for " + actualName + " in " + manifest.keySet());
          assertEquals(e.get("status"), m.getAs("status"), actualName + " status");
          assertEquals(e.get("rule"), m.getAs("rule"), actualName + " rule");
          if (e.containsKey("column")) {
            assertEquals(e.get("column"), m.getAs("column_name"), actualName + " column");
          }
          if (e.containsKey("rows")) {
            assertEquals(((Number) e.get("rows")).intValue(), (int) m.<Integer>getAs("rows"),
                actualName + " rows");
          }
          if (e.containsKey("detail_contains")) {
            String detail = m.getAs("detail_ru");
            assertTrue(detail != null && detail.contains(e.get("detail_contains").toString()),
                actualName + " detail: " + detail);
          }
          List<List<Object>> want = new ArrayList<>();
          for (Object i : (List<?>) e.getOrDefault("issues", List.of())) {
            Map<?, ?> x = (Map<?, ?>) i;
            want.add(java.util.Arrays.asList(((Number) x.get("row")).intValue(), x.get("column"),
                x.get("rule"), x.get("severity")));
          }
          List<List<Object>> got = new ArrayList<>(issues.getOrDefault(actualName, List.of()));
          java.util.Comparator<List<Object>> order = java.util.Comparator.comparing(Object::toString);
          want.sort(order);
          got.sort(order);
          assertEquals(want, got, actualName + " issues; messages: " + messages.get(actualName));
          if (e.get("rule") != null) {
            List<String> fileMessages = messages.getOrDefault(actualName, List.of());
            assertTrue(fileMessages.stream().anyMatch(x -> x.contains("Правило " + e.get("rule") + ".")),
                actualName + ": " + fileMessages);
          }
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void theBatchGoesOnPastBadFilesAndReportsTheRejection() {
    assertEquals(Main.BATCH_REJECTED, secondRun);
    // good rows of the same batch are in silver: the unknown-column file and the clean row of
    // the 1 MB file
    List<String> loaded = after.get("stg_staff").stream()
        .filter(r -> r.contains("unknown_column__input.csv") || r.contains("cell_of_1mb__input.csv"))
        .toList();
    assertEquals(2, loaded.size(), loaded.toString());
  }

  @Test
  void whatWasLoadedBeforeIsUnchanged() {
    for (Map.Entry<String, List<String>> e : before.entrySet()) {
      List<String> now = after.get(e.getKey()).stream().filter(r -> e.getValue().contains(r)
          || isBaseline(r)).toList();
      assertEquals(e.getValue(), now, e.getKey() + " rows of the baseline files");
    }
  }

  @Test
  void aFormulaIsKeptAsTextNeverEvaluated(SparkSession spark) {
    List<Row> rows = spark.read().format("delta").load(warehouse.resolve("silver/stg_staff").toString())
        .filter(col("_file_name").equalTo("staff/formula_in_cell__input.csv"))
        .select("subject").collectAsList();
    assertEquals(1, rows.size());
    assertEquals("=HYPERLINK(\"http://evil.example\";\"нажми\")", rows.get(0).getString(0));
  }

  @Test
  void surveyResponsesAreMatchedToSchoolsWithAConfidence(SparkSession spark) {
    List<String> got = spark.read().format("delta")
        .load(warehouse.resolve("silver/stg_surveys").toString())
        .selectExpr("concat_ws('|', cast(_row_number as string), school_id, school_match, "
            + "cast(round(school_match_confidence, 3) as string), respondent_role)")
        .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    // row 3 («Лесная школа № 7») is quarantined; «Озерная средняя школа» is МБОУ Озёрная …
    // exactly; «Берёзовская основна школа»: one letter off in 24 → 23/24
    assertEquals(List.of("2|0101|code|1.0|педагог", "4|0102|name|0.95|педагог",
        "5|0103|name_approximate|0.958|заместитель руководителя"), got);
  }

  private boolean isBaseline(String row) {
    return row.contains("staff/roster.csv") || row.contains("schools/registry.csv");
  }

  /** Baseline-relevant content of each table, rows as sorted strings. */
  Map<String, List<String>> snapshot(SparkSession spark) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String t : List.of("bronze/bronze_staff", "bronze/bronze_schools", "bronze/bronze_files",
        "silver/stg_staff", "silver/stg_schools", "silver/dq_issues", "silver/fct_staff_position")) {
      Dataset<Row> ds = spark.read().format("delta").load(warehouse.resolve(t).toString());
      if (t.endsWith("fct_staff_position")) {
        ds = ds.filter(col("school_id").isin("0101", "0102"));
      }
      out.put(t.substring(t.indexOf('/') + 1), rows(ds));
    }
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select indicator_id, org_id, numerator, denominator, value, "
            + "status from indicator_values where org_level = 'school' and org_id in ('0101', "
            + "'0102') and indicator_id like 'staff_%' order by 1, 2")) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|"
            + rs.getObject(4) + "|" + rs.getObject(5) + "|" + rs.getString(6));
      }
      out.put("indicator_values (staff_*, 0101 and 0102)", values);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static List<String> rows(Dataset<Row> ds) {
    List<String> out = new ArrayList<>();
    for (Row r : ds.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  static byte[] expand(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!text.contains("{{repeat:")) {
      return bytes;
    }
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    Matcher m = REPEAT.matcher(utf8);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
    }
    m.appendTail(sb);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
  }

}
