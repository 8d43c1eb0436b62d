package org.edulake.gold;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * One fixture per indicator: fixtures/indicators/&lt;indicator_id&gt;/ holds a tiny inbox
 * (make_fixtures.py wrote it) and expected.yml, the rows of indicator_values worked out by hand
 * with the arithmetic in each row's {@code why}. Every fixture has its own region, district ids,
 * school codes and СНИЛС, so all of them load together in ONE pipeline run (a run costs about
 * as much for 30 schools as for 3): each file arrives as {@code <window>/<source>/<fixture>__<file>},
 * with one fixed modification time so that "later" within a folder is the file name (SPEC §7).
 * Each fixture then checks its own rows: every expected row must exist, with numerator,
 * denominator and value (1e-9; a missing key means NULL), status and school coverage; and its
 * files' quarantined rows must be exactly the ones expected.yml lists. Privacy suppression is
 * off, as in GoldenPipelineTest. Adding a case is adding a folder.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFixturesTest {
  static final Path FIXTURES = Path.of("pipelines/src/test/resources/fixtures/indicators");
  static final FileTime SAME_TIME = FileTime.from(Instant.parse("2026-02-01T00:00:00Z"));
  static final String SEP = "__";

  @TempDir
  static Path tmp;
  final Map<String, Map<String, Object>> values = new TreeMap<>();
  final Map<String, List<String>> quarantine = new TreeMap<>();

  static List<String> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_")).sorted().toList();
    }
  }

  @BeforeAll
  void runEveryFixtureInOneInbox(SparkSession spark) throws Exception {
    Path inbox = tmp.resolve("inbox");
    for (String name : fixtures()) {
      Path root = FIXTURES.resolve(name).resolve("inbox");
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path rel = root.relativize(f);          // <window>/<source>/<file>
          Path target = inbox.resolve(rel.getParent()).resolve(name + SEP + rel.getFileName());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
          Files.setLastModifiedTime(target, SAME_TIME);
        }
      }
    }
    Path mart = tmp.resolve("mart/edulake.duckdb");
    assertEquals(Main.OK, Main.execute("run", "--inbox", inbox.toString(), "--warehouse",
        tmp.resolve("warehouse").toString(), "--mart", mart.toString(),
        "--set", "privacy.min_count=0", "--set", "privacy.min_denominator=0"));
    try (Connection c = MartPublisher.openReadOnly(mart); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select indicator_id, window_id, org_level, org_id, "
          + "numerator, denominator, value, status, schools_covered, schools_total "
          + "from indicator_values")) {
        while (rs.next()) {
          Map<String, Object> row = new TreeMap<>();
          for (String column : List.of("numerator", "denominator", "value", "status",
              "schools_covered", "schools_total")) {
            row.put(column, rs.getObject(column));
          }
          values.put(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), row);
        }
      }
      try (ResultSet rs = st.executeQuery("select file_name, row_number, column_name, rule "
          + "from quarantine where file_name is not null")) {
        while (rs.next()) {
          String file = rs.getString(1);   // <source>/<fixture>__<file>
          String base = file.substring(file.indexOf('/') + 1);
          if (base.contains(SEP)) {
            String fixture = base.substring(0, base.indexOf(SEP));
            quarantine.computeIfAbsent(fixture, k -> new ArrayList<>()).add(
                file.replace(fixture + SEP, "") + "|" + rs.getInt(2) + "|" + rs.getString(3)
                    + "|" + rs.getString(4));
          }
        }
      }
    }
  }

  static String key(Object indicator, Object window, Object level, Object org) {
    return indicator + " " + window + " " + level + " " + org;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> expected(String fixture) throws IOException {
    try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture).resolve("expected.yml"))) {
      return (Map<String, Object>) new Yaml().load(in);
    }
  }

  /** A number as written in expected.yml: 42, 42.5 or an exact fraction "300/7". */
  static Double number(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    String[] parts = o.toString().split("/");
    return parts.length == 2 ? Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim())
        : Double.parseDouble(parts[0].trim());
  }

  @TestFactory
  Stream<DynamicTest> everyIndicatorFixtureGivesItsHandComputedValues() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String fixture : fixtures()) {
      tests.add(dynamicTest(fixture, () -> {
        Map<String, Object> spec = expected(fixture);
        List<?> rows = (List<?>) spec.get("rows");
        assertTrue(rows != null && !rows.isEmpty(), fixture + ": expected.yml lists no rows");
        List<Executable> checks = new ArrayList<>();
        for (Object o : rows) {
          Map<?, ?> e = (Map<?, ?>) o;
          Object indicator = e.containsKey("indicator_id") ? e.get("indicator_id") : spec.get("indicator_id");
          String where = key(indicator, e.get("window_id"), e.get("org_level"), e.get("org_id"));
          checks.add(() -> {
            Map<String, Object> got = values.get(where);
            String why = where + " (" + e.get("why") + ")";
            if ("absent".equals(e.get("status"))) {
              assertNull(got, "no row expected for " + why);
              return;
            }
            assertNotNull(got, "missing row " + why);
            assertEquals(e.get("status"), got.get("status"), "status of " + why);
            for (String column : List.of("numerator", "denominator", "value")) {
              Double want = number(e.get(column));
              Double have = got.get(column) == null ? null : ((Number) got.get(column)).doubleValue();
              if (want == null) {
                assertNull(have, column + " of " + why);
              } else {
                assertNotNull(have, column + " of " + why + " is NULL, expected " + want);
                assertEquals(want, have, 1e-9, column + " of " + why);
              }
            }
            assertEquals(((Number) e.get("schools_covered")).intValue(),
                ((Number) got.get("schools_covered")).intValue(), "schools_covered of " + why);
            assertEquals(((Number) e.get("schools_total")).intValue(),
                ((Number) got.get("schools_total")).intValue(), "schools_total of " + why);
          });
        }
        List<String> wantQuarantine = new ArrayList<>();
        for (Object o : (List<?>) spec.getOrDefault("quarantine", List.of())) {
          Map<?, ?> q = (Map<?, ?>) o;
          wantQuarantine.add(q.get("file") + "|" + q.get("row") + "|" + q.get("column") + "|"
              + q.get("rule"));
        }
        List<String> gotQuarantine = new ArrayList<>(quarantine.getOrDefault(fixture, List.of()));
        wantQuarantine.sort(null);
        gotQuarantine.sort(null);
        checks.add(() -> assertEquals(wantQuarantine, gotQuarantine, fixture + ": quarantined rows"));
        assertAll(fixture, checks);
      }));
    }
    return tests.stream();
  }

  @Test
  void everyIndicatorOutsideTheSurveyHasAFixture() throws IOException {
    List<String> missing = new ArrayList<>();
    List<String> present = fixtures();
    for (IndicatorPassport p : IndicatorPassport.loadAll()) {
      if (!p.indicatorId().startsWith("survey_q") && !present.contains(p.indicatorId())) {
        missing.add(p.indicatorId());
      }
    }
    assertEquals(List.of(), missing);
    for (String fixture : present) {
      assertEquals(fixture, expected(fixture).get("indicator_id"), fixture + "/expected.yml");
    }
  }
}
