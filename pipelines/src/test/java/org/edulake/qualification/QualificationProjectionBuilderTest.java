package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.edulake.mart.MartTables;
import org.edulake.spark.Tables;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class QualificationProjectionBuilderTest {
  private static final double EPS = 1e-9;

  private static Row t(String level, String org, String district, String from, String to,
      String catFrom, String catTo, String kind, int persons) {
    return RowFactory.create(level, org, district, from, to, catFrom, catTo, kind, persons);
  }

  private static Dataset<Row> transitions(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows,
        MartTables.qualificationSchemas().get(Tables.QUALIFICATION_TRANSITIONS));
  }

  /** org_level|org_id|… key → value, for tolerance comparisons. */
  private static Map<String, Double> values(Dataset<Row> ds, String valueColumn, String... key) {
    Map<String, Double> m = new TreeMap<>();
    for (Row r : ds.collectAsList()) {
      List<String> k = new ArrayList<>();
      for (String c : key) {
        Object v = r.getAs(c);
        k.add(v == null ? "-" : v.toString());
      }
      Object v = r.getAs(valueColumn);
      m.put(String.join("|", k), v == null ? null : ((Number) v).doubleValue());
    }
    return m;
  }

  private static void assertValues(Map<String, Double> expected, Map<String, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> {
      if (v == null) {
        assertEquals(null, actual.get(k), k);
      } else {
        assertEquals(v, actual.get(k), EPS, k);
      }
    });
  }

  @Test
  void regionFollowsTheTwoStateClosedFormAndASmallDistrictBorrowsSparseRows(SparkSession spark) {
    // Region, one pair: первая 90 stay / 10 up → 0.9 / 0.1; высшая 20 down / 80 stay → 0.2 / 0.8.
    // District D1: первая only 10 persons (< 30): the region's row; высшая 40 persons, all stay:
    // its own row. School rows are not used. No hires, nobody leaves.
    Dataset<Row> tr = transitions(spark, List.of(
        t("region", "R", null, "2025-01", "2025-05", "первая", "первая", "confirmation", 90),
        t("region", "R", null, "2025-01", "2025-05", "первая", "высшая", "upgrade", 10),
        t("region", "R", null, "2025-01", "2025-05", "высшая", "первая", "downgrade", 20),
        t("region", "R", null, "2025-01", "2025-05", "высшая", "высшая", "confirmation", 80),
        t("district", "D1", "D1", "2025-01", "2025-05", "первая", "первая", "confirmation", 5),
        t("district", "D1", "D1", "2025-01", "2025-05", "первая", "высшая", "upgrade", 5),
        t("district", "D1", "D1", "2025-01", "2025-05", "высшая", "высшая", "confirmation", 40),
        t("school", "S1", "D1", "2025-01", "2025-05", "первая", "высшая", "upgrade", 100)));
    // the latest roster: 10 persons with первая in S1 (district D1)
    Rosters roster = new Rosters("ru").main("2025-01", "Q0", "S1", "первая", "2024-10-01");
    for (int i = 1; i <= 10; i++) {
      roster.main("2025-05", "Q" + i, "S1", "первая", "2024-10-01");
    }
    Dataset<Row> p = QualificationProjectionBuilder.projection(tr, roster.staff(spark),
        Rosters.schools(spark, List.of("2025-01", "2025-05"), "S1:D1"),
        Rosters.windows(spark, "2025-01", "2025-05"));
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.QUALIFICATION_PROJECTION), p);
    Map<String, Double> expected = new TreeMap<>();
    for (int year = 1; year <= 3; year++) {
      int n = 2 * year; // two window pairs a year
      // region: x_n(первая) = 10·π + (10 − 10·π)·0.7^n with π = 2/3
      double regionFirst = 20.0 / 3 + 10.0 / 3 * Math.pow(0.7, n);
      expected.put("region|R|-|2025-05|" + year + "|первая", regionFirst);
      expected.put("region|R|-|2025-05|" + year + "|высшая", 10 - regionFirst);
      // district: 0.9 stay in первая, высшая absorbing → 10·0.9^n
      double districtFirst = 10 * Math.pow(0.9, n);
      expected.put("district|D1|D1|2025-05|" + year + "|первая", districtFirst);
      expected.put("district|D1|D1|2025-05|" + year + "|высшая", 10 - districtFirst);
    }
    assertValues(expected, values(p, "persons_expected", "org_level", "org_id", "district_id",
        "base_window", "years_ahead", "category"));
    // year 1 by hand: (10, 0) → (9, 1) → (8.1 + 0.2, 0.9 + 0.8) = (8.3, 1.7)
    assertEquals(8.3, expected.get("region|R|-|2025-05|1|первая"), EPS);
  }

  @Test
  void backtestProjectsFrom2023WithTheRatesKnownThenAndReportsTheError(SparkSession spark) {
    // Windows 2023-01, 2023-05, 2025-05. Base 2023-05; rates only from 2023-01 → 2023-05:
    // первая 9 stay / 1 up; высшая unobserved (stays). The pair 2023-05 → 2025-05 is later than
    // the base and is not used. 4 steps (2 years): первая 10·0.9^4 = 6.561, высшая 3.439.
    // Observed at 2025-05: 6 первая, 4 высшая → errors 0.561/6 = 9.35 %, 0.561/4 = 14.025 %;
    // overall: totals 10 and 10, mean error (9.35 + 14.025) / 2 = 11.6875 %.
    Dataset<Row> tr = transitions(spark, List.of(
        t("region", "R", null, "2023-01", "2023-05", "первая", "первая", "confirmation", 9),
        t("region", "R", null, "2023-01", "2023-05", "первая", "высшая", "upgrade", 1),
        t("region", "R", null, "2023-05", "2025-05", "первая", "первая", "confirmation", 1)));
    Rosters roster = new Rosters("ru");
    for (int i = 1; i <= 10; i++) {
      roster.main("2023-05", "Q" + i, "S1", "первая", "2023-02-01");
      roster.main("2025-05", "Q" + i, "S1", i <= 6 ? "первая" : "высшая", "2023-02-01");
    }
    Dataset<Row> b = QualificationProjectionBuilder.backtest(tr, roster.staff(spark),
        Rosters.schools(spark, List.of("2023-01", "2023-05", "2025-05"), "S1:D1"),
        Rosters.windows(spark, "2023-01", "2023-05", "2025-05")).cache();
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.QUALIFICATION_BACKTEST), b);
    String[] key = {"org_level", "org_id", "base_window", "target_window", "category"};
    String r = "region|R|2023-05|2025-05|";
    Map<String, Double> projected = new TreeMap<>(Map.of(r + "первая", 6.561, r + "высшая", 3.439,
        r + "все категории", 10.0));
    assertValues(projected, values(b, "projected", key));
    assertValues(new TreeMap<>(Map.of(r + "первая", 6.0, r + "высшая", 4.0, r + "все категории", 10.0)),
        values(b, "observed", key));
    assertValues(new TreeMap<>(Map.of(r + "первая", 9.35, r + "высшая", 14.025,
            r + "все категории", 11.6875)), values(b, "abs_pct_error", key));
    // D1 has no transitions of its own in the pool: no back-test row
    assertEquals(0, b.filter(col("org_level").equalTo("district")).count());
  }
}
