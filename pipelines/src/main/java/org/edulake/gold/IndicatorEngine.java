package org.edulake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
    Dataset<Row> all = null;
    for (IndicatorPassport p : passports) {
      Dataset<Row> one = forPassport(p, bases.get(p.baseTable()), schools, submitted);
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  /** A boolean expression is counted, a numeric one summed. */
  static Column summed(Dataset<Row> base, String expression) {
    boolean isBoolean = base.select(expr(expression)).schema().fields()[0].dataType()
        instanceof BooleanType;
    Column e = expr(expression);
    return sum(isBoolean ? when(e, 1).otherwise(0) : coalesce(e, lit(0)).cast("double"));
  }

  static Dataset<Row> forPassport(IndicatorPassport p, Dataset<Row> base, Dataset<Row> schools,
      Dataset<Row> submitted) {
    Dataset<Row> bySchool = base.groupBy(col(Columns.WINDOW_ID).as("b_window"),
            col(Columns.SCHOOL_ID).as("b_school"))
        .agg(summed(base, p.numerator()).cast("double").as(Columns.NUMERATOR),
            (p.isCount() ? lit(null) : summed(base, p.denominator())).cast("double")
                .as(Columns.DENOMINATOR));
    // covered: the school submitted every source the passport reads
    Dataset<Row> covered = submitted.filter(col("source").isin(p.sources().toArray()))
        .groupBy(col(Columns.WINDOW_ID).as("c_window"), col(Columns.SCHOOL_ID).as("c_school"))
        .agg(count(lit(1)).as("n_sources"))
        .filter(col("n_sources").equalTo(p.sources().size()));
    Dataset<Row> school = schools
        .join(covered, col(Columns.WINDOW_ID).equalTo(col("c_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("c_school"))), "left")
        .join(bySchool, col(Columns.WINDOW_ID).equalTo(col("b_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("b_school"))), "left")
        .withColumn("is_covered", col("c_school").isNotNull())
        .withColumn(Columns.NUMERATOR, when(col("is_covered"), coalesce(col(Columns.NUMERATOR), lit(0.0))))
        .withColumn(Columns.DENOMINATOR, p.isCount() ? lit(null).cast("double")
            : when(col("is_covered"), coalesce(col(Columns.DENOMINATOR), lit(0.0))));
    Column one = lit(1);
    Dataset<Row> schoolLevel = school.select(col(Columns.WINDOW_ID), lit("school").as(Columns.ORG_LEVEL),
        col(Columns.SCHOOL_ID).as(Columns.ORG_ID), col(Columns.SCHOOL_NAME).as(Columns.ORG_NAME),
        col(Columns.DISTRICT_ID), col(Columns.NUMERATOR), col(Columns.DENOMINATOR),
        when(col("is_covered"), one).otherwise(0).as(Columns.SCHOOLS_COVERED),
        one.as(Columns.SCHOOLS_TOTAL));
    Dataset<Row> districtLevel = school.groupBy(col(Columns.WINDOW_ID), col(Columns.DISTRICT_ID))
        .agg(first(Columns.DISTRICT_NAME).as(Columns.ORG_NAME),
            sum(col(Columns.NUMERATOR)).as(Columns.NUMERATOR),
            sum(col(Columns.DENOMINATOR)).as(Columns.DENOMINATOR),
            sum(when(col("is_covered"), 1).otherwise(0)).as(Columns.SCHOOLS_COVERED),
            count(one).as(Columns.SCHOOLS_TOTAL))
        .select(col(Columns.WINDOW_ID), lit("district").as(Columns.ORG_LEVEL),
            col(Columns.DISTRICT_ID).as(Columns.ORG_ID), col(Columns.ORG_NAME), col(Columns.DISTRICT_ID),
            col(Columns.NUMERATOR), col(Columns.DENOMINATOR), col(Columns.SCHOOLS_COVERED),
            col(Columns.SCHOOLS_TOTAL));
    Dataset<Row> regionLevel = school.groupBy(col(Columns.WINDOW_ID), col(Columns.REGION))
        .agg(sum(col(Columns.NUMERATOR)).as(Columns.NUMERATOR),
            sum(col(Columns.DENOMINATOR)).as(Columns.DENOMINATOR),
            sum(when(col("is_covered"), 1).otherwise(0)).as(Columns.SCHOOLS_COVERED),
            count(one).as(Columns.SCHOOLS_TOTAL))
        .select(col(Columns.WINDOW_ID), lit("region").as(Columns.ORG_LEVEL),
            col(Columns.REGION).as(Columns.ORG_ID), col(Columns.REGION).as(Columns.ORG_NAME),
            lit(null).cast("string").as(Columns.DISTRICT_ID), col(Columns.NUMERATOR),
            col(Columns.DENOMINATOR), col(Columns.SCHOOLS_COVERED), col(Columns.SCHOOLS_TOTAL));
    Dataset<Row> levels = schoolLevel.unionByName(districtLevel).unionByName(regionLevel)
        .filter(col(Columns.ORG_LEVEL).isin(p.levels().toArray()));
    Column noData = col(Columns.SCHOOLS_COVERED).equalTo(0)
        .or(p.isCount() ? lit(false) : coalesce(col(Columns.DENOMINATOR), lit(0.0)).equalTo(0.0));
    Column value = p.isCount() ? col(Columns.NUMERATOR)
        : col(Columns.NUMERATOR).multiply(p.scale()).divide(col(Columns.DENOMINATOR));
    return levels
        .withColumn(Columns.STATUS, when(noData, lit(NO_DATA)).otherwise(lit(OK)))
        .withColumn(Columns.NUMERATOR, when(noData.and(col(Columns.SCHOOLS_COVERED).equalTo(0)),
            lit(null).cast("double")).otherwise(col(Columns.NUMERATOR)))
        .withColumn(Columns.VALUE, when(noData, lit(null).cast("double")).otherwise(value))
        .withColumn(Columns.INDICATOR_ID, lit(p.indicatorId()))
        .withColumn(Columns.UNIT, lit(p.unit()))
        .select(Columns.INDICATOR_ID, Columns.WINDOW_ID, Columns.ORG_LEVEL, Columns.ORG_ID,
            Columns.ORG_NAME, Columns.DISTRICT_ID, Columns.NUMERATOR, Columns.DENOMINATOR,
            Columns.VALUE, Columns.UNIT, Columns.STATUS, Columns.SCHOOLS_COVERED,
            Columns.SCHOOLS_TOTAL);
  }
}
