package org.edulake.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.Contracts;
import org.edulake.contract.RuleSpec;
import org.edulake.contract.SourceContract;
import org.edulake.quality.MessagesRu;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;

/**
 * bronze → silver, as pure transforms: {@link #build} takes the bronze frames and returns every
 * silver table by name; the pipeline writes them. Silver is rebuilt from bronze each run, so
 * it is deterministic and a re-run gives the same tables.
 */
public final class SilverBuilder {
  private final Contracts contracts;
  private final StagingTransform staging;
  private final String scheme;

  public SilverBuilder(Contracts contracts, String scheme, String secret) {
    this.contracts = contracts;
    this.scheme = scheme;
    this.staging = new StagingTransform(contracts, scheme, secret);
  }

  /** "Later" within a window folder: later modification time, then file name (SPEC §7). */
  private static Column[] latestFirst() {
    return new Column[] {col(Columns.WINDOW).desc(), col(Columns.FILE_MODIFIED_AT).desc(),
        col(Columns.FILE_NAME).desc(), col(Columns.ROW_NUMBER).desc()};
  }

  public Map<String, Dataset<Row>> build(SparkSession spark, Map<String, Dataset<Row>> bronze,
      Dataset<Row> manifest) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    Map<String, Dataset<Row>> typed = new LinkedHashMap<>();
    for (SourceContract c : contracts.sources()) {
      typed.put(c.source(), staging.typed(bronze.get(c.source()), c)
          .withColumn("reference_date", StagingTransform.referenceDate()));
    }
    // windows: every window folder that brought any file
    Dataset<Row> dimWindow = manifest.select(col(Columns.WINDOW).as(Columns.WINDOW_ID)).distinct()
        .withColumn(Columns.REFERENCE_DATE, expr("last_day(to_date(concat(window_id, '-01')))"))
        .withColumn("year", expr("cast(substring(window_id, 1, 4) as int)"))
        .withColumn("month", expr("cast(substring(window_id, 6, 2) as int)"))
        .withColumn("label_ru", expr("concat(case month when 1 then 'январь' when 5 then 'май' "
            + "else date_format(reference_date, 'MM') end, ' ', year)"));
    out.put(Tables.DIM_WINDOW, dimWindow);
    // the first window folder that brought a loaded file of each source (SPEC §7: a person-based
    // log counts as submitted for every school once any file of it has arrived)
    out.put(Tables.DIM_SOURCE_ARRIVAL, manifest.filter(col("status").equalTo(lit("loaded")))
        .groupBy(col(Columns.SOURCE).as("source"))
        .agg(org.apache.spark.sql.functions.min(col(Columns.WINDOW)).as("first_window_id")));

    // registry: per window, each school's latest registry row received up to that window
    Dataset<Row> schoolsOk = accepted(typed.get("schools"));
    WindowSpec perSchool = Window.partitionBy(col("w." + Columns.WINDOW_ID), col("s.school_id"))
        .orderBy(latestFirst());
    Dataset<Row> dimSchool = dimWindow.as("w").join(schoolsOk.as("s"),
            col("s." + Columns.WINDOW).leq(col("w." + Columns.WINDOW_ID)))
        .withColumn("rn", row_number().over(perSchool)).filter(col("rn").equalTo(1))
        .select(col("w.window_id"), col("w.reference_date"), col("s.school_id"),
            col("s.school_name"), col("s.district").as(Columns.DISTRICT_NAME), col("s.region"),
            col("s.settlement_type"), col("s.school_type"),
            coalesce(col("s.is_small_class"), lit(false)).as("is_small_class"),
            col("s.student_count"), col("s.closed_date"))
        .withColumn(Columns.DISTRICT_ID, expr("edulake_district_id(region, district_name)"))
        .withColumn("is_open", col("closed_date").isNull()
            .or(col("closed_date").gt(col("reference_date"))));
    out.put(Tables.DIM_SCHOOL, dimSchool);
    out.put(Tables.DIM_DISTRICT, dimSchool.groupBy(Columns.DISTRICT_ID).agg(
        max(Columns.DISTRICT_NAME).as(Columns.DISTRICT_NAME), max(Columns.REGION).as(Columns.REGION)));

    // school codes must be in the registry of the row's window
    Dataset<Row> knownSchools = dimSchool.select(col(Columns.WINDOW_ID).as("k_window"),
        col(Columns.SCHOOL_ID).as("k_school")).distinct();
    RuleSpec unknown = contracts.builtinRule("school_unknown");
    for (String source : List.of("staff", "competitions")) {
      Dataset<Row> t = typed.get(source);
      t = t.join(knownSchools, t.col(Columns.WINDOW).equalTo(col("k_window"))
              .and(t.col(Columns.SCHOOL_ID).equalTo(col("k_school"))), "left")
          .withColumn(Columns.ISSUES, expr("concat(" + Columns.ISSUES + ", filter(array(case when "
              + "school_id is not null and k_school is null then named_struct('column_name', "
              + "'school_id', 'rule', '" + unknown.rule() + "', 'severity', '" + unknown.severity()
              + "') end), x -> x is not null))"))
          .drop("k_window", "k_school");
      typed.put(source, t);
    }
    // a roster file is the full roster of its schools: the latest file per school and window
    Dataset<Row> staff = typed.get("staff");
    Dataset<Row> staffFiles = staff.filter(col(Columns.SCHOOL_ID).isNotNull())
        .groupBy(col(Columns.WINDOW), col(Columns.SCHOOL_ID).as("f_school"), col(Columns.FILE_NAME),
            col(Columns.FILE_MODIFIED_AT)).count()
        .withColumn("rn", row_number().over(Window.partitionBy(col(Columns.WINDOW), col("f_school"))
            .orderBy(col(Columns.FILE_MODIFIED_AT).desc(), col(Columns.FILE_NAME).desc())))
        .filter(col("rn").equalTo(1))
        .select(col(Columns.WINDOW).as("f_window"), col("f_school"), col(Columns.FILE_NAME).as("f_file"));
    staff = staff.join(staffFiles, col(Columns.WINDOW).equalTo(col("f_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("f_school"))), "left")
        .withColumn("is_current_snapshot", col("f_file").isNull()
            .or(col("f_file").equalTo(col(Columns.FILE_NAME))))
        .drop("f_window", "f_school", "f_file");
    // the same person, school and position twice in one snapshot: the later row is a duplicate
    RuleSpec dup = contracts.builtinRule("duplicate_row");
    staff = staff.withColumn("dup_rank", row_number().over(Window.partitionBy(col(Columns.WINDOW),
            col(Columns.FILE_NAME), col(Columns.PERSON_ID), col(Columns.SCHOOL_ID), col("position"))
            .orderBy(col(Columns.ROW_NUMBER))))
        .withColumn(Columns.ISSUES, expr("concat(" + Columns.ISSUES + ", filter(array(case when "
            + "person_id is not null and dup_rank > 1 then named_struct('column_name', 'person_id', "
            + "'rule', '" + dup.rule() + "', 'severity', '" + dup.severity()
            + "') end), x -> x is not null))"))
        .drop("dup_rank");
    typed.put("staff", staff);

    // surveys: the school of each response (code, or name with a confidence), roles, answers
    for (SourceContract c : contracts.sources()) {
      if (contracts.isSurvey(c.source())) {
        typed.put(c.source(), SurveyAnswerMapper.resolve(typed.get(c.source()), dimSchool,
            contracts.survey(c.source()), contracts.builtinRule("survey_school_unknown"),
            contracts.builtinRule("survey_school_by_name"),
            contracts.builtinRule("survey_answer_unknown")));
      }
    }
    // typed rows feed stg_, fct_ and dq_issues: compute each source once
    typed.replaceAll((source, frame) -> frame.persist(
        org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()));
    // data-quality issues of every row, with the Russian message
    out.put(Tables.DQ_ISSUES, issues(typed, manifest));

    for (SourceContract c : contracts.sources()) {
      if (contracts.isSurvey(c.source())) {
        Dataset<Row> latest = SurveyAnswerMapper.latest(accepted(typed.get(c.source())),
            contracts.survey(c.source()));
        out.put(Tables.staging(c.source()), SurveyAnswerMapper.responses(latest));
        out.put(Tables.FCT_SURVEY_ANSWER, SurveyAnswerMapper.answers(latest));
        continue;
      }
      Dataset<Row> ok = staging.dropPersonal(accepted(typed.get(c.source())), c);
      // the reference date is kept only where a person's age and validity depend on it
      out.put(Tables.staging(c.source()), c.source().equals("staff") ? ok.drop(Columns.ISSUES)
          : ok.drop(Columns.ISSUES, Columns.REFERENCE_DATE));
    }
    out.put(Tables.FCT_STAFF_POSITION, staffPositions(
        out.get(Tables.staging("staff")).filter(col("is_current_snapshot"))));
    for (SourceContract c : contracts.sources()) {
      if (c.isLog()) {
        out.put(factName(c.source()), latestByKey(out.get(Tables.staging(c.source())), c));
      }
    }
    return out;
  }

  public static String factName(String source) {
    return switch (source) {
      case "pd_courses" -> "fct_pd_course";
      case "competitions" -> "fct_competition_entry";
      case "method_events" -> "fct_method_event";
      case "event_participants" -> "fct_event_participation";
      case "help_requests" -> "fct_help_request";
      default -> throw new IllegalArgumentException("not a log source: " + source);
    };
  }

  private static Dataset<Row> accepted(Dataset<Row> typed) {
    return typed.filter(expr("not exists(" + Columns.ISSUES + ", x -> x.severity = 'error')"));
  }

  /** One row per person × position × window, flagged with the main workplace (SPEC §7). */
  private Dataset<Row> staffPositions(Dataset<Row> staff) {
    Dataset<Row> s = staff.withColumn(Columns.WINDOW_ID, col(Columns.WINDOW))
        .withColumn(Columns.IS_MAIN_JOB, coalesce(col(Columns.IS_MAIN_JOB), lit(true)));
    WindowSpec person = Window.partitionBy(col(Columns.WINDOW_ID), col(Columns.PERSON_KEY));
    s = s.withColumn("any_main", max(col(Columns.IS_MAIN_JOB).cast("int")).over(person))
        .withColumn("main_rank", row_number().over(person.orderBy(
            // rows marked main first when any is marked, then the lowest school code
            when(col("any_main").equalTo(1).and(col(Columns.IS_MAIN_JOB)), 0).otherwise(1),
            col(Columns.SCHOOL_ID), col("position"), col(Columns.ROW_NUMBER))))
        .withColumn(Columns.IS_MAIN_WORKPLACE, col("main_rank").equalTo(1))
        .drop("any_main", "main_rank");
    return CategoryValidity.apply(s, scheme);
  }

  /** A log keeps the latest record per natural key; pd_courses, with no key, whole rows. */
  private static Dataset<Row> latestByKey(Dataset<Row> log, SourceContract c) {
    List<Column> key = new ArrayList<>();
    for (String k : c.naturalKey()) {
      ColumnSpec spec = c.column(k).orElseThrow();
      key.add(col(spec.isPersonal() && spec.personal().equals("person_key") ? Columns.PERSON_KEY
          : spec.isPersonal() && spec.personal().equals("student_key") ? Columns.STUDENT_KEY : k));
    }
    if (key.isEmpty()) {
      for (ColumnSpec spec : c.columns()) {
        if (!spec.isPersonal()) {
          key.add(col(spec.name()));
        } else if ("person_key".equals(spec.personal())) {
          key.add(col(Columns.PERSON_KEY));
        }
      }
    }
    return log.withColumn("rn", row_number().over(Window.partitionBy(key.toArray(Column[]::new))
            .orderBy(latestFirst())))
        .filter(col("rn").equalTo(1)).drop("rn");
  }

  /** dq_issues: one row per violation, with the file's header text and a Russian message. */
  private Dataset<Row> issues(Map<String, Dataset<Row>> typed, Dataset<Row> manifest) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> e : typed.entrySet()) {
      Dataset<Row> one = e.getValue().select(col(Columns.WINDOW).as(Columns.WINDOW_ID),
          col(Columns.SOURCE).as("source"), col(Columns.FILE_NAME).as("file_name"),
          col(Columns.FILE_HASH), col(Columns.ROW_NUMBER).cast("int").as("row_number"),
          (e.getValue().columns().length > 0 && List.of(e.getValue().columns()).contains("school_id")
              ? col("school_id") : lit(null).cast("string")).as("school_id"),
          explode(col(Columns.ISSUES)).as("i"));
      all = all == null ? one : all.unionByName(one);
    }
    List<Column> messages = new ArrayList<>();
    Map<String, RuleSpec> rules = new LinkedHashMap<>(contracts.builtinRules());
    contracts.sources().forEach(c -> c.rules().forEach(r -> rules.put(r.rule(), r)));
    List<Column> ruleKeys = new ArrayList<>();
    List<Column> ruleTexts = new ArrayList<>();
    for (RuleSpec r : rules.values()) {
      ruleKeys.add(lit(r.rule()));
      ruleTexts.add(struct(lit(r.messageRu()).as("what"), lit(r.fixRu()).as("fix")));
    }
    Column text = element_at(org.apache.spark.sql.functions.map_from_arrays(
        org.apache.spark.sql.functions.array(ruleKeys.toArray(Column[]::new)),
        org.apache.spark.sql.functions.array(ruleTexts.toArray(Column[]::new))), col("rule"));
    Dataset<Row> headers = manifest.select(col(Columns.FILE_HASH).as("h_hash"), col("header_of"))
        .dropDuplicates("h_hash");
    return all.select(col(Columns.WINDOW_ID), col("source"), col("file_name"), col(Columns.FILE_HASH),
            col("row_number"), col("school_id"), col("i.column_name").as("column_name"),
            col("i.rule").as("rule"), col("i.severity").as("severity"))
        .join(headers, col(Columns.FILE_HASH).equalTo(col("h_hash")), "left")
        .withColumn("header", coalesce(expr("try_element_at(header_of, column_name)"), col("column_name")))
        .withColumn("message", MessagesRu.message(col("file_name"), col("row_number"),
            col("header"), col("column_name"), text.getField("what"), col("rule"),
            text.getField("fix"), col("severity")))
        .drop("h_hash", "header_of", Columns.FILE_HASH);
  }
}
