package org.edulake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.contract.Contracts;
import org.edulake.pipeline.TableStore;
import org.edulake.qualification.QualificationTablesBuilder;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;

/** silver → gold: base tables, source submission, indicator values and completeness. */
public final class GoldBuilder {
  static final String SURVEYS = "surveys";
  private GoldBuilder() {}

  /**
   * Builds gold in stages; each stage's tables are written through {@code store} and the next
   * stage reads them back, so nothing is computed twice.
   */
  public static Map<String, Dataset<Row>> build(Map<String, Dataset<Row>> silver,
      List<IndicatorPassport> passports, TableStore store) throws Exception {
    Dataset<Row> schools = silver.get(Tables.DIM_SCHOOL).filter(col("is_open"))
        .select(Columns.WINDOW_ID, Columns.SCHOOL_ID, Columns.SCHOOL_NAME, Columns.DISTRICT_ID,
            Columns.DISTRICT_NAME, Columns.REGION);
    // 1. base tables, source submission, and the qualification tables that read silver only
    Map<String, Dataset<Row>> first = new LinkedHashMap<>(BaseTablesBuilder.build(silver));
    first.put(Tables.BASE_SURVEY_WINDOW, BaseSurveyWindowBuilder.build(
        silver.get(Tables.staging(SURVEYS)), silver.get(Tables.FCT_SURVEY_ANSWER),
        silver.get(Tables.FCT_STAFF_POSITION), Contracts.load().survey(SURVEYS)));
    first.put(Tables.SOURCE_SUBMISSION, submission(silver, schools));
    first.putAll(QualificationTablesBuilder.fromSilver(silver));
    Map<String, Dataset<Row>> out = new LinkedHashMap<>(store.store("gold", first));
    // 2. indicator values and completeness from the stored bases; projections from transitions
    Map<String, Dataset<Row>> second = new LinkedHashMap<>();
    Dataset<Row> submitted = out.get(Tables.SOURCE_SUBMISSION);
    second.put(Tables.INDICATOR_VALUES, IndicatorEngine.build(passports, out, schools, submitted));
    second.put(Tables.COMPLETENESS, completeness(silver, schools, submitted));
    second.putAll(QualificationTablesBuilder.fromTransitions(silver,
        out.get(Tables.QUALIFICATION_TRANSITIONS)));
    out.putAll(store.store("gold", second));
    return out;
  }

  /** window_id, school_id, source: one row per source a school counts as having submitted. */
  static Dataset<Row> submission(Map<String, Dataset<Row>> silver, Dataset<Row> schools) {
    Dataset<Row> keys = schools.select(Columns.WINDOW_ID, Columns.SCHOOL_ID);
    Dataset<Row> registry = keys.withColumn("source", lit("schools"));
    // a roster counts as sent when a staff file of the window holds the school, even if every
    // row of it was quarantined
    Dataset<Row> staffRows = silver.get(Tables.FCT_STAFF_POSITION)
        .select(Columns.WINDOW_ID, Columns.SCHOOL_ID)
        .unionByName(silver.get(Tables.DQ_ISSUES).filter(col("source").equalTo(lit("staff"))
            .and(col(Columns.SCHOOL_ID).isNotNull())).select(Columns.WINDOW_ID, Columns.SCHOOL_ID))
        .distinct().withColumn("source", lit("staff"));
    Dataset<Row> staff = keys.join(staffRows, scalaSeq(Columns.WINDOW_ID, Columns.SCHOOL_ID));
    Dataset<Row> logs = keys.join(silver.get(Tables.DIM_SOURCE_ARRIVAL)
            .filter(col("source").isin(Contracts.SOURCES.stream()
                .filter(s -> !s.equals("schools") && !s.equals("staff") && !s.equals(SURVEYS))
                .toArray())),
        col(Columns.WINDOW_ID).geq(col("first_window_id")))
        .select(Columns.WINDOW_ID, Columns.SCHOOL_ID, "source");
    // a survey is per window: every school counts as asked in a window whose folder brought one
    Dataset<Row> surveyWindows = silver.get(Tables.staging(SURVEYS))
        .select(col(Columns.WINDOW).as(Columns.WINDOW_ID)).distinct();
    logs = logs.unionByName(keys.join(surveyWindows, scalaSeq(Columns.WINDOW_ID))
        .withColumn("source", lit(SURVEYS)).select(Columns.WINDOW_ID, Columns.SCHOOL_ID, "source"));
    return registry.unionByName(staff.select(Columns.WINDOW_ID, Columns.SCHOOL_ID, "source"))
        .unionByName(logs);
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
  }

  /** Per window, school and source: submitted, rows accepted and rows rejected (SPEC §4.5). */
  static Dataset<Row> completeness(Map<String, Dataset<Row>> silver, Dataset<Row> schools,
      Dataset<Row> submitted) {
    Dataset<Row> roster = silver.get(Tables.FCT_STAFF_POSITION).filter(col(Columns.IS_MAIN_WORKPLACE))
        .select(col(Columns.WINDOW_ID).as("r_window"), col(Columns.PERSON_KEY).as("r_person"),
            col(Columns.SCHOOL_ID).as("r_school"));
    Dataset<Row> accepted = silver.get(Tables.FCT_STAFF_POSITION)
        .groupBy(Columns.WINDOW_ID, Columns.SCHOOL_ID).agg(count(lit(1)).as("rows_accepted"))
        .withColumn("source", lit("staff"));
    accepted = accepted.unionByName(rowsBySchool(silver.get(Tables.staging("schools")), "schools", Columns.SCHOOL_ID))
        .unionByName(rowsBySchool(silver.get(Tables.staging("competitions")), "competitions", Columns.SCHOOL_ID))
        .unionByName(rowsBySchool(silver.get(Tables.staging("method_events")), "method_events", "organiser_school_id"))
        .unionByName(rowsBySchool(silver.get(Tables.staging(SURVEYS)), SURVEYS, Columns.SCHOOL_ID));
    for (String personSource : List.of("pd_courses", "event_participants", "help_requests")) {
      Dataset<Row> rows = silver.get(Tables.staging(personSource));
      accepted = accepted.unionByName(rows.join(roster, rows.col(Columns.WINDOW).equalTo(col("r_window"))
              .and(rows.col(Columns.PERSON_KEY).equalTo(col("r_person"))))
          .groupBy(col("r_window").as(Columns.WINDOW_ID), col("r_school").as(Columns.SCHOOL_ID))
          .agg(count(lit(1)).as("rows_accepted")).withColumn("source", lit(personSource)));
    }
    Dataset<Row> rejected = silver.get(Tables.DQ_ISSUES).filter(col("severity").equalTo(lit("error"))
            .and(col(Columns.SCHOOL_ID).isNotNull()))
        .groupBy(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col("source"))
        .agg(countDistinct(struct(col("file_name"), col("row_number"))).as("rows_rejected"));
    Dataset<Row> grid = schools.select(Columns.WINDOW_ID, Columns.SCHOOL_ID, Columns.DISTRICT_ID)
        .crossJoin(schools.sparkSession().createDataset(Contracts.SOURCES,
            org.apache.spark.sql.Encoders.STRING()).toDF("source"));
    Dataset<Row> sub = submitted.withColumn("submitted", lit(true));
    scala.collection.immutable.Seq<String> key = scalaSeq(Columns.WINDOW_ID, Columns.SCHOOL_ID, "source");
    return grid.join(sub, key, "left").join(accepted, key, "left").join(rejected, key, "left")
        .select(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID), col(Columns.DISTRICT_ID), col("source"),
            coalesce(col("submitted"), lit(false)).as("submitted"),
            coalesce(col("rows_accepted"), lit(0L)).cast("int").as("rows_accepted"),
            coalesce(col("rows_rejected"), lit(0L)).cast("int").as("rows_rejected"));
  }

  private static Dataset<Row> rowsBySchool(Dataset<Row> stg, String source, String schoolColumn) {
    return stg.filter(col(schoolColumn).isNotNull())
        .groupBy(col(Columns.WINDOW).as(Columns.WINDOW_ID), col(schoolColumn).as(Columns.SCHOOL_ID))
        .agg(count(lit(1)).as("rows_accepted")).withColumn("source", lit(source));
  }
}
