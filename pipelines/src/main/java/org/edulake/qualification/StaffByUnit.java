package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Columns;

/**
 * The roster as the qualification tables count it: one row per person and window at the main
 * workplace (SPEC §7), with the school's district and region in that window; and the expansion
 * of school-level rows to the three org levels.
 */
final class StaffByUnit {
  static final String SCHOOL = "school";
  static final String DISTRICT = "district";
  static final String REGION = "region";

  private StaffByUnit() {}

  /**
   * fct_staff_position rows with is_main_workplace, joined to dim_school of the same window:
   * window_id, reference_date, person_key, school_id, district_id, region and the category
   * columns after validity.
   */
  static Dataset<Row> mainWorkplace(Dataset<Row> staffPositions, Dataset<Row> dimSchool) {
    Dataset<Row> schools = dimSchool.select(col(Columns.WINDOW_ID).as("u_window"),
        col(Columns.SCHOOL_ID).as("u_school"), col(Columns.DISTRICT_ID), col(Columns.REGION));
    return staffPositions.filter(col(Columns.IS_MAIN_WORKPLACE))
        .join(schools, col(Columns.WINDOW_ID).equalTo(col("u_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("u_school"))))
        .select(col(Columns.WINDOW_ID), col(Columns.REFERENCE_DATE), col(Columns.PERSON_KEY),
            col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID), col(Columns.REGION),
            col("category"), col("category_date"), col("category_effective"),
            col("category_rank"), col("is_category_lapsed"), col("attestation_due_date"),
            col("is_attestation_overdue"));
  }

  /**
   * Each row three times, as org_level, org_id, district_id: (school, school_id, district_id),
   * (district, district_id, district_id), (region, region, NULL). Columns are taken from the
   * given names so that the same expansion serves "from" and "to" sides.
   */
  static Dataset<Row> atEveryLevel(Dataset<Row> rows, String schoolColumn, String districtColumn,
      String regionColumn) {
    Column[] rest = java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> school = rows.select(concat(rest, lit(SCHOOL).as(Columns.ORG_LEVEL),
        col(schoolColumn).as(Columns.ORG_ID), col(districtColumn).as("unit_district_id")));
    Dataset<Row> district = rows.select(concat(rest, lit(DISTRICT).as(Columns.ORG_LEVEL),
        col(districtColumn).as(Columns.ORG_ID), col(districtColumn).as("unit_district_id")));
    Dataset<Row> region = rows.select(concat(rest, lit(REGION).as(Columns.ORG_LEVEL),
        col(regionColumn).as(Columns.ORG_ID), lit(null).cast("string").as("unit_district_id")));
    return school.unionByName(district).unionByName(region);
  }

  private static Column[] concat(Column[] rest, Column... more) {
    Column[] all = java.util.Arrays.copyOf(rest, rest.length + more.length);
    System.arraycopy(more, 0, all, rest.length, more.length);
    return all;
  }
}
