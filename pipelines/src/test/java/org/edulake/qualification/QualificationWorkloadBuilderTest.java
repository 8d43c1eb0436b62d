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

@ExtendWith(SparkExtension.class)
class QualificationWorkloadBuilderTest {
  @Test
  void dueByMonthOfTheNext12MonthsAndOverdueOnTheFirstMonth(SparkSession spark) {
    // Window 2023-05, ref 2023-05-31: months 2023-06 … 2024-05, due dates in (ref, ref + 12 m].
    // P1 первая 2018-06-01 → due 2023-06-01 (June); P2 СЗД 2018-12-15 → due 2023-12-15;
    // P3 СЗД 2018-01-10 → due 2023-01-10, overdue; P4 высшая 2019-05-31 → due 2024-05-31 =
    // ref + 12 months, the last month; P5 первая 2019-06-01 → 2024-06-01, beyond; P6 первая
    // 2023-10-01 (after Order 196) never expires. P1's second job at S3 is not counted.
    Rosters roster = new Rosters("ru")
        .main("2023-05", "P1", "S1", "первая", "2018-06-01")
        .secondary("2023-05", "P1", "S3", "первая", "2018-06-01")
        .main("2023-05", "P2", "S1", "соответствие занимаемой должности", "2018-12-15")
        .main("2023-05", "P3", "S2", "соответствие занимаемой должности", "2018-01-10")
        .main("2023-05", "P4", "S1", "высшая", "2019-05-31")
        .main("2023-05", "P5", "S1", "первая", "2019-06-01")
        .main("2023-05", "P6", "S2", "первая", "2023-10-01");
    Dataset<Row> w = QualificationWorkloadBuilder.build(roster.staff(spark),
        Rosters.schools(spark, List.of("2023-05"), "S1:D1", "S2:D1", "S3:D2")).cache();
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.QUALIFICATION_WORKLOAD), w);
    // 12 month rows for S1, S2, D1 and R; none for S3 or D2 (no one works there mainly)
    assertEquals(48, w.count());
    assertEquals(sorted(
            "school|S1|D1|2023-06-01|1|0", "school|S1|D1|2023-12-01|1|0",
            "school|S1|D1|2024-05-01|1|0",
            "school|S2|D1|2023-06-01|0|1",
            "district|D1|D1|2023-06-01|1|1", "district|D1|D1|2023-12-01|1|0",
            "district|D1|D1|2024-05-01|1|0",
            "region|R|-|2023-06-01|1|1", "region|R|-|2023-12-01|1|0", "region|R|-|2024-05-01|1|0"),
        lines(w.filter(col("persons_due").gt(0).or(col("persons_overdue").gt(0))),
            "org_level", "org_id", "district_id", "due_month", "persons_due", "persons_overdue"));
    assertEquals(List.of("2023-06-01|2024-05-01|12"),
        lines(w.filter(col("org_id").equalTo("S2")).agg(org.apache.spark.sql.functions.min("due_month"),
            org.apache.spark.sql.functions.max("due_month"), org.apache.spark.sql.functions.count("*")),
            "*"));
  }
}
