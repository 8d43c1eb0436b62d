package org.edulake.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.levenshtein;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.contract.RuleSpec;
import org.edulake.contract.SurveyDefinition;
import org.edulake.spark.Columns;

/**
 * Survey rows (typed, still with answer texts) → the school each response belongs to, the
 * respondent's role, every closed answer parsed by the survey definition, and the rule
 * violations of these steps. Then {@link #latest} keeps one row per response, {@link #responses}
 * gives stg_surveys (no answer text: a multiple-choice «Другое: …» may hold free text) and
 * {@link #answers} gives fct_survey_answer. Nothing here builds a person key.
 */
public final class SurveyAnswerMapper {
  /** How the school of a response was found; the confidence goes with it. */
  public static final String MATCH_CODE = "code";
  public static final String MATCH_NAME = "name";
  public static final String MATCH_NAME_APPROXIMATE = "name_approximate";
  /** Confidence of an exact name match: the name is right but names are not unique keys. */
  static final double NAME_EXACT_CONFIDENCE = 0.95;
  private static final String ANSWERS = "_answers";

  private static final StructType PARSED = new StructType()
      .add("values", DataTypes.createArrayType(DataTypes.StringType))
      .add("score", DataTypes.DoubleType)
      .add("is_positive", DataTypes.BooleanType)
      .add("is_no_opinion", DataTypes.BooleanType)
      .add("is_unknown", DataTypes.BooleanType);

  private SurveyAnswerMapper() {}

  /**
   * @param typed survey rows from StagingTransform (school_ref, respondent_role, q01…, lineage)
   * @param dimSchool dim_school: window_id, school_id, school_name
   */
  public static Dataset<Row> resolve(Dataset<Row> typed, Dataset<Row> dimSchool,
      SurveyDefinition survey, RuleSpec schoolUnknown, RuleSpec schoolByName,
      RuleSpec answerUnknown) {
    String ref = survey.school().code();
    Dataset<Row> withMatch = matchSchools(typed, dimSchool, survey);
    // role: the canonical role of the answer, through the role vocabulary
    Map<String, String> roles = survey.role().answers().lookup();
    List<Column> keys = new ArrayList<>();
    List<Column> vals = new ArrayList<>();
    roles.forEach((k, v) -> {
      keys.add(lit(k));
      vals.add(lit(v));
    });
    String roleCode = survey.role().code();
    Column role = try_element_at(map_from_arrays(array(keys.toArray(Column[]::new)),
        array(vals.toArray(Column[]::new))), StagingTransform.normalized(col(roleCode)));
    // every closed question parsed once
    SurveyDefinition def = survey;
    UserDefinedFunction parse = udf((UDF2<String, String, Row>) (code, cell) -> {
      SurveyDefinition.Parsed p = def.parse(code, cell);
      return p == null ? null : RowFactory.create(
          scala.jdk.javaapi.CollectionConverters.asScala(p.values()).toSeq(), p.score(),
          p.positive(), p.noOpinion(), p.unknown());
    }, PARSED);
    List<Column> parsed = new ArrayList<>();
    List<Column> issues = new ArrayList<>();
    for (SurveyDefinition.Question q : survey.questions()) {
      Column p = parse.apply(lit(q.code()), col(q.code()));
      parsed.add(struct(lit(q.code()).as(Columns.QUESTION_CODE), p.as("a")));
    }
    Dataset<Row> out = withMatch
        .withColumn(Columns.RESPONDENT_ROLE, role)
        .withColumn(Columns.IS_ADMINISTRATION, coalesce(col(Columns.RESPONDENT_ROLE)
            .isin(survey.role().administration().toArray()), lit(false)))
        .withColumn(ANSWERS, filter(array(parsed.toArray(Column[]::new)), x -> x.getField("a").isNotNull()));
    for (SurveyDefinition.Question q : survey.questions()) {
      issues.add(issue(expr("exists(" + ANSWERS + ", x -> x." + Columns.QUESTION_CODE + " = '"
          + q.code() + "' and x.a.is_unknown)"), q.code(), answerUnknown));
    }
    issues.add(issue(col(roleCode).isNotNull().and(col(Columns.RESPONDENT_ROLE).isNull()),
        roleCode, answerUnknown));
    issues.add(issue(col(ref).isNotNull().and(col(Columns.SCHOOL_ID).isNull()), ref, schoolUnknown));
    issues.add(issue(col(Columns.SCHOOL_MATCH).equalTo(lit(MATCH_NAME_APPROXIMATE)), ref, schoolByName));
    return out.withColumn(Columns.ISSUES, concat(col(Columns.ISSUES),
        filter(array(issues.toArray(Column[]::new)), x -> x.isNotNull())));
  }

  private static Column issue(Column condition, String column, RuleSpec rule) {
    return when(condition, struct(lit(column).as("column_name"), lit(rule.rule()).as("rule"),
        lit(rule.severity()).as("severity")));
  }

  /**
   * The school of each response, from the school question: a registry code (alone or first in
   * the answer) with confidence 1; else the exact name, legal form ignored ({@value
   * #NAME_EXACT_CONFIDENCE}); else the most similar name of the window's registry, with
   * confidence 1 − edit distance / length, accepted from the definition's minimum.
   */
  static Dataset<Row> matchSchools(Dataset<Row> typed, Dataset<Row> dimSchool,
      SurveyDefinition survey) {
    String ref = survey.school().code();
    Column refText = col(ref);
    Dataset<Row> t = typed
        .withColumn("_m_code_a", regexp_replace(refText, "\\s", ""))
        .withColumn("_m_code_b", regexp_replace(regexp_extract(refText, "^(\\S+)", 1), "[,.;:]+$", ""))
        .withColumn("_m_name", nameKey(refText, survey.school().ignoreWords()));
    Dataset<Row> keys = t.select(col(Columns.WINDOW).as("k_window"),
        col(Columns.FILE_HASH).as("k_hash"), col(Columns.ROW_NUMBER).as("k_row"),
        col("_m_code_a"), col("_m_code_b"), col("_m_name")).filter(col("_m_code_a").isNotNull());
    Dataset<Row> schools = dimSchool.select(col(Columns.WINDOW_ID).as("s_window"),
        col(Columns.SCHOOL_ID).as("s_school"),
        nameKey(col(Columns.SCHOOL_NAME), survey.school().ignoreWords()).as("s_name"));
    Column sameWindow = col("k_window").equalTo(col("s_window"));
    Dataset<Row> byCode = keys.join(schools, sameWindow.and(col("_m_code_a").equalTo(col("s_school"))))
        .unionByName(keys.join(schools, sameWindow.and(col("_m_code_b").equalTo(col("s_school")))))
        .select(col("k_hash"), col("k_row"), col("s_school"), lit(1.0).as("conf"),
            lit(MATCH_CODE).as("method"));
    Dataset<Row> byName = keys.join(schools, sameWindow.and(col("_m_name").equalTo(col("s_name")))
            .and(length(col("_m_name")).gt(0)))
        .select(col("k_hash"), col("k_row"), col("s_school"), lit(NAME_EXACT_CONFIDENCE).as("conf"),
            lit(MATCH_NAME).as("method"));
    Dataset<Row> exact = byCode.unionByName(byName);
    Dataset<Row> rest = keys.join(exact.select(col("k_hash").as("x_hash"), col("k_row").as("x_row")),
        col("k_hash").equalTo(col("x_hash")).and(col("k_row").equalTo(col("x_row"))), "left_anti")
        .filter(length(col("_m_name")).gt(0));
    // edit distances per distinct name of a window, not per response: many responses of a
    // school carry the same misspelt name, and each is compared with every school of the window
    Dataset<Row> similar = rest.select(col("k_window"), col("_m_name")).distinct()
        .join(schools, sameWindow)
        .withColumn("conf", lit(1.0).minus(levenshtein(col("_m_name"), col("s_name"))
            .divide(greatest(length(col("_m_name")), length(col("s_name"))))))
        .filter(col("conf").geq(lit(survey.school().minNameConfidence())))
        .select(col("k_window").as("a_window"), col("_m_name").as("a_name"), col("s_school"),
            col("conf"));
    Dataset<Row> approximate = rest.join(similar, col("k_window").equalTo(col("a_window"))
            .and(col("_m_name").equalTo(col("a_name"))))
        .select(col("k_hash"), col("k_row"), col("s_school"), col("conf"),
            lit(MATCH_NAME_APPROXIMATE).as("method"));
    Dataset<Row> best = exact.unionByName(approximate)
        .withColumn("rn", row_number().over(Window.partitionBy("k_hash", "k_row")
            .orderBy(col("conf").desc(), col("s_school"))))
        .filter(col("rn").equalTo(1))
        .select(col("k_hash"), col("k_row"), col("s_school").as(Columns.SCHOOL_ID),
            col("method").as(Columns.SCHOOL_MATCH), col("conf").as(Columns.SCHOOL_MATCH_CONFIDENCE));
    return t.join(best, col(Columns.FILE_HASH).equalTo(col("k_hash"))
            .and(col(Columns.ROW_NUMBER).equalTo(col("k_row"))), "left")
        .drop("k_hash", "k_row", "_m_code_a", "_m_code_b", "_m_name");
  }

  /** A school name for comparison: lower case, legal-form words dropped, then normalised. */
  static Column nameKey(Column name, List<String> ignoreWords) {
    Column text = lower(name);
    if (!ignoreWords.isEmpty()) {
      text = regexp_replace(text, "(?U)(^|[^\\p{L}\\p{Nd}])(" + String.join("|", ignoreWords)
          + ")(?=$|[^\\p{L}\\p{Nd}])", "$1 ");
    }
    return StagingTransform.normalized(text);
  }

  /** One row per response and window: the latest file's row (a later export supersedes). */
  public static Dataset<Row> latest(Dataset<Row> accepted, SurveyDefinition survey) {
    List<Column> content = new ArrayList<>();
    content.add(coalesce(col("submitted_at"), lit("")));
    content.add(coalesce(col(survey.school().code()), lit("")));
    content.add(coalesce(col(survey.role().code()), lit("")));
    survey.questions().forEach(q -> content.add(coalesce(col(q.code()), lit(""))));
    Column key = sha2(concat_ws("|", col(Columns.WINDOW), coalesce(
        concat(lit("id:"), col("response_id")),
        concat(lit("content:"), concat_ws("|", content.toArray(Column[]::new))))), 256);
    return accepted.withColumn(Columns.RESPONSE_KEY, key)
        .withColumn("_rn", row_number().over(Window.partitionBy(col(Columns.WINDOW),
            col(Columns.RESPONSE_KEY)).orderBy(col(Columns.WINDOW).desc(),
            col(Columns.FILE_MODIFIED_AT).desc(), col(Columns.FILE_NAME).desc(),
            col(Columns.ROW_NUMBER).desc())))
        .filter(col("_rn").equalTo(1)).drop("_rn");
  }

  /** stg_surveys: one row per accepted response; no answer text leaves this step. */
  public static Dataset<Row> responses(Dataset<Row> latest) {
    return latest.select(col(Columns.WINDOW), col(Columns.SOURCE), col(Columns.FILE_NAME),
        col(Columns.FILE_HASH), col(Columns.FILE_MODIFIED_AT), col(Columns.ROW_NUMBER),
        col(Columns.BATCH_ID), col(Columns.RESPONSE_KEY), col("submitted_at"),
        col(Columns.SCHOOL_ID), col(Columns.SCHOOL_MATCH), col(Columns.SCHOOL_MATCH_CONFIDENCE),
        col(Columns.RESPONDENT_ROLE), col(Columns.IS_ADMINISTRATION));
  }

  /** fct_survey_answer: one row per response and answered question (answers of the form). */
  public static Dataset<Row> answers(Dataset<Row> latest) {
    return latest.select(col(Columns.WINDOW).as(Columns.WINDOW_ID), col(Columns.SCHOOL_ID),
            col(Columns.RESPONSE_KEY), col(Columns.RESPONDENT_ROLE), col(Columns.IS_ADMINISTRATION),
            col(Columns.SCHOOL_MATCH_CONFIDENCE), explode(col(ANSWERS)).as("x"))
        .filter(expr("not x.a.is_unknown"))
        .select(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col(Columns.RESPONSE_KEY),
            col("x." + Columns.QUESTION_CODE).as(Columns.QUESTION_CODE),
            col("x.a.values").as("answer_values"), col("x.a.score").as("answer_score"),
            col("x.a.is_positive").as("is_positive"), col("x.a.is_no_opinion").as("is_no_opinion"),
            col(Columns.RESPONDENT_ROLE), col(Columns.IS_ADMINISTRATION),
            col(Columns.SCHOOL_MATCH_CONFIDENCE));
  }
}
