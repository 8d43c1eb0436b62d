package org.edulake.qualification;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.config.MonitoringWindow;
import org.edulake.spark.Columns;

/**
 * qualification_workload: one row per org unit, window and month of the 12 months after the
 * reference date (SPEC §4.2, §4.4): persons_due, the persons at their main workplace whose
 * attestation_due_date (an expiring pre-2023-09-01 RU category, an СЗД due again, the KZ 5-year
 * cycle; silver CategoryValidity) falls in that month; persons_overdue, the persons already
 * overdue at the reference date (is_attestation_overdue), written on the unit's first month row
 * only and 0 on the others, so that the months of a unit add up to its whole workload.
 *
 * <p>The months are those of (ref, ref + 12 months], the interval of is_attestation_due_12m, so
 * persons_due summed over the months equals the numerator of staff_share_attestation_due_12m;
 * with the default month-end reference date that is the 12 calendar months after the window's
 * month. Every unit with staff in the window has all its month rows, with 0 where nobody is due.
 */
public final class QualificationWorkloadBuilder {
  private QualificationWorkloadBuilder() {}

  public static Dataset<Row> build(Dataset<Row> staffPositions, Dataset<Row> dimSchool) {
    Column ref = col(Columns.REFERENCE_DATE);
    Column due = col("attestation_due_date");
    Column firstMonth = trunc(date_add(ref, 1), "month");
    Column lastMonth = trunc(add_months(ref, MonitoringWindow.YEAR_MONTHS), "month");
    Dataset<Row> main = StaffByUnit.mainWorkplace(staffPositions, dimSchool)
        .select(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID),
            col(Columns.REGION), firstMonth.as("first_month"), lastMonth.as("last_month"),
            when(due.gt(ref).and(due.leq(add_months(ref, MonitoringWindow.YEAR_MONTHS))),
                trunc(due, "month")).as("due_in"),
            col("is_attestation_overdue"));
    Dataset<Row> units = StaffByUnit.atEveryLevel(main, Columns.SCHOOL_ID, Columns.DISTRICT_ID,
        Columns.REGION).withColumnRenamed(Columns.DISTRICT_ID, "person_district")
        .withColumnRenamed("unit_district_id", Columns.DISTRICT_ID);
    String[] key = {Columns.ORG_LEVEL, Columns.ORG_ID, Columns.DISTRICT_ID, Columns.WINDOW_ID};
    Dataset<Row> grid = units.select(col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            col(Columns.DISTRICT_ID), col(Columns.WINDOW_ID), col("first_month"),
            col("last_month")).distinct()
        .withColumn("due_month", explode(expr("sequence(first_month, last_month, interval 1 month)")));
    Dataset<Row> dueCounts = units.filter(col("due_in").isNotNull())
        .groupBy(col(Columns.ORG_LEVEL), col(Columns.ORG_ID), col(Columns.DISTRICT_ID),
            col(Columns.WINDOW_ID), col("due_in").as("due_month"))
        .agg(count(lit(1)).as("persons_due"));
    Dataset<Row> overdueCounts = units.filter(col("is_attestation_overdue"))
        .groupBy(col(Columns.ORG_LEVEL), col(Columns.ORG_ID), col(Columns.DISTRICT_ID),
            col(Columns.WINDOW_ID), col("first_month").as("due_month"))
        .agg(count(lit(1)).as("persons_overdue"));
    scala.collection.immutable.Seq<String> joinKey = QualificationTransitionsBuilder.scalaSeq(
        Columns.ORG_LEVEL, Columns.ORG_ID, Columns.WINDOW_ID, "due_month");
    return grid.drop("first_month", "last_month")
        .join(dueCounts.drop(Columns.DISTRICT_ID), joinKey, "left")
        .join(overdueCounts.drop(Columns.DISTRICT_ID), joinKey, "left")
        .select(col(key[0]), col(key[1]), col(key[2]), col(key[3]), col("due_month"),
            coalesce(col("persons_due"), lit(0L)).cast("int").as("persons_due"),
            coalesce(col("persons_overdue"), lit(0L)).cast("int").as("persons_overdue"));
  }
}
