package org.edulake.spark;

/** Column names that mean the same thing in every table (CONVENTIONS §2). */
public final class Columns {
  private Columns() {}

  // lineage (bronze and stg_ only)
  public static final String WINDOW = "_window_id";
  public static final String SOURCE = "_source";
  public static final String FILE_NAME = "_file_name";
  public static final String FILE_HASH = "_file_hash";
  public static final String FILE_MODIFIED_AT = "_file_modified_at";
  public static final String ROW_NUMBER = "_row_number";
  public static final String ROW_HASH = "_row_hash";
  public static final String BATCH_ID = "_batch_id";
  public static final String LOADED_AT = "_loaded_at";
  public static final String EXTRA = "_extra";
  public static final String DECODE_ISSUE = "_decode_issue";
  public static final String ISSUES = "_issues";

  public static final String WINDOW_ID = "window_id";
  public static final String REFERENCE_DATE = "reference_date";
  public static final String SCHOOL_ID = "school_id";
  public static final String SCHOOL_NAME = "school_name";
  public static final String DISTRICT_ID = "district_id";
  public static final String DISTRICT_NAME = "district_name";
  public static final String REGION = "region";
  public static final String PERSON_ID = "person_id";
  public static final String PERSON_KEY = "person_key";
  public static final String STUDENT_REF = "student_ref";
  public static final String STUDENT_KEY = "student_key";
  public static final String IS_MAIN_JOB = "is_main_job";
  public static final String IS_MAIN_WORKPLACE = "is_main_workplace";

  // surveys (anonymous: a response key is a hash of the response, never of a person)
  public static final String RESPONSE_KEY = "response_key";
  public static final String QUESTION_CODE = "question_code";
  public static final String RESPONDENT_ROLE = "respondent_role";
  public static final String IS_ADMINISTRATION = "is_administration";
  public static final String SCHOOL_MATCH = "school_match";
  public static final String SCHOOL_MATCH_CONFIDENCE = "school_match_confidence";

  public static final String INDICATOR_ID = "indicator_id";
  public static final String ORG_LEVEL = "org_level";
  public static final String ORG_ID = "org_id";
  public static final String ORG_NAME = "org_name";
  public static final String NUMERATOR = "numerator";
  public static final String DENOMINATOR = "denominator";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String STATUS = "status";
  public static final String SCHOOLS_COVERED = "schools_covered";
  public static final String SCHOOLS_TOTAL = "schools_total";
  public static final String LOW_CONFIDENCE = "low_confidence";
}
