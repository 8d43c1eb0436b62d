package org.edulake.spark;

/** Table names of every layer (CONVENTIONS §2); the layer is the folder under the warehouse. */
public final class Tables {
  private Tables() {}

  public static final String BRONZE_FILES = "bronze_files";

  public static String bronze(String source) {
    return "bronze_" + source;
  }

  public static String staging(String source) {
    return "stg_" + source;
  }

  public static final String DQ_ISSUES = "dq_issues";
  public static final String DIM_WINDOW = "dim_window";
  public static final String DIM_SCHOOL = "dim_school";
  public static final String DIM_DISTRICT = "dim_district";
  public static final String DIM_SOURCE_ARRIVAL = "dim_source_arrival";
  public static final String FCT_STAFF_POSITION = "fct_staff_position";
  public static final String FCT_PD_COURSE = "fct_pd_course";
  public static final String FCT_SURVEY_ANSWER = "fct_survey_answer";

  public static final String BASE_STAFF_WINDOW = "base_staff_window";
  public static final String BASE_SCHOOL_WINDOW = "base_school_window";
  public static final String BASE_SCHOOL_SUBJECT_WINDOW = "base_school_subject_window";
  public static final String BASE_HELP_REQUEST_WINDOW = "base_help_request_window";
  public static final String BASE_EVENT_WINDOW = "base_event_window";
  public static final String BASE_SURVEY_WINDOW = "base_survey_window";
  public static final String INDICATOR_VALUES = "indicator_values";
  public static final String INDICATOR_TRENDS = "indicator_trends";
  public static final String COMPLETENESS = "completeness";
  public static final String SOURCE_SUBMISSION = "source_submission";
  public static final String QUALIFICATION_TRANSITIONS = "qualification_transitions";
  public static final String QUALIFICATION_PROJECTION = "qualification_projection";
  public static final String QUALIFICATION_WORKLOAD = "qualification_workload";
  public static final String QUALIFICATION_GROWTH = "qualification_growth";
  public static final String QUALIFICATION_BACKTEST = "qualification_backtest";
  public static final String PD_NEED_FORECAST = "pd_need_forecast";
  public static final String ELIGIBLE_METHODOLOGICAL_ACTIVE = "eligible_methodological_active";
  public static final String ATTESTATION_DUE = "attestation_due";
  public static final String PD_NEEDED = "pd_needed";

  public static String layerOf(String table) {
    if (table.startsWith("bronze_")) {
      return "bronze";
    }
    if (table.startsWith("stg_") || table.startsWith("dim_") || table.startsWith("fct_")
        || table.equals(DQ_ISSUES)) {
      return "silver";
    }
    return "gold";
  }
}
