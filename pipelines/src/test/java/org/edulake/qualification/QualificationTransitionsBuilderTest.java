package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.edulake.qualification.Rosters.lines;
import static org.edulake.qualification.Rosters.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.edulake.mart.MartTables;
import org.edulake.spark.Tables;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three RU windows, nine persons, every transition kind. W1 = 2023-01 (ref 2023-01-31), W2 =
 * 2023-05 (ref 2023-05-31), W3 = 2024-01 (ref 2024-01-31). Schools S1, S2 in district D1, S3 in
 * D2, region R.
 *
 * <pre>
 *      W1                          W2                            W3
 * A  S1 первая 2022-03-01        S1 высшая 2023-04-10          S1 высшая 2023-04-10
 * B  S1 первая 2018-05-31        S1 same: 2018-05-31 + 5 y = ref → lapsed   S1 same (lapsed)
 * C  S1 первая 2018-06-01        S1 same: expires 2023-06-01 > ref, valid   S1 same → lapsed
 * D  S1 высшая 2022-01-10        S1 первая 2023-03-01          —
 * E  S2 педагог-методист 2022-12 S2 педагог-наставник 2023-04  S2 педагог-наставник
 * F  —                           S2 СЗД 2022-09-01             S3 СЗД 2022-09-01 (other district)
 * G  S1 первая 2023-01-10 main,  S1 same main, S3 secondary    S1 same main, S3 secondary
 *    S3 высшая secondary
 * H  —                           S1 без категории              S2 первая 2023-11-01 (same district)
 * I  S3 вторая (legacy)          —                             —
 * J  —                           —                             S3 высшая 2023-12-01
 * </pre>
 */
@ExtendWith(SparkExtension.class)
class QualificationTransitionsBuilderTest {
  static final String W1 = "2023-01";
  static final String W2 = "2023-05";
  static final String W3 = "2024-01";

  static Rosters ruRoster() {
    return new Rosters("ru")
        .main(W1, "A", "S1", "первая", "2022-03-01")
        .main(W2, "A", "S1", "высшая", "2023-04-10")
        .main(W3, "A", "S1", "высшая", "2023-04-10")
        .main(W1, "B", "S1", "первая", "2018-05-31")
        .main(W2, "B", "S1", "первая", "2018-05-31")
        .main(W3, "B", "S1", "первая", "2018-05-31")
        .main(W1, "C", "S1", "первая", "2018-06-01")
        .main(W2, "C", "S1", "первая", "2018-06-01")
        .main(W3, "C", "S1", "первая", "2018-06-01")
        .main(W1, "D", "S1", "высшая", "2022-01-10")
        .main(W2, "D", "S1", "первая", "2023-03-01")
        .main(W1, "E", "S2", "педагог-методист", "2022-12-01")
        .main(W2, "E", "S2", "педагог-наставник", "2023-04-01")
        .main(W3, "E", "S2", "педагог-наставник", "2023-04-01")
        .main(W2, "F", "S2", "соответствие занимаемой должности", "2022-09-01")
        .main(W3, "F", "S3", "соответствие занимаемой должности", "2022-09-01")
        .main(W1, "G", "S1", "первая", "2023-01-10")
        .secondary(W1, "G", "S3", "высшая", "2020-01-01")
        .main(W2, "G", "S1", "первая", "2023-01-10")
        .secondary(W2, "G", "S3", "высшая", "2020-01-01")
        .main(W3, "G", "S1", "первая", "2023-01-10")
        .secondary(W3, "G", "S3", "высшая", "2020-01-01")
        .main(W2, "H", "S1", "без категории", null)
        .main(W3, "H", "S2", "первая", "2023-11-01")
        .main(W1, "I", "S3", "вторая", null)
        .main(W3, "J", "S3", "высшая", "2023-12-01");
  }

  static Dataset<Row> transitions(SparkSession spark) {
    return QualificationTransitionsBuilder.build(ruRoster().staff(spark),
        Rosters.schools(spark, List.of(W1, W2, W3), "S1:D1", "S2:D1", "S3:D2"),
        Rosters.windows(spark, W3, W1, W2));
  }

  private static List<String> matrix(Dataset<Row> t, String level, String org, String from) {
    return lines(t.filter(col("org_level").equalTo(level).and(col("org_id").equalTo(org))
            .and(col("window_from").equalTo(from))),
        "district_id", "window_to", "category_from", "category_to", "transition_kind", "persons");
  }

  @Test
  void firstPairPersonByPersonAtEveryLevel(SparkSession spark) {
    Dataset<Row> t = transitions(spark).cache();
    // A up, B lapses exactly on 2018-05-31 + 5 years, C a day later does not, D down, G (second
    // job at S3 ignored) confirmed, H hired; E lateral (rank 3 → rank 3), F hired; I leaves.
    assertEquals(sorted(
            "D1|2023-05|первая|высшая|upgrade|1",
            "D1|2023-05|первая|без категории|lapse|1",
            "D1|2023-05|первая|первая|confirmation|2",
            "D1|2023-05|высшая|первая|downgrade|1",
            "D1|2023-05|-|без категории|new_hire|1"),
        matrix(t, "school", "S1", W1));
    assertEquals(sorted(
            "D1|2023-05|педагог-методист|педагог-наставник|lateral|1",
            "D1|2023-05|-|соответствие занимаемой должности|new_hire|1"),
        matrix(t, "school", "S2", W1));
    assertEquals(sorted("D2|2023-05|без категории|-|leaver|1"), matrix(t, "school", "S3", W1));
    assertEquals(sorted(
            "D1|2023-05|первая|высшая|upgrade|1",
            "D1|2023-05|первая|без категории|lapse|1",
            "D1|2023-05|первая|первая|confirmation|2",
            "D1|2023-05|высшая|первая|downgrade|1",
            "D1|2023-05|-|без категории|new_hire|1",
            "D1|2023-05|педагог-методист|педагог-наставник|lateral|1",
            "D1|2023-05|-|соответствие занимаемой должности|new_hire|1"),
        matrix(t, "district", "D1", W1));
    assertEquals(sorted("D2|2023-05|без категории|-|leaver|1"), matrix(t, "district", "D2", W1));
    assertEquals(sorted(
            "-|2023-05|первая|высшая|upgrade|1",
            "-|2023-05|первая|без категории|lapse|1",
            "-|2023-05|первая|первая|confirmation|2",
            "-|2023-05|высшая|первая|downgrade|1",
            "-|2023-05|-|без категории|new_hire|1",
            "-|2023-05|педагог-методист|педагог-наставник|lateral|1",
            "-|2023-05|-|соответствие занимаемой должности|new_hire|1",
            "-|2023-05|без категории|-|leaver|1"),
        matrix(t, "region", "R", W1));
  }

  @Test
  void secondPairWithMovesWithinAndAcrossDistricts(SparkSession spark) {
    Dataset<Row> t = transitions(spark).cache();
    // C lapses on 2023-06-01; D leaves; H moves S1 → S2 (same district) and is upgraded;
    // F moves S2 (D1) → S3 (D2) with the same СЗД; J is hired.
    assertEquals(sorted(
            "D1|2024-01|высшая|высшая|confirmation|1",
            "D1|2024-01|без категории|без категории|confirmation|1",
            "D1|2024-01|первая|без категории|lapse|1",
            "D1|2024-01|первая|-|leaver|1",
            "D1|2024-01|первая|первая|confirmation|1",
            "D1|2024-01|без категории|первая|moved_out|1"),
        matrix(t, "school", "S1", W2));
    assertEquals(sorted(
            "D1|2024-01|педагог-наставник|педагог-наставник|confirmation|1",
            "D1|2024-01|соответствие занимаемой должности|соответствие занимаемой должности|moved_out|1",
            "D1|2024-01|без категории|первая|moved_in|1"),
        matrix(t, "school", "S2", W2));
    assertEquals(sorted(
            "D2|2024-01|соответствие занимаемой должности|соответствие занимаемой должности|moved_in|1",
            "D2|2024-01|-|высшая|new_hire|1"),
        matrix(t, "school", "S3", W2));
    assertEquals(sorted(
            "D1|2024-01|высшая|высшая|confirmation|1",
            "D1|2024-01|без категории|без категории|confirmation|1",
            "D1|2024-01|первая|без категории|lapse|1",
            "D1|2024-01|первая|-|leaver|1",
            "D1|2024-01|первая|первая|confirmation|1",
            "D1|2024-01|без категории|первая|upgrade|1",
            "D1|2024-01|педагог-наставник|педагог-наставник|confirmation|1",
            "D1|2024-01|соответствие занимаемой должности|соответствие занимаемой должности|moved_out|1"),
        matrix(t, "district", "D1", W2));
    assertEquals(sorted(
            "D2|2024-01|соответствие занимаемой должности|соответствие занимаемой должности|moved_in|1",
            "D2|2024-01|-|высшая|new_hire|1"),
        matrix(t, "district", "D2", W2));
    assertEquals(sorted(
            "-|2024-01|высшая|высшая|confirmation|1",
            "-|2024-01|без категории|без категории|confirmation|1",
            "-|2024-01|первая|без категории|lapse|1",
            "-|2024-01|первая|-|leaver|1",
            "-|2024-01|первая|первая|confirmation|1",
            "-|2024-01|без категории|первая|upgrade|1",
            "-|2024-01|педагог-наставник|педагог-наставник|confirmation|1",
            "-|2024-01|соответствие занимаемой должности|соответствие занимаемой должности|confirmation|1",
            "-|2024-01|-|высшая|new_hire|1"),
        matrix(t, "region", "R", W2));
    // only consecutive pairs: nothing from W1 to W3
    assertEquals(0, t.filter(col("window_from").equalTo(W1).and(col("window_to").equalTo(W3))).count());
  }

  @Test
  void kzOverdueCategoryIsALapseAndCountsAtRankZero(SparkSession spark) {
    // K: эксперт dated 2019-05-31 is valid at 2024-01-31 and overdue at 2024-05-31 (date + 5 y =
    // ref). L: модератор → эксперт. M: мастер confirmed. N: «педагог» (rank 0) 2019-05-31 also
    // expires: the same assignment, rank 0 → 0, still a lapse.
    Rosters kz = new Rosters("kz")
        .main("2024-01", "K", "S1", "педагог-эксперт", "2019-05-31")
        .main("2024-05", "K", "S1", "педагог-эксперт", "2019-05-31")
        .main("2024-01", "L", "S1", "педагог-модератор", "2020-01-01")
        .main("2024-05", "L", "S1", "педагог-эксперт", "2024-03-01")
        .main("2024-01", "M", "S1", "педагог-мастер", "2021-01-01")
        .main("2024-05", "M", "S1", "педагог-мастер", "2021-01-01")
        .main("2024-01", "N", "S1", "педагог", "2019-05-31")
        .main("2024-05", "N", "S1", "педагог", "2019-05-31");
    Dataset<Row> staff = kz.staff(spark);
    assertEquals(List.of("K|true|0|без категории", "N|true|0|без категории"),
        lines(staff.filter(col("window_id").equalTo("2024-05").and(col("is_attestation_overdue"))),
            "person_key", "is_category_lapsed", "category_rank", "category_effective"));
    Dataset<Row> t = QualificationTransitionsBuilder.build(staff,
        Rosters.schools(spark, List.of("2024-01", "2024-05"), "S1:D1"),
        Rosters.windows(spark, "2024-01", "2024-05"));
    assertEquals(sorted(
            "педагог-эксперт|без категории|lapse|1",
            "педагог|без категории|lapse|1",
            "педагог-модератор|педагог-эксперт|upgrade|1",
            "педагог-мастер|педагог-мастер|confirmation|1"),
        lines(t.filter(col("org_level").equalTo("region")),
            "category_from", "category_to", "transition_kind", "persons"));
  }

  @Test
  void netGrowthCountsPersonsWithACategoryInEachWindow(SparkSession spark) {
    Dataset<Row> g = QualificationGrowthBuilder.build(ruRoster().staff(spark),
        Rosters.schools(spark, List.of(W1, W2, W3), "S1:D1", "S2:D1", "S3:D2"),
        Rosters.windows(spark, W1, W2, W3));
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.QUALIFICATION_GROWTH), g);
    // W1 with a category: S1 A B C D G (5), S2 E; W2: S1 A C D G (B lapsed; H none), S2 E (F is
    // СЗД, rank 0); W3: S1 A G (C lapsed too), S2 E H, S3 J.
    assertEquals(sorted(
            "school|S1|D1|2023-01|2023-05|5|6|5|4|-1",
            "school|S2|D1|2023-01|2023-05|1|2|1|1|0",
            "school|S3|D2|2023-01|2023-05|1|0|0|0|0",
            "district|D1|D1|2023-01|2023-05|6|8|6|5|-1",
            "district|D2|D2|2023-01|2023-05|1|0|0|0|0",
            "region|R|-|2023-01|2023-05|7|8|6|5|-1",
            "school|S1|D1|2023-05|2024-01|6|4|4|2|-2",
            "school|S2|D1|2023-05|2024-01|2|2|1|2|1",
            "school|S3|D2|2023-05|2024-01|0|2|0|1|1",
            "district|D1|D1|2023-05|2024-01|8|6|5|4|-1",
            "district|D2|D2|2023-05|2024-01|0|2|0|1|1",
            "region|R|-|2023-05|2024-01|8|8|5|5|0"),
        lines(g, "org_level", "org_id", "district_id", "window_from", "window_to", "staff_from",
            "staff_to", "with_category_from", "with_category_to", "net_growth"));
  }

  @Test
  void transitionsHaveTheMartSchema(SparkSession spark) {
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.QUALIFICATION_TRANSITIONS),
        transitions(spark));
  }
}
