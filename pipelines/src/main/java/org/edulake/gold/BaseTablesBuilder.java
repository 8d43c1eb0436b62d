package org.edulake.gold;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.config.MonitoringWindow;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;

/**
 * silver → base_* tables: one row per counted unit (person, school, request, event) and window,
 * with the flags that indicator passports count. Every definition from SPEC is a constant here.
 */
public final class BaseTablesBuilder {
  static final int YOUNG_BELOW_AGE = 35;               // SPEC §7
  static final int SENIOR_FROM_AGE = 60;               // SPEC §4.2
  static final int BEGINNING_BELOW_YEARS = 3;          // SPEC §7
  static final int PD_HOURS_NEEDED = 36;               // SPEC §4.2, seed 003
  static final int ACTIVE_MIN_EXPERIENCE_YEARS = 5;    // seed 002
  static final int IOM_DONE_ABOVE_PCT = 70;            // seed 004 #6
  static final int MO_MIN_TEACHERS = 3;                // seed 003 §23
  static final int REGIONAL_LEVEL_RANK = 3;            // event_level.yml: региональный
  static final String HIGHER_PED_EDUCATION = "высшее педагогическое";
  static final String TEACHER = "учитель";
  static final String METHODIST = "методист";

  private BaseTablesBuilder() {}

  /** d in (ref − months, ref]: SPEC §7's half-open look-back. */
  static Column within(Column date, Column ref, int months) {
    return date.gt(add_months(ref, -months)).and(date.leq(ref));
  }

  public static Map<String, Dataset<Row>> build(Map<String, Dataset<Row>> silver) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    Dataset<Row> windows = silver.get(Tables.DIM_WINDOW).select(Columns.WINDOW_ID, Columns.REFERENCE_DATE);
    Dataset<Row> main = silver.get(Tables.FCT_STAFF_POSITION).filter(col(Columns.IS_MAIN_WORKPLACE));
    // persons of each window's roster at their main workplace: events are attributed to them
    Dataset<Row> roster = main.select(col(Columns.WINDOW_ID).as("r_window"),
        col(Columns.PERSON_KEY).as("r_person"), col(Columns.SCHOOL_ID).as("r_school"),
        col(Columns.REFERENCE_DATE).as("r_ref"));

    // PD: hours in the 36 months ending at the reference date, wherever the person worked
    Dataset<Row> pd = silver.get("fct_pd_course").join(roster,
            col(Columns.PERSON_KEY).equalTo(col("r_person"))
                .and(within(col("end_date"), col("r_ref"), MonitoringWindow.PD_MONTHS)))
        .groupBy("r_window", "r_person").agg(
            sum("hours").as("pd_hours_36m"),
            sum(when(col("federal_register"), col("hours")).otherwise(0)).as("pd_hours_federal_36m"));
    // teachers' competitions in the 12 months (any competition a staff member entered)
    Dataset<Row> comp = silver.get("fct_competition_entry");
    Dataset<Row> staffComp = comp.filter(col("participant_kind").equalTo(lit("педагог")))
        .join(roster, col(Columns.PERSON_KEY).equalTo(col("r_person"))
            .and(within(col("event_date"), col("r_ref"), MonitoringWindow.YEAR_MONTHS)))
        .groupBy("r_window", "r_person").agg(
            lit(true).as("in_competition_12m"),
            max(when(col("result_rank").geq(2).and(col("level_rank").geq(REGIONAL_LEVEL_RANK)), 1)
                .otherwise(0)).equalTo(1).as("is_winner_regional_plus_12m"));
    Dataset<Row> staffComp36 = comp.filter(col("participant_kind").equalTo(lit("педагог"))
            .and(col("result_rank").geq(2)).and(col("level_rank").geq(REGIONAL_LEVEL_RANK)))
        .join(roster, col(Columns.PERSON_KEY).equalTo(col("r_person"))
            .and(within(col("event_date"), col("r_ref"), MonitoringWindow.PD_MONTHS)))
        .groupBy("r_window", "r_person").agg(lit(true).as("is_winner_regional_plus_36m"));
    // methodological events attended or presented at in the 12 months
    Dataset<Row> events = silver.get("fct_method_event").select(col("event_id").as("e_id"),
        col("level_rank").as("e_level_rank"), col("event_date").as("e_date"));
    Dataset<Row> participation = silver.get("fct_event_participation")
        .join(events, col("event_id").equalTo(col("e_id")))
        .join(roster, col(Columns.PERSON_KEY).equalTo(col("r_person"))
            .and(within(col("e_date"), col("r_ref"), MonitoringWindow.YEAR_MONTHS)))
        .groupBy("r_window", "r_person").agg(
            max(when(col("e_level_rank").geq(REGIONAL_LEVEL_RANK), 1).otherwise(0)).equalTo(1)
                .as("in_regional_event_12m"),
            max(when(col("role").equalTo(lit("выступающий")), 1).otherwise(0)).equalTo(1)
                .as("presented_12m"));

    Dataset<Row> staff = main
        .join(pd, col(Columns.WINDOW_ID).equalTo(pd.col("r_window"))
            .and(col(Columns.PERSON_KEY).equalTo(pd.col("r_person"))), "left").drop("r_window", "r_person")
        .join(staffComp, col(Columns.WINDOW_ID).equalTo(staffComp.col("r_window"))
            .and(col(Columns.PERSON_KEY).equalTo(staffComp.col("r_person"))), "left").drop("r_window", "r_person")
        .join(staffComp36, col(Columns.WINDOW_ID).equalTo(staffComp36.col("r_window"))
            .and(col(Columns.PERSON_KEY).equalTo(staffComp36.col("r_person"))), "left").drop("r_window", "r_person")
        .join(participation, col(Columns.WINDOW_ID).equalTo(participation.col("r_window"))
            .and(col(Columns.PERSON_KEY).equalTo(participation.col("r_person"))), "left")
        .drop("r_window", "r_person");
    Column young = col("age_years").lt(YOUNG_BELOW_AGE);
    Column hasMentor = coalesce(col("has_mentor"), lit(false));
    Column isMentor = coalesce(col("is_mentor"), lit(false));
    Column highest = col("is_highest_rank");
    Column higherPed = coalesce(col("education").equalTo(lit(HIGHER_PED_EDUCATION)), lit(false));
    Column assessed = coalesce(col("independent_assessment").equalTo(lit("пройдена")), lit(false));
    Column winner36 = coalesce(col("is_winner_regional_plus_36m"), lit(false));
    Dataset<Row> base = staff.select(
        col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col(Columns.PERSON_KEY),
        col(Columns.REFERENCE_DATE), col("position"), col("subject"), col("age_years"),
        col("ped_experience_years"), col("education"), col("category"),
        col("category_effective"), col("category_rank"), col("category_date"),
        col("attestation_due_date"),
        young.as("is_young"),
        col("age_years").geq(SENIOR_FROM_AGE).as("is_60_plus"),
        col("ped_experience_years").lt(BEGINNING_BELOW_YEARS).as("is_beginning"),
        col("has_category"), highest.as("is_highest_rank"),
        higherPed.as("has_higher_ped_education"),
        col("is_attestation_due_12m"), col("is_attestation_overdue"), col("is_category_lapsed"),
        isMentor.as("is_mentor"), hasMentor.as("has_mentor"),
        isMentor.or(hasMentor).as("is_in_mentoring"),
        assessed.as("passed_independent_assessment"),
        coalesce(col("iom_completion_pct").gt(IOM_DONE_ABOVE_PCT), lit(false)).as("iom_over_70"),
        coalesce(col("pd_hours_36m"), lit(0L)).as("pd_hours_36m"),
        coalesce(col("pd_hours_federal_36m"), lit(0L)).as("pd_hours_federal_36m"),
        coalesce(col("pd_hours_36m"), lit(0L)).geq(PD_HOURS_NEEDED).as("has_pd_36h_3y"),
        coalesce(col("in_competition_12m"), lit(false)).as("in_competition_12m"),
        coalesce(col("is_winner_regional_plus_12m"), lit(false)).as("is_winner_regional_plus_12m"),
        coalesce(col("in_regional_event_12m"), lit(false)).as("in_regional_event_12m"),
        coalesce(col("presented_12m"), lit(false)).as("presented_12m"),
        coalesce(col("in_methodological_active"), lit(false)).as("in_methodological_active"),
        highest.and(higherPed).and(col("ped_experience_years").geq(ACTIVE_MIN_EXPERIENCE_YEARS))
            .or(winner36).or(assessed).as("is_eligible_active"),
        col("position").equalTo(lit(TEACHER)).as("is_teacher"),
        col("position").equalTo(lit(METHODIST)).as("is_methodist"));
    out.put(Tables.BASE_STAFF_WINDOW, base);

    // schools: registry facts, olympiad participants and subjects where an МО can exist
    Dataset<Row> schools = silver.get(Tables.DIM_SCHOOL).filter(col("is_open"));
    Dataset<Row> students = comp.filter(col("participant_kind").equalTo(lit("обучающийся")))
        .join(windows, within(col("event_date"), col(Columns.REFERENCE_DATE), MonitoringWindow.YEAR_MONTHS))
        .groupBy(col(Columns.WINDOW_ID).as("o_window"), col(Columns.SCHOOL_ID).as("o_school")).agg(
            countDistinct(when(col("event_kind").equalTo(lit("олимпиада")), col(Columns.STUDENT_KEY)))
                .as("olympiad_participants_12m"),
            countDistinct(when(col("result_rank").geq(2).and(col("level_rank").geq(REGIONAL_LEVEL_RANK)),
                col(Columns.STUDENT_KEY))).as("student_winners_regional_plus_12m"));
    Dataset<Row> subjects = main.filter(col("position").equalTo(lit(TEACHER))
            .and(col("subject").isNotNull()))
        .groupBy(col(Columns.WINDOW_ID).as("m_window"), col(Columns.SCHOOL_ID).as("m_school"), col("subject"))
        .agg(count(lit(1)).as("teachers"))
        .groupBy("m_window", "m_school").agg(
            sum(when(col("teachers").geq(MO_MIN_TEACHERS), 1).otherwise(0)).as("subjects_with_mo"));
    Dataset<Row> school = schools
        .join(students, col(Columns.WINDOW_ID).equalTo(col("o_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("o_school"))), "left")
        .join(subjects, col(Columns.WINDOW_ID).equalTo(col("m_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("m_school"))), "left")
        .select(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col("is_small_class"),
            coalesce(col("student_count"), lit(0)).as("student_count"),
            coalesce(col("olympiad_participants_12m"), lit(0L)).as("olympiad_participants_12m"),
            coalesce(col("student_winners_regional_plus_12m"), lit(0L))
                .as("student_winners_regional_plus_12m"),
            coalesce(col("subjects_with_mo"), lit(0L)).as("subjects_with_mo"));
    out.put(Tables.BASE_SCHOOL_WINDOW, school);

    // help requests (rows) of the 12 months, at the requester's main workplace in the window
    Dataset<Row> help = silver.get("fct_help_request").join(roster,
            col(Columns.PERSON_KEY).equalTo(col("r_person"))
                .and(within(col("request_date"), col("r_ref"), MonitoringWindow.YEAR_MONTHS)))
        .select(col("r_window").as(Columns.WINDOW_ID), col("r_school").as(Columns.SCHOOL_ID),
            col(Columns.PERSON_KEY), col("request_date"), col("topic"), col("status"),
            col("status").equalTo(lit("оказана в полном объёме")).as("is_fulfilled_in_full"));
    out.put(Tables.BASE_HELP_REQUEST_WINDOW, help);

    // methodological events of the 12 months, at the organising school
    Dataset<Row> ev = silver.get("fct_method_event").filter(col("organiser_school_id").isNotNull())
        .join(windows, within(col("event_date"), col(Columns.REFERENCE_DATE), MonitoringWindow.YEAR_MONTHS))
        .select(col(Columns.WINDOW_ID), col("organiser_school_id").as(Columns.SCHOOL_ID),
            col("event_id"), col("level"), col("kind"),
            coalesce(col("support_oriented"), lit(false)).as("is_support_oriented"));
    out.put(Tables.BASE_EVENT_WINDOW, ev);
    return out;
  }
}
