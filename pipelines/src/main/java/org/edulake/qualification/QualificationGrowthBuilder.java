package org.edulake.qualification;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Columns;

/**
 * qualification_growth: one row per org unit and pair of consecutive windows with the staff and
 * the persons with a category (effective rank ≥ 1, SPEC §4.1) in each window, and
 * net_growth = with_category_to − with_category_from (SPEC §4.4, seed 001 "positive dynamics of
 * the number of teachers with a qualification category"). A unit absent from one window has 0
 * there. It is a table, not a mart view over qualification_transitions, because "has a category"
 * depends on the rank, which the transitions table does not carry.
 */
public final class QualificationGrowthBuilder {
  private QualificationGrowthBuilder() {}

  public static Dataset<Row> build(Dataset<Row> staffPositions, Dataset<Row> dimSchool,
      Dataset<Row> dimWindow) {
    Dataset<Row> main = StaffByUnit.mainWorkplace(staffPositions, dimSchool)
        .select(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID),
            col(Columns.REGION), col("category_rank").geq(1).as("has_category"));
    Dataset<Row> perUnit = StaffByUnit.atEveryLevel(main, Columns.SCHOOL_ID, Columns.DISTRICT_ID,
            Columns.REGION)
        .groupBy(col(Columns.WINDOW_ID), col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            col("unit_district_id").as(Columns.DISTRICT_ID))
        .agg(count(lit(1)).as("staff"),
            sum(when(col("has_category"), 1).otherwise(0)).as("with_category"));
    Dataset<Row> pairs = WindowPairs.consecutive(dimWindow);
    Dataset<Row> from = perUnit.join(pairs, col(Columns.WINDOW_ID).equalTo(col(WindowPairs.WINDOW_FROM)))
        .select(col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO), col(Columns.ORG_LEVEL),
            col(Columns.ORG_ID), col(Columns.DISTRICT_ID).as("f_district"),
            col("staff").as("staff_from"), col("with_category").as("with_category_from"));
    Dataset<Row> to = perUnit.join(pairs, col(Columns.WINDOW_ID).equalTo(col(WindowPairs.WINDOW_TO)))
        .select(col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO), col(Columns.ORG_LEVEL),
            col(Columns.ORG_ID), col(Columns.DISTRICT_ID).as("t_district"),
            col("staff").as("staff_to"), col("with_category").as("with_category_to"));
    Column withFrom = coalesce(col("with_category_from"), lit(0L));
    Column withTo = coalesce(col("with_category_to"), lit(0L));
    return from.join(to, QualificationTransitionsBuilder.scalaSeq(WindowPairs.WINDOW_FROM,
            WindowPairs.WINDOW_TO, Columns.ORG_LEVEL, Columns.ORG_ID), "full_outer")
        .select(col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            coalesce(col("t_district"), col("f_district")).as(Columns.DISTRICT_ID),
            col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO),
            coalesce(col("staff_from"), lit(0L)).cast("int").as("staff_from"),
            coalesce(col("staff_to"), lit(0L)).cast("int").as("staff_to"),
            withFrom.cast("int").as("with_category_from"),
            withTo.cast("int").as("with_category_to"),
            withTo.minus(withFrom).cast("int").as("net_growth"));
  }
}
