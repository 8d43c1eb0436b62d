package org.edulake.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.edulake.mart.MartTables;
import org.edulake.spark.Tables;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Small counts of the qualification tables and their complements (SPEC §6). Each case is a tiny
 * hand-built table in which a school's count below 5 could be recovered by subtraction if only
 * primary suppression were applied; the attacker then tries every published sum.
 */
@ExtendWith(SparkExtension.class)
class QualificationSuppressionTest {
  static final int MIN_COUNT = 5;
  static final String PAIR_FROM = "2024-05";
  static final String PAIR_TO = "2025-01";

  // ---- qualification_transitions ----------------------------------------------------------

  static Row transition(String level, String org, String district, String from, String to,
      String kind, int persons) {
    return RowFactory.create(level, org, district, PAIR_FROM, PAIR_TO, from, to, kind, persons);
  }

  static List<Row> transitionsOneSmallSchool() {
    // upgrade первая → высшая: D1 = S1 3 + S2 8 + S3 12 = 23; D2 = S4 20; region 43. S1 (3) is
    // primary; without a partner S1 = 23 − 8 − 12. The smallest other school, S2 (8), goes too.
    // confirmation высшая: 10 everywhere at school level, nothing small: all visible.
    List<Row> rows = new ArrayList<>();
    int[] upgrade = {3, 8, 12, 20};
    String[] schools = {"S1", "S2", "S3", "S4"};
    String[] districts = {"D1", "D1", "D1", "D2"};
    for (int i = 0; i < 4; i++) {
      rows.add(transition("school", schools[i], districts[i], "первая", "высшая", "upgrade", upgrade[i]));
      rows.add(transition("school", schools[i], districts[i], "высшая", "высшая", "confirmation", 10));
    }
    rows.add(transition("district", "D1", "D1", "первая", "высшая", "upgrade", 23));
    rows.add(transition("district", "D2", "D2", "первая", "высшая", "upgrade", 20));
    rows.add(transition("region", "R", null, "первая", "высшая", "upgrade", 43));
    rows.add(transition("district", "D1", "D1", "высшая", "высшая", "confirmation", 30));
    rows.add(transition("district", "D2", "D2", "высшая", "высшая", "confirmation", 10));
    rows.add(transition("region", "R", null, "высшая", "высшая", "confirmation", 40));
    return rows;
  }

  @Test
  void transitionsASmallSchoolCellGetsTheSmallestSiblingAsPartner(SparkSession spark) {
    List<Row> input = transitionsOneSmallSchool();
    Map<String, Dataset<Row>> out = suppress(spark, Map.of(Tables.QUALIFICATION_TRANSITIONS, input));
    Map<String, Row> rows = index(out.get(Tables.QUALIFICATION_TRANSITIONS),
        r -> r.getAs("org_id") + "/" + r.getAs("transition_kind"));
    assertNull(rows.get("S1/upgrade").getAs("persons"));
    assertNull(rows.get("S2/upgrade").getAs("persons"));
    // not over-suppressed: the rest keeps its value
    assertEquals(12, (int) rows.get("S3/upgrade").getAs("persons"));
    assertEquals(20, (int) rows.get("S4/upgrade").getAs("persons"));
    assertEquals(23, (int) rows.get("D1/upgrade").getAs("persons"));
    assertEquals(43, (int) rows.get("R/upgrade").getAs("persons"));
    for (String org : List.of("S1", "S2", "S3", "S4", "D1", "D2", "R")) {
      assertNotNull(rows.get(org + "/confirmation").getAs("persons"), org);
    }
    assertEquals(2, hiddenCells(out), "only the primary cell and its partner");
    attack(Map.of(Tables.QUALIFICATION_TRANSITIONS, input), out);
  }

  // ---- qualification_growth, alone and over qualification_transitions ------------------------

  static Row growth(String level, String org, String district, int staffFrom, int staffTo,
      int withFrom, int withTo) {
    return RowFactory.create(level, org, district, PAIR_FROM, PAIR_TO, staffFrom, staffTo,
        withFrom, withTo, withTo - withFrom);
  }

  @Test
  void growthHidesTheNetGrowthThatWouldGiveASmallCountBack(SparkSession spark) {
    // S1: with a category 6 → 3 (3 is primary). net_growth −3 and 6 would give it back (the row),
    // and D1 − S2 − S3 too (the hierarchy): S1's net_growth (|−3| < 6) and S2's with_category_to
    // (12, the smaller school) are the partners, then S2's net_growth (2 < 10) for S2's row.
    List<Row> input = List.of(growth("school", "S1", "D1", 20, 21, 6, 3),
        growth("school", "S2", "D1", 30, 30, 10, 12), growth("school", "S3", "D1", 40, 40, 20, 20),
        growth("district", "D1", "D1", 90, 91, 36, 35), growth("region", "R", null, 90, 91, 36, 35));
    Map<String, Dataset<Row>> out = suppress(spark, Map.of(Tables.QUALIFICATION_GROWTH, input));
    Map<String, Row> rows = index(out.get(Tables.QUALIFICATION_GROWTH), r -> r.getAs("org_id"));
    assertNull(rows.get("S1").getAs("with_category_to"));
    assertNull(rows.get("S1").getAs("net_growth"));
    assertEquals(6, (int) rows.get("S1").getAs("with_category_from"));
    assertNull(rows.get("S2").getAs("with_category_to"));
    assertNull(rows.get("S2").getAs("net_growth"));
    assertEquals(10, (int) rows.get("S2").getAs("with_category_from"));
    assertEquals(List.of(40, 40, 20, 20, 0), measures(rows.get("S3")));
    assertEquals(List.of(90, 91, 36, 35, -1), measures(rows.get("D1")));
    assertEquals(4, hiddenCells(out));
    attack(Map.of(Tables.QUALIFICATION_GROWTH, input), out);
  }

  @Test
  void growthStaffTotalsDoNotGiveBackAHiddenTransition(SparkSession spark) {
    // S1: confirmation 12, upgrade 7, new_hire 3 → staff_from 19, staff_to 22. Hiding only the
    // new hires (S1 3, S2 as its partner) would leave S1 = 22 − 12 − 7. So the growth totals
    // are relations over the transitions too. D2/S3 has nothing small: all of it stays.
    List<Row> transitions = new ArrayList<>();
    List<Row> growth = new ArrayList<>();
    Object[][] units = {{"school", "S1", "D1", 12, 7, 3}, {"school", "S2", "D1", 15, 8, 6},
        {"school", "S3", "D2", 20, 9, 7}, {"district", "D1", "D1", 27, 15, 9},
        {"district", "D2", "D2", 20, 9, 7}, {"region", "R", null, 47, 24, 16}};
    for (Object[] u : units) {
      String level = (String) u[0];
      String org = (String) u[1];
      String district = (String) u[2];
      int conf = (int) u[3];
      int up = (int) u[4];
      int hired = (int) u[5];
      transitions.add(transition(level, org, district, "первая", "первая", "confirmation", conf));
      transitions.add(transition(level, org, district, "первая", "высшая", "upgrade", up));
      transitions.add(transition(level, org, district, null, "высшая", "new_hire", hired));
      growth.add(growth(level, org, district, conf + up, conf + up + hired, conf + up,
          conf + up + hired));
    }
    Map<String, List<Row>> input = Map.of(Tables.QUALIFICATION_TRANSITIONS, transitions,
        Tables.QUALIFICATION_GROWTH, growth);
    Map<String, Dataset<Row>> out = suppress(spark, input);
    Map<String, Row> rows = index(out.get(Tables.QUALIFICATION_TRANSITIONS),
        r -> r.getAs("org_id") + "/" + r.getAs("transition_kind"));
    // new hires: S1 primary, S2 partner; then staff_to pins S1's and S2's upgrades (7, 8), and
    // staff_from then pins their confirmations: every transition of S1 and S2 is hidden
    for (String org : List.of("S1", "S2")) {
      for (String kind : List.of("confirmation", "upgrade", "new_hire")) {
        assertNull(rows.get(org + "/" + kind).getAs("persons"), org + "/" + kind);
      }
    }
    for (String org : List.of("S3", "D1", "D2", "R")) {
      for (String kind : List.of("confirmation", "upgrade", "new_hire")) {
        assertNotNull(rows.get(org + "/" + kind).getAs("persons"), org + "/" + kind);
      }
    }
    assertEquals(6, hiddenCells(out), "growth itself has nothing small and stays whole");
    attack(input, out);
  }

  // ---- qualification_workload --------------------------------------------------------------

  static final Date[] MONTHS = {Date.valueOf("2025-06-01"), Date.valueOf("2025-07-01"),
      Date.valueOf("2025-08-01")};

  static Row workload(String level, String org, String district, int month, int due, int overdue) {
    return RowFactory.create(level, org, district, "2025-05", MONTHS[month], due, overdue);
  }

  @Test
  void workloadMonthsAreProtectedAgainstTheDistrictAndThePublishedYearTotal(SparkSession spark) {
    // persons_due by month: S1 2, 6, 7; S2 10, 10, 10; D1 12, 16, 17 (= region). S1's June (2)
    // is primary. D1 − S2 would give it back: S2's June goes too. The year total of a unit is
    // the numerator of staff_share_attestation_due_12m: S1's July (6 < 7) and S2's July (10, the
    // earlier of two equal months) go. Overdue persons sit on the first month (6, 7, 13); the
    // zeros on the other months are structural and hidden as small.
    List<Row> input = new ArrayList<>();
    int[][] due = {{2, 6, 7}, {10, 10, 10}, {12, 16, 17}, {12, 16, 17}};
    int[] overdue = {6, 7, 13, 13};
    String[][] units = {{"school", "S1", "D1"}, {"school", "S2", "D1"}, {"district", "D1", "D1"},
        {"region", "R", null}};
    for (int u = 0; u < units.length; u++) {
      for (int m = 0; m < 3; m++) {
        input.add(workload(units[u][0], units[u][1], units[u][2], m, due[u][m],
            m == 0 ? overdue[u] : 0));
      }
    }
    Map<String, Dataset<Row>> out = suppress(spark, Map.of(Tables.QUALIFICATION_WORKLOAD, input));
    Map<String, Row> rows = index(out.get(Tables.QUALIFICATION_WORKLOAD),
        r -> r.getAs("org_id") + "/" + r.getAs("due_month"));
    assertNull(rows.get("S1/2025-06-01").getAs("persons_due"));
    assertNull(rows.get("S1/2025-07-01").getAs("persons_due"));
    assertEquals(7, (int) rows.get("S1/2025-08-01").getAs("persons_due"));
    assertNull(rows.get("S2/2025-06-01").getAs("persons_due"));
    assertNull(rows.get("S2/2025-07-01").getAs("persons_due"));
    assertEquals(10, (int) rows.get("S2/2025-08-01").getAs("persons_due"));
    for (String org : List.of("D1", "R")) {
      for (int m = 0; m < 3; m++) {
        assertEquals(due[2][m], (int) rows.get(org + "/" + MONTHS[m]).getAs("persons_due"));
      }
    }
    for (String org : List.of("S1", "S2", "D1", "R")) {
      assertNotNull(rows.get(org + "/2025-06-01").getAs("persons_overdue"), org);
      assertNull(rows.get(org + "/2025-07-01").getAs("persons_overdue"), org);
    }
    attack(Map.of(Tables.QUALIFICATION_WORKLOAD, input), out);
  }

  // ---- pd_need_forecast --------------------------------------------------------------------

  static Row forecast(String level, String org, String district, String target, int persons) {
    return RowFactory.create(level, org, district, "2026-01", target, persons);
  }

  @Test
  void pdNeedForecastASmallSchoolGetsAPartnerAndOtherTargetsStayWhole(SparkSession spark) {
    // 2026-05: D1 = S1 4 + S2 9 + S3 15 = 28, D2 = S4 30, region 58 → S1 and S2 hidden.
    // 2027-01: nothing small, nothing hidden (each target window is its own table).
    List<Row> input = List.of(forecast("school", "S1", "D1", "2026-05", 4),
        forecast("school", "S2", "D1", "2026-05", 9), forecast("school", "S3", "D1", "2026-05", 15),
        forecast("school", "S4", "D2", "2026-05", 30), forecast("district", "D1", "D1", "2026-05", 28),
        forecast("district", "D2", "D2", "2026-05", 30), forecast("region", "R", null, "2026-05", 58),
        forecast("school", "S1", "D1", "2027-01", 6), forecast("school", "S2", "D1", "2027-01", 9),
        forecast("school", "S3", "D1", "2027-01", 15), forecast("school", "S4", "D2", "2027-01", 30),
        forecast("district", "D1", "D1", "2027-01", 30), forecast("district", "D2", "D2", "2027-01", 30),
        forecast("region", "R", null, "2027-01", 60));
    Map<String, Dataset<Row>> out = suppress(spark, Map.of(Tables.PD_NEED_FORECAST, input));
    Map<String, Row> rows = index(out.get(Tables.PD_NEED_FORECAST),
        r -> r.getAs("org_id") + "/" + r.getAs("target_window"));
    assertNull(rows.get("S1/2026-05").getAs("persons_lacking_36h"));
    assertNull(rows.get("S2/2026-05").getAs("persons_lacking_36h"));
    assertEquals(2, hiddenCells(out));
    attack(Map.of(Tables.PD_NEED_FORECAST, input), out);
  }

  // ---- qualification_backtest --------------------------------------------------------------

  static Row backtest(String level, String org, String category, double projected, int observed) {
    return RowFactory.create(level, org, "2023-05", "2025-05", category, projected, observed,
        100 * Math.abs(projected - observed) / observed);
  }

  @Test
  void backtestHidesTheErrorWithItsObservedCountAndKeepsTheTotals(SparkSession spark) {
    // D1: первая observed 3 (primary). projected 4 and abs_pct_error 33.3 % would give 3 back,
    // and so would the «все категории» row (53 − 20 − 30) and the region (13 − 10).
    List<Row> input = new ArrayList<>();
    Object[][] cats = {{"первая", 3, 10}, {"высшая", 20, 12}, {"без категории", 30, 15}};
    int[] all = {0, 0};
    double[] err = {0, 0};
    for (Object[] c : cats) {
      int d1 = (int) c[1];
      int d2 = (int) c[2];
      input.add(backtest("district", "D1", (String) c[0], d1 + 1.0, d1));
      input.add(backtest("district", "D2", (String) c[0], d2 + 1.0, d2));
      input.add(backtest("region", "R", (String) c[0], d1 + d2 + 2.0, d1 + d2));
      all[0] += d1;
      all[1] += d2;
      err[0] += 100.0 / d1 / 3;
      err[1] += 100.0 / d2 / 3;
    }
    String allCategories = QualificationSuppression.ALL_CATEGORIES;
    input.add(RowFactory.create("district", "D1", "2023-05", "2025-05", allCategories,
        all[0] + 3.0, all[0], err[0]));
    input.add(RowFactory.create("district", "D2", "2023-05", "2025-05", allCategories,
        all[1] + 3.0, all[1], err[1]));
    input.add(RowFactory.create("region", "R", "2023-05", "2025-05", allCategories,
        all[0] + all[1] + 6.0, all[0] + all[1], (err[0] + err[1]) / 2));
    Map<String, Dataset<Row>> out = suppress(spark, Map.of(Tables.QUALIFICATION_BACKTEST, input));
    Map<String, Row> rows = index(out.get(Tables.QUALIFICATION_BACKTEST),
        r -> r.getAs("org_id") + "/" + r.getAs("category"));
    assertNull(rows.get("D1/первая").getAs("observed"));
    assertNull(rows.get("D1/первая").getAs("abs_pct_error"));
    assertEquals(4.0, (double) rows.get("D1/первая").getAs("projected"));
    for (String org : List.of("D1", "D2", "R")) {
      assertNotNull(rows.get(org + "/" + allCategories).getAs("observed"), org);
    }
    for (Object[] c : cats) {
      assertNotNull(rows.get("R/" + c[0]).getAs("observed"));
    }
    attack(Map.of(Tables.QUALIFICATION_BACKTEST, input), out);
  }

  // ---- switches ----------------------------------------------------------------------------

  @Test
  void zeroMinCountTurnsSuppressionOff(SparkSession spark) {
    Map<String, Dataset<Row>> in = new LinkedHashMap<>();
    in.put(Tables.QUALIFICATION_TRANSITIONS, frame(spark, Tables.QUALIFICATION_TRANSITIONS,
        transitionsOneSmallSchool()));
    Map<String, Dataset<Row>> out = QualificationSuppression.apply(in, 0);
    assertSame(in.get(Tables.QUALIFICATION_TRANSITIONS), out.get(Tables.QUALIFICATION_TRANSITIONS));
    assertEquals(0, hiddenCells(out));
  }

  @Test
  void columnsAndTypesStayAsTheMartContractHasThem(SparkSession spark) {
    Map<String, Dataset<Row>> in = new LinkedHashMap<>();
    for (String t : MartTables.qualificationSchemas().keySet()) {
      in.put(t, spark.createDataFrame(List.of(), MartTables.qualificationSchemas().get(t)));
    }
    Map<String, Dataset<Row>> out = QualificationSuppression.apply(in, MIN_COUNT);
    for (String t : in.keySet()) {
      assertEquals(in.get(t).schema(), out.get(t).schema(), t);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  static Dataset<Row> frame(SparkSession spark, String table, List<Row> rows) {
    return spark.createDataFrame(rows, MartTables.qualificationSchemas().get(table));
  }

  static Map<String, Dataset<Row>> suppress(SparkSession spark, Map<String, List<Row>> input) {
    Map<String, Dataset<Row>> in = new LinkedHashMap<>();
    input.forEach((t, rows) -> in.put(t, frame(spark, t, rows)));
    Map<String, Dataset<Row>> out = QualificationSuppression.apply(in, MIN_COUNT);
    Map<String, Dataset<Row>> cached = new LinkedHashMap<>();
    out.forEach((t, ds) -> cached.put(t, spark.createDataFrame(ds.collectAsList(), ds.schema())));
    return cached;
  }

  static Map<String, Row> index(Dataset<Row> ds, Function<Row, String> key) {
    Map<String, Row> m = new LinkedHashMap<>();
    for (Row r : ds.collectAsList()) {
      m.put(key.apply(r), r);
    }
    return m;
  }

  static List<Integer> measures(Row growthRow) {
    return List.of(growthRow.getAs("staff_from"), growthRow.getAs("staff_to"),
        growthRow.getAs("with_category_from"), growthRow.getAs("with_category_to"),
        growthRow.getAs("net_growth"));
  }

  /** NULL cells among the measures of every table, excluding NULLs of the input (none here). */
  static long hiddenCells(Map<String, Dataset<Row>> out) {
    long n = 0;
    for (Map.Entry<String, Dataset<Row>> e : out.entrySet()) {
      for (Row r : e.getValue().collectAsList()) {
        for (String m : QualificationSuppression.LAYOUTS.get(e.getKey()).measures()) {
          if (r.getAs(m) == null) {
            n++;
          }
        }
      }
    }
    return n;
  }

  // ---- the attacker ------------------------------------------------------------------------

  /** One published number: where it is, its true value and what the mart shows (NULL = «…»). */
  record Published(String id, double truth, Double shown) {}

  /** A published sum: Σ sign·term = 0. */
  record Equation(String name, List<Published> plus, List<Published> minus) {}

  /**
   * Every additive relation the reader can write from the published tables, written out here
   * independently of QualificationSuppression: district over schools and region over districts
   * for every cell and count column; in qualification_growth with_category_to − with_category_from
   * = net_growth, and staff_from / staff_to = the unit's transitions present at window_from /
   * window_to; in qualification_workload the months of a unit add up to the year total published
   * in indicator_values (always known); in qualification_backtest the categories add up to
   * «все категории», the «все категории» error is the mean of the category errors, and
   * projected with abs_pct_error gives observed. An equation with exactly one NULL member solves
   * for it: that must never happen.
   */
  static void attack(Map<String, List<Row>> rawInput, Map<String, Dataset<Row>> out) {
    Map<String, List<Row>> input = new LinkedHashMap<>();
    rawInput.forEach((t, rows) -> input.put(t, rows.stream().<Row>map(r -> new GenericRowWithSchema(
        ((GenericRow) r).values(), MartTables.qualificationSchemas().get(t))).toList()));
    Map<String, Published> cells = new LinkedHashMap<>();
    for (Map.Entry<String, List<Row>> e : input.entrySet()) {
      List<String> measures = QualificationSuppression.LAYOUTS.get(e.getKey()).measures();
      Map<String, Row> shown = new LinkedHashMap<>();
      for (Row r : out.get(e.getKey()).collectAsList()) {
        shown.put(rowId(e.getKey(), r), r);
      }
      for (Row r : e.getValue()) {
        Row s = shown.get(rowId(e.getKey(), r));
        for (String m : measures) {
          Number truth = r.getAs(m);
          Number visible = s.getAs(m);
          if (truth != null) {
            cells.put(rowId(e.getKey(), r) + "#" + m, new Published(rowId(e.getKey(), r) + "#" + m,
                truth.doubleValue(), visible == null ? null : visible.doubleValue()));
          }
        }
      }
    }
    List<Equation> equations = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : input.entrySet()) {
      String t = e.getKey();
      List<Row> rows = e.getValue();
      for (Row parent : rows) {
        String level = parent.getAs("org_level");
        if (level.equals("school")) {
          continue;
        }
        for (String m : QualificationSuppression.LAYOUTS.get(t).hierarchy()) {
          List<Published> children = new ArrayList<>();
          for (Row child : rows) {
            boolean under = level.equals("district")
                ? "school".equals(child.getAs("org_level"))
                    && Objects.equals(child.getAs("district_id"), parent.getAs("org_id"))
                : "district".equals(child.getAs("org_level"));
            if (under && sameCell(t, parent, child) && cells.containsKey(rowId(t, child) + "#" + m)) {
              children.add(cells.get(rowId(t, child) + "#" + m));
            }
          }
          if (children.isEmpty()) {
            continue;   // backtest: no schools under a district
          }
          equations.add(new Equation(t + " hierarchy " + rowId(t, parent) + "#" + m,
              List.of(cells.get(rowId(t, parent) + "#" + m)), children));
        }
      }
      for (Row r : rows) {
        String id = rowId(t, r);
        if (t.equals(Tables.QUALIFICATION_GROWTH)) {
          equations.add(new Equation("net growth " + id, List.of(cells.get(id + "#with_category_to")),
              List.of(cells.get(id + "#with_category_from"), cells.get(id + "#net_growth"))));
          List<Row> moves = input.getOrDefault(Tables.QUALIFICATION_TRANSITIONS, List.of());
          for (String side : List.of("staff_from", "staff_to")) {
            List<Published> parts = new ArrayList<>();
            for (Row m : moves) {
              String kind = m.getAs("transition_kind");
              boolean present = side.equals("staff_from") ? !kind.equals("new_hire")
                  && !kind.equals("moved_in") : !kind.equals("leaver") && !kind.equals("moved_out");
              if (present && m.getAs("org_id").equals(r.getAs("org_id"))
                  && m.getAs("org_level").equals(r.getAs("org_level"))) {
                parts.add(cells.get(rowId(Tables.QUALIFICATION_TRANSITIONS, m) + "#persons"));
              }
            }
            if (!parts.isEmpty()) {
              equations.add(new Equation(side + " over transitions " + id,
                  List.of(cells.get(id + "#" + side)), parts));
            }
          }
        }
      }
      if (t.equals(Tables.QUALIFICATION_WORKLOAD)) {
        Map<String, List<Published>> months = new LinkedHashMap<>();
        Map<String, Double> total = new LinkedHashMap<>();
        for (Row r : rows) {
          String unit = r.getAs("org_level") + "/" + r.getAs("org_id");
          months.computeIfAbsent(unit, k -> new ArrayList<>()).add(cells.get(rowId(t, r) + "#persons_due"));
          total.merge(unit, ((Integer) r.getAs("persons_due")).doubleValue(), Double::sum);
        }
        months.forEach((unit, parts) -> equations.add(new Equation("year total " + unit,
            List.of(new Published("indicator_values " + unit, total.get(unit), total.get(unit))),
            parts)));
      }
      if (t.equals(Tables.QUALIFICATION_BACKTEST)) {
        for (Row r : rows) {
          String id = rowId(t, r);
          Published observed = cells.get(id + "#observed");
          Published error = cells.get(id + "#abs_pct_error");
          // observed = projected · 100 / (100 ± error): one unknown each way
          equations.add(new Equation("error gives observed " + id, List.of(observed), List.of(error)));
          if (QualificationSuppression.ALL_CATEGORIES.equals(r.getAs("category"))) {
            List<Published> obs = new ArrayList<>();
            List<Published> errors = new ArrayList<>();
            for (Row c : rows) {
              if (c.getAs("org_id").equals(r.getAs("org_id")) && !c.getAs("category").equals(r.getAs("category"))) {
                obs.add(cells.get(rowId(t, c) + "#observed"));
                errors.add(cells.get(rowId(t, c) + "#abs_pct_error"));
              }
            }
            equations.add(new Equation("all categories " + id, List.of(observed), obs));
            equations.add(new Equation("mean error " + id, List.of(error), errors));
          }
        }
      }
    }
    for (Equation eq : equations) {
      List<Published> unknown = new ArrayList<>();
      eq.plus().stream().filter(p -> p.shown() == null).forEach(unknown::add);
      eq.minus().stream().filter(p -> p.shown() == null).forEach(unknown::add);
      if (unknown.size() == 1) {
        fail(eq.name() + " gives back " + unknown.get(0).id() + " = " + unknown.get(0).truth());
      }
    }
  }

  static boolean sameCell(String table, Row a, Row b) {
    for (String c : MartTables.qualificationSchemas().get(table).fieldNames()) {
      if (!List.of("org_level", "org_id", "district_id").contains(c)
          && !QualificationSuppression.LAYOUTS.get(table).measures().contains(c)
          && !c.equals("projected") && !Objects.equals(a.getAs(c), b.getAs(c))) {
        return false;
      }
    }
    return true;
  }

  static String rowId(String table, Row r) {
    StringBuilder sb = new StringBuilder(table);
    for (String c : MartTables.qualificationSchemas().get(table).fieldNames()) {
      if (!QualificationSuppression.LAYOUTS.get(table).measures().contains(c)
          && !c.equals("projected")) {
        sb.append('/').append(Objects.toString(r.getAs(c)));
      }
    }
    return sb.toString();
  }
}
