package org.edulake.qualification;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.config.MonitoringWindow;
import org.edulake.spark.Columns;

/**
 * pd_need_forecast (seed 003: forecast of professional-development needs): for the persons of
 * the latest roster, at their main workplace there, how many will have fewer than 36 hours of PD
 * in the 36 months ending at the reference date of each of the next 4 monitoring windows if they
 * take no further course. Only courses that ended by the latest window's reference date count
 * (a later end date is a course not yet taken). Next windows follow the January/May cadence
 * (seed 004) and have month-end reference dates (SPEC §2). One row per org unit and target
 * window, 0 included.
 */
public final class PdNeedForecastBuilder {
  /** SPEC §4.2, seed 003: 36 hours of PD in the last 3 years. */
  public static final int PD_HOURS_NEEDED = 36;
  public static final int WINDOWS_AHEAD = 4;
  /** Monitoring windows are in January and May (seed 004, SPEC §8 demo windows). */
  public static final int[] WINDOW_MONTHS = {1, 5};

  private PdNeedForecastBuilder() {}

  /**
   * @param pdCourses silver fct_pd_course: person_key, hours, end_date
   */
  public static Dataset<Row> build(Dataset<Row> staffPositions, Dataset<Row> dimSchool,
      Dataset<Row> dimWindow, Dataset<Row> pdCourses) {
    Dataset<Row> latest = dimWindow.agg(max(Columns.WINDOW_ID).as("base_window"));
    // the next windows: the first WINDOWS_AHEAD month starts 1..24 months after the base that
    // fall in a monitoring month
    Column baseStart = to_date(concat_ws("-", col("base_window"), lit("01")));
    StringBuilder inCadence = new StringBuilder("false");
    for (int m : WINDOW_MONTHS) {
      inCadence.append(" or month(add_months(base_start, k)) = ").append(m);
    }
    Column candidate = add_months(col("base_start"), col("k"));
    Dataset<Row> targets = latest.withColumn("base_start", baseStart)
        .withColumn("k", explode(expr("slice(filter(sequence(1, 24), k -> " + inCadence + "), 1, "
            + WINDOWS_AHEAD + ")")))
        .select(col("base_window"), date_format(candidate, "yyyy-MM").as("target_window"),
            last_day(candidate).as("target_ref"));
    Dataset<Row> roster = StaffByUnit.mainWorkplace(staffPositions, dimSchool)
        .join(latest, col(Columns.WINDOW_ID).equalTo(col("base_window")))
        .select(col(Columns.PERSON_KEY), col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID),
            col(Columns.REGION), col(Columns.REFERENCE_DATE).as("base_ref"), col("base_window"));
    Dataset<Row> personTargets = roster.join(targets, "base_window");
    Dataset<Row> courses = pdCourses.select(col(Columns.PERSON_KEY).as("c_person"),
        col("hours").as("c_hours"), col("end_date").as("c_end"));
    Column counts = col("c_end").leq(col("base_ref"))
        .and(col("c_end").gt(add_months(col("target_ref"), -MonitoringWindow.PD_MONTHS)))
        .and(col("c_end").leq(col("target_ref")));
    Dataset<Row> hours = personTargets.join(courses,
            col(Columns.PERSON_KEY).equalTo(col("c_person")).and(counts), "left")
        .groupBy(col("base_window"), col("target_window"), col(Columns.PERSON_KEY),
            col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID), col(Columns.REGION))
        .agg(coalesce(sum("c_hours"), lit(0L)).as("hours_36m"));
    return StaffByUnit.atEveryLevel(hours.withColumn("is_lacking",
                col("hours_36m").lt(PD_HOURS_NEEDED)),
            Columns.SCHOOL_ID, Columns.DISTRICT_ID, Columns.REGION)
        .groupBy(col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            col("unit_district_id").as(Columns.DISTRICT_ID), col("base_window"),
            col("target_window"))
        .agg(sum(when(col("is_lacking"), 1).otherwise(0)).cast("int").as("persons_lacking_36h"))
        .select(Columns.ORG_LEVEL, Columns.ORG_ID, Columns.DISTRICT_ID, "base_window",
            "target_window", "persons_lacking_36h");
  }
}
