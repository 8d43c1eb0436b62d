package org.edulake.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.BooleanType;
import org.edulake.spark.Columns;

/**
 * Compiles every passport the same way into indicator_values (before suppression): sums per
 * school, then school → district → region by adding numerators and denominators (SPEC §2, §7).
 * A school that did not submit one of the passport's sources, or a share with a zero
 * denominator, is no_data; rollups say how many schools they cover.
 */
public final class IndicatorEngine {
  public static final String OK = "ok";
  public static final String NO_DATA = "no_data";
  public static final String SUPPRESSED = "suppressed";

  private IndicatorEngine() {}

  /**
   * @param bases base tables by name
   * @param schools open schools per window: window_id, school_id, school_name, district_id,
   *     district_name, region
   * @param submitted window_id, school_id, source for every source a school submitted
   */
  public static Dataset<Row> build(List<IndicatorPassport> passports, Map<String, Dataset<Row>> bases,
      Dataset<Row> schools, Dataset<Row> submitted) {
    SparkSession spark = schools.sparkSession();
    // 1. one aggregation per base table, all its passports at once, then one row per indicator
    Dataset<Row> bySchool = null;
    Map<String, List<IndicatorPassport>> byBase = new LinkedHashMap<>();
    passports.forEach(p -> byBase.computeIfAbsent(p.baseTable(), k -> new ArrayList<>()).add(p));
    for (Map.Entry<String, List<IndicatorPassport>> e : byBase.entrySet()) {
      Dataset<Row> base = bases.get(e.getKey());
      List<Column> aggs = new ArrayList<>();
      List<Column> stacked = new ArrayList<>();
      for (IndicatorPassport p : e.getValue()) {
        String n = "n_" + p.indicatorId();
        String d = "d_" + p.indicatorId();
        aggs.add(summed(base, p.numerator()).cast("double").as(n));
        aggs.add((p.isCount() ? lit(null) : summed(base, p.denominator())).cast("double").as(d));
        stacked.add(struct(lit(p.indicatorId()).as(Columns.INDICATOR_ID), col(n).as(Columns.NUMERATOR),
            col(d).as(Columns.DENOMINATOR)));
      }
      Dataset<Row> one = base.groupBy(col(Columns.WINDOW_ID).as("b_window"),
              col(Columns.SCHOOL_ID).as("b_school"))
          .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
          .select(col("b_window"), col("b_school"),
              explode(array(stacked.toArray(Column[]::new))).as("v"))
          .select(col("b_window"), col("b_school"), col("v." + Columns.INDICATOR_ID).as("b_indicator"),
              col("v." + Columns.NUMERATOR).as(Columns.NUMERATOR),
              col("v." + Columns.DENOMINATOR).as(Columns.DENOMINATOR));
      bySchool = bySchool == null ? one : bySchool.unionByName(one);
    }
    // 2. the passports as data: id, unit, scale, levels, and the sources each one reads
    List<Row> meta = new ArrayList<>();
    List<Row> reads = new ArrayList<>();
    for (IndicatorPassport p : passports) {
      meta.add(RowFactory.create(p.indicatorId(), p.unit(), p.scale(), p.isCount(),
          scala.jdk.javaapi.CollectionConverters.asScala(p.levels()).toSeq(), p.sources().size()));
      p.sources().forEach(s -> reads.add(RowFactory.create(p.indicatorId(), s)));
    }
    Dataset<Row> catalog = spark.createDataFrame(meta, new StructType()
        .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
        .add("scale", DataTypes.DoubleType).add("is_count", DataTypes.BooleanType)
        .add("levels", DataTypes.createArrayType(DataTypes.StringType))
        .add("n_sources", DataTypes.IntegerType));
    Dataset<Row> passportSources = spark.createDataFrame(reads, new StructType()
        .add("p_indicator", DataTypes.StringType).add("p_source", DataTypes.StringType));
    // covered: the school submitted every source the passport reads
    Dataset<Row> covered = submitted.join(passportSources, col("source").equalTo(col("p_source")))
        .groupBy(col(Columns.WINDOW_ID).as("c_window"), col(Columns.SCHOOL_ID).as("c_school"),
            col("p_indicator").as("c_indicator"))
        .agg(count(lit(1)).as("c_sources"));
    Dataset<Row> school = schools.crossJoin(broadcast(catalog))
        .join(covered, col(Columns.WINDOW_ID).equalTo(col("c_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("c_school")))
            .and(col(Columns.INDICATOR_ID).equalTo(col("c_indicator"))), "left")
        .join(bySchool, col(Columns.WINDOW_ID).equalTo(col("b_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("b_school")))
            .and(col(Columns.INDICATOR_ID).equalTo(col("b_indicator"))), "left")
        .withColumn("is_covered", coalesce(col("c_sources").equalTo(col("n_sources")), lit(false)))
        .withColumn(Columns.NUMERATOR, when(col("is_covered"), coalesce(col(Columns.NUMERATOR), lit(0.0))))
        .withColumn(Columns.DENOMINATOR, when(col("is_count"), lit(null).cast("double"))
            .otherwise(when(col("is_covered"), coalesce(col(Columns.DENOMINATOR), lit(0.0)))));
    // 3. school → district → region by adding numerators and denominators
    Column one = lit(1);
    List<Column> keep = List.of(col(Columns.UNIT), col("scale"), col("is_count"), col("levels"));
    Dataset<Row> schoolLevel = school.select(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID),
        lit("school").as(Columns.ORG_LEVEL), col(Columns.SCHOOL_ID).as(Columns.ORG_ID),
        col(Columns.SCHOOL_NAME).as(Columns.ORG_NAME), col(Columns.DISTRICT_ID),
        col(Columns.NUMERATOR), col(Columns.DENOMINATOR),
        when(col("is_covered"), one).otherwise(0).as(Columns.SCHOOLS_COVERED),
        one.as(Columns.SCHOOLS_TOTAL), col(Columns.UNIT), col("scale"), col("is_count"), col("levels"));
    Dataset<Row> districtLevel = school.groupBy(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID),
            col(Columns.DISTRICT_ID))
        .agg(first(Columns.DISTRICT_NAME).as(Columns.ORG_NAME),
            sum(col(Columns.NUMERATOR)).as(Columns.NUMERATOR),
            sum(col(Columns.DENOMINATOR)).as(Columns.DENOMINATOR),
            sum(when(col("is_covered"), 1).otherwise(0)).as(Columns.SCHOOLS_COVERED),
            count(one).as(Columns.SCHOOLS_TOTAL), first(Columns.UNIT).as(Columns.UNIT),
            first("scale").as("scale"), first("is_count").as("is_count"), first("levels").as("levels"))
        .select(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID), lit("district").as(Columns.ORG_LEVEL),
            col(Columns.DISTRICT_ID).as(Columns.ORG_ID), col(Columns.ORG_NAME), col(Columns.DISTRICT_ID),
            col(Columns.NUMERATOR), col(Columns.DENOMINATOR), col(Columns.SCHOOLS_COVERED),
            col(Columns.SCHOOLS_TOTAL), col(Columns.UNIT), col("scale"), col("is_count"), col("levels"));
    Dataset<Row> regionLevel = school.groupBy(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID),
            col(Columns.REGION))
        .agg(sum(col(Columns.NUMERATOR)).as(Columns.NUMERATOR),
            sum(col(Columns.DENOMINATOR)).as(Columns.DENOMINATOR),
            sum(when(col("is_covered"), 1).otherwise(0)).as(Columns.SCHOOLS_COVERED),
            count(one).as(Columns.SCHOOLS_TOTAL), first(Columns.UNIT).as(Columns.UNIT),
            first("scale").as("scale"), first("is_count").as("is_count"), first("levels").as("levels"))
        .select(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID), lit("region").as(Columns.ORG_LEVEL),
            col(Columns.REGION).as(Columns.ORG_ID), col(Columns.REGION).as(Columns.ORG_NAME),
            lit(null).cast("string").as(Columns.DISTRICT_ID), col(Columns.NUMERATOR),
            col(Columns.DENOMINATOR), col(Columns.SCHOOLS_COVERED), col(Columns.SCHOOLS_TOTAL),
            col(Columns.UNIT), col("scale"), col("is_count"), col("levels"));
    Dataset<Row> levels = schoolLevel.unionByName(districtLevel).unionByName(regionLevel)
        .filter(array_contains(col("levels"), col(Columns.ORG_LEVEL)));
    Column noData = col(Columns.SCHOOLS_COVERED).equalTo(0)
        .or(not(col("is_count")).and(coalesce(col(Columns.DENOMINATOR), lit(0.0)).equalTo(0.0)));
    Column value = when(col("is_count"), col(Columns.NUMERATOR))
        .otherwise(col(Columns.NUMERATOR).multiply(col("scale")).divide(col(Columns.DENOMINATOR)));
    return levels
        .withColumn(Columns.STATUS, when(noData, lit(NO_DATA)).otherwise(lit(OK)))
        .withColumn(Columns.NUMERATOR, when(col(Columns.SCHOOLS_COVERED).equalTo(0),
            lit(null).cast("double")).otherwise(col(Columns.NUMERATOR)))
        .withColumn(Columns.VALUE, when(noData, lit(null).cast("double")).otherwise(value))
        .withColumn(Columns.SCHOOLS_COVERED, col(Columns.SCHOOLS_COVERED).cast("int"))
        .withColumn(Columns.SCHOOLS_TOTAL, col(Columns.SCHOOLS_TOTAL).cast("int"))
        .select(Columns.INDICATOR_ID, Columns.WINDOW_ID, Columns.ORG_LEVEL, Columns.ORG_ID,
            Columns.ORG_NAME, Columns.DISTRICT_ID, Columns.NUMERATOR, Columns.DENOMINATOR,
            Columns.VALUE, Columns.UNIT, Columns.STATUS, Columns.SCHOOLS_COVERED,
            Columns.SCHOOLS_TOTAL);
  }

  /** A boolean expression is counted, a numeric one summed. */
  static Column summed(Dataset<Row> base, String expression) {
    boolean isBoolean = base.select(expr(expression)).schema().fields()[0].dataType()
        instanceof BooleanType;
    Column e = expr(expression);
    return sum(isBoolean ? when(e, 1).otherwise(0) : coalesce(e, lit(0)).cast("double"));
  }
}
