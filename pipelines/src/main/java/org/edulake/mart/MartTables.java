package org.edulake.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.config.EdulakeConfig;
import org.edulake.contract.Contracts;
import org.edulake.gold.IndicatorPassport;
import org.edulake.privacy.QualificationSuppression;
import org.edulake.privacy.SmallCellSuppressor;
import org.edulake.quality.FileIssues;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;

/**
 * The mart's tables (SPEC §8) from silver and gold: what dashboards and notebooks read. No
 * person key, name, birth date or СНИЛС reaches it; indicator values are suppressed here.
 */
public final class MartTables {
  private MartTables() {}

  public static Map<String, Dataset<Row>> build(SparkSession spark, EdulakeConfig config,
      List<IndicatorPassport> passports, Map<String, Dataset<Row>> silver,
      Map<String, Dataset<Row>> gold, Dataset<Row> manifest) {
    Map<String, Dataset<Row>> mart = new LinkedHashMap<>();
    mart.put("indicator_catalog", catalog(spark, passports));
    Dataset<Row> values = SmallCellSuppressor.apply(gold.get(Tables.INDICATOR_VALUES), passports,
        config.privacyMinCount(), config.privacyMinDenominator());
    mart.put("indicator_values", LowConfidence.flag(values, gold.get(Tables.INDICATOR_VALUES),
            passports, config.surveyMinResponseRate())
        .orderBy(Columns.INDICATOR_ID, Columns.WINDOW_ID, Columns.ORG_LEVEL, Columns.ORG_ID));
    mart.put("indicator_trends", gold.containsKey(Tables.INDICATOR_TRENDS)
        ? gold.get(Tables.INDICATOR_TRENDS) : empty(spark, trendsSchema()));
    Map<String, Dataset<Row>> qualification = new LinkedHashMap<>();
    for (Map.Entry<String, StructType> e : qualificationSchemas().entrySet()) {
      qualification.put(e.getKey(),
          gold.containsKey(e.getKey()) ? gold.get(e.getKey()) : empty(spark, e.getValue()));
    }
    // person counts: small ones and their complements are hidden (SPEC §6)
    mart.putAll(QualificationSuppression.apply(qualification, config.privacyMinCount()));
    mart.put("completeness", gold.get(Tables.COMPLETENESS)
        .orderBy(Columns.WINDOW_ID, Columns.SCHOOL_ID, "source"));
    Dataset<Row> issues = silver.get(Tables.DQ_ISSUES);
    Dataset<Row> fileIssues = FileIssues.fromManifest(manifest, Contracts.load());
    Dataset<Row> all = issues.select(Columns.WINDOW_ID, "source", "file_name", "row_number",
        "column_name", "rule", "severity", "message").unionByName(fileIssues);
    mart.put("quarantine", all.filter(col("severity").equalTo(lit("error"))).drop("severity")
        .orderBy(Columns.WINDOW_ID, "source", "file_name", "row_number", "column_name", "rule"));
    mart.put("quality_issues", all.orderBy(Columns.WINDOW_ID, "source", "file_name", "row_number",
        "column_name", "rule"));

    mart.put("received_files", manifest.select(col(Columns.WINDOW).as(Columns.WINDOW_ID),
            col(Columns.SOURCE).as("source"), col(Columns.FILE_NAME).as("file_name"),
            col("status"), col("rows"), col("encoding"), col("size_bytes"), col("rule"),
            col(Columns.LOADED_AT).as("loaded_at"))
        .orderBy(Columns.WINDOW_ID, "source", "file_name", "loaded_at"));
    Dataset<Row> dimSchool = silver.get(Tables.DIM_SCHOOL);
    Dataset<Row> latestSchool = dimSchool.withColumn("rn", row_number().over(
            Window.partitionBy(Columns.SCHOOL_ID).orderBy(col(Columns.WINDOW_ID).desc())))
        .filter(col("rn").equalTo(1))
        .select(Columns.SCHOOL_ID, Columns.SCHOOL_NAME, Columns.DISTRICT_ID, Columns.DISTRICT_NAME,
            Columns.REGION, "settlement_type", "school_type", "is_small_class", "student_count",
            "closed_date")
        .orderBy(Columns.SCHOOL_ID);
    mart.put("dim_school", latestSchool);
    mart.put("dim_district", latestSchool.filter(col("closed_date").isNull())
        .groupBy(Columns.DISTRICT_ID).agg(max(Columns.DISTRICT_NAME).as(Columns.DISTRICT_NAME),
            max(Columns.REGION).as(Columns.REGION), count(lit(1)).cast("int").as(Columns.SCHOOLS_TOTAL))
        .orderBy(Columns.DISTRICT_ID));
    Dataset<Row> windows = silver.get(Tables.DIM_WINDOW);
    String last = windows.agg(max(Columns.WINDOW_ID)).first().getString(0);
    mart.put("dim_window", windows.withColumn("is_latest", col(Columns.WINDOW_ID).equalTo(lit(last)))
        .orderBy(Columns.WINDOW_ID));
    return mart;
  }

  /** Documented views for dashboards and notebooks (created after the tables). */
  public static List<String> views() {
    List<String> v = new ArrayList<>();
    v.add("create view v_indicator_values_display as\n"
        + "select v.indicator_id, c.name_ru, c.group_ru, v.window_id, v.org_level, v.org_id, v.org_name,\n"
        + "       v.district_id, v.numerator, v.denominator, v.value, v.unit, v.status,\n"
        + "       case when v.status = 'suppressed' then '…' when v.status = 'no_data' then 'нет данных'\n"
        + "            else cast(round(v.value, 1) as varchar) end as value_display,\n"
        + "       v.schools_covered, v.schools_total, v.low_confidence\n"
        + "from indicator_values as v\n"
        + "join indicator_catalog as c on c.indicator_id = v.indicator_id");
    return v;
  }

  private static Dataset<Row> catalog(SparkSession spark, List<IndicatorPassport> passports) {
    StructType schema = new StructType()
        .add("indicator_id", DataTypes.StringType).add("name_ru", DataTypes.StringType)
        .add("name_en", DataTypes.StringType).add("seed", DataTypes.StringType)
        .add("clause", DataTypes.StringType).add("group_ru", DataTypes.StringType)
        .add("source", DataTypes.StringType).add("unit", DataTypes.StringType)
        .add("direction", DataTypes.StringType).add("lookback", DataTypes.StringType)
        .add("min_denominator", DataTypes.IntegerType).add("min_count", DataTypes.IntegerType)
        .add("target", DataTypes.DoubleType).add("red_threshold", DataTypes.DoubleType)
        .add("numerator_sql", DataTypes.StringType).add("denominator_sql", DataTypes.StringType)
        .add("definition_ru", DataTypes.StringType).add("sort_order", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    int order = 0;
    for (IndicatorPassport p : passports) {
      rows.add(RowFactory.create(p.indicatorId(), p.nameRu(), p.nameEn(), p.seed(), p.clause(),
          p.groupRu(), String.join(", ", p.sources()), p.unit(), p.direction(), p.lookback(),
          p.minDenominator(), p.minCount(), p.target(), p.redThreshold(), p.numerator(),
          p.denominator(), p.definitionRu(), ++order));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.of(), schema);
  }

  public static StructType trendsSchema() {
    return new StructType()
        .add("indicator_id", DataTypes.StringType).add("org_level", DataTypes.StringType)
        .add("org_id", DataTypes.StringType).add("org_name", DataTypes.StringType)
        .add("district_id", DataTypes.StringType)
        .add("first_window", DataTypes.StringType).add("last_window", DataTypes.StringType)
        .add("n_windows", DataTypes.IntegerType).add("change", DataTypes.DoubleType)
        .add("slope", DataTypes.DoubleType).add("slope_ci_low", DataTypes.DoubleType)
        .add("slope_ci_high", DataTypes.DoubleType).add("theil_sen_slope", DataTypes.DoubleType)
        .add("mann_kendall_p", DataTypes.DoubleType).add("share_test_p", DataTypes.DoubleType)
        .add("verdict", DataTypes.StringType).add("projection_next", DataTypes.DoubleType);
  }

  public static Map<String, StructType> qualificationSchemas() {
    Map<String, StructType> m = new LinkedHashMap<>();
    m.put(Tables.QUALIFICATION_TRANSITIONS, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("district_id", DataTypes.StringType)
        .add("window_from", DataTypes.StringType).add("window_to", DataTypes.StringType)
        .add("category_from", DataTypes.StringType).add("category_to", DataTypes.StringType)
        .add("transition_kind", DataTypes.StringType).add("persons", DataTypes.IntegerType));
    m.put(Tables.QUALIFICATION_PROJECTION, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("district_id", DataTypes.StringType)
        .add("base_window", DataTypes.StringType).add("years_ahead", DataTypes.IntegerType)
        .add("category", DataTypes.StringType).add("persons_expected", DataTypes.DoubleType));
    m.put(Tables.QUALIFICATION_WORKLOAD, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("district_id", DataTypes.StringType).add("window_id", DataTypes.StringType)
        .add("due_month", DataTypes.DateType).add("persons_due", DataTypes.IntegerType)
        .add("persons_overdue", DataTypes.IntegerType));
    m.put(Tables.QUALIFICATION_GROWTH, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("district_id", DataTypes.StringType)
        .add("window_from", DataTypes.StringType).add("window_to", DataTypes.StringType)
        .add("staff_from", DataTypes.IntegerType).add("staff_to", DataTypes.IntegerType)
        .add("with_category_from", DataTypes.IntegerType)
        .add("with_category_to", DataTypes.IntegerType).add("net_growth", DataTypes.IntegerType));
    m.put(Tables.QUALIFICATION_BACKTEST, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("base_window", DataTypes.StringType).add("target_window", DataTypes.StringType)
        .add("category", DataTypes.StringType).add("projected", DataTypes.DoubleType)
        .add("observed", DataTypes.IntegerType).add("abs_pct_error", DataTypes.DoubleType));
    m.put(Tables.PD_NEED_FORECAST, new StructType()
        .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
        .add("district_id", DataTypes.StringType)
        .add("base_window", DataTypes.StringType).add("target_window", DataTypes.StringType)
        .add("persons_lacking_36h", DataTypes.IntegerType));
    return m;
  }
}
