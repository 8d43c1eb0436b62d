package org.edulake.qualification;

import static org.edulake.qualification.Rosters.lines;
import static org.edulake.qualification.Rosters.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.mart.MartTables;
import org.edulake.spark.Tables;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class PdNeedForecastBuilderTest {
  @Test
  void personsLacking36HoursAtEachOfTheNextFourWindows(SparkSession spark) {
    // Latest window 2026-01 (ref 2026-01-31); next windows 2026-05, 2027-01, 2027-05, 2028-01,
    // whose 36-month look-backs start after 2023-05-31, 2024-01-31, 2024-05-31, 2025-01-31.
    // X (S1): 40 h ended 2024-03-15 → enough until 2027-01, lacking from 2027-05.
    // Y (S1): 20 h on 2025-03-01 + 20 h on 2024-01-31 → 40 h at 2026-05; at 2027-01 the
    //         2024-01-31 course is exactly at the excluded start → 20 h, lacking from there.
    // Z (S2, second job at S3): no course → lacking at every window.
    // V (S3): 50 h ending 2026-03-01, after the latest reference date: not taken yet → lacking.
    // U was on the 2025-05 roster only: not counted.
    Rosters roster = new Rosters("ru")
        .main("2025-05", "U", "S1", "без категории", null)
        .main("2026-01", "X", "S1", "без категории", null)
        .main("2026-01", "Y", "S1", "без категории", null)
        .main("2026-01", "Z", "S2", "без категории", null)
        .secondary("2026-01", "Z", "S3", "без категории", null)
        .main("2026-01", "V", "S3", "без категории", null);
    StructType courseSchema = new StructType().add("person_key", DataTypes.StringType)
        .add("hours", DataTypes.IntegerType).add("end_date", DataTypes.DateType);
    Dataset<Row> courses = spark.createDataFrame(List.of(
        RowFactory.create("X", 40, Date.valueOf("2024-03-15")),
        RowFactory.create("Y", 20, Date.valueOf("2025-03-01")),
        RowFactory.create("Y", 20, Date.valueOf("2024-01-31")),
        RowFactory.create("V", 50, Date.valueOf("2026-03-01")),
        RowFactory.create("U", 10, Date.valueOf("2025-03-01"))), courseSchema);
    Dataset<Row> f = PdNeedForecastBuilder.build(roster.staff(spark),
        Rosters.schools(spark, List.of("2025-05", "2026-01"), "S1:D1", "S2:D1", "S3:D2"),
        Rosters.windows(spark, "2025-05", "2026-01"), courses);
    Rosters.assertColumns(MartTables.qualificationSchemas().get(Tables.PD_NEED_FORECAST), f);
    assertEquals(sorted(
            "school|S1|D1|2026-01|2026-05|0", "school|S1|D1|2026-01|2027-01|1",
            "school|S1|D1|2026-01|2027-05|2", "school|S1|D1|2026-01|2028-01|2",
            "school|S2|D1|2026-01|2026-05|1", "school|S2|D1|2026-01|2027-01|1",
            "school|S2|D1|2026-01|2027-05|1", "school|S2|D1|2026-01|2028-01|1",
            "school|S3|D2|2026-01|2026-05|1", "school|S3|D2|2026-01|2027-01|1",
            "school|S3|D2|2026-01|2027-05|1", "school|S3|D2|2026-01|2028-01|1",
            "district|D1|D1|2026-01|2026-05|1", "district|D1|D1|2026-01|2027-01|2",
            "district|D1|D1|2026-01|2027-05|3", "district|D1|D1|2026-01|2028-01|3",
            "district|D2|D2|2026-01|2026-05|1", "district|D2|D2|2026-01|2027-01|1",
            "district|D2|D2|2026-01|2027-05|1", "district|D2|D2|2026-01|2028-01|1",
            "region|R|-|2026-01|2026-05|2", "region|R|-|2026-01|2027-01|3",
            "region|R|-|2026-01|2027-05|4", "region|R|-|2026-01|2028-01|4"),
        lines(f, "org_level", "org_id", "district_id", "base_window", "target_window",
            "persons_lacking_36h"));
  }
}
