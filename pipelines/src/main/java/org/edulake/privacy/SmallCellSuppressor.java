package org.edulake.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.edulake.gold.IndicatorEngine;
import org.edulake.gold.IndicatorPassport;
import org.edulake.spark.Columns;

/**
 * Small-number suppression for the mart (SPEC §6). Primary: a count below min_count, a share
 * (any non-count) whose denominator is below min_denominator; passports may set their own
 * thresholds. Complementary: where a parent's value is published and exactly one of its
 * children is suppressed, the smallest other child is suppressed too, so that parent minus the
 * other children does not give the hidden value back. Schools within districts first, then
 * districts within the region. A suppressed row keeps its denominator; numerator and value go.
 */
public final class SmallCellSuppressor {
  private SmallCellSuppressor() {}

  public static Dataset<Row> apply(Dataset<Row> values, List<IndicatorPassport> passports,
      int minCount, int minDenominator) {
    Column minCountOf = thresholds(passports, minCount, true);
    Column minDenOf = thresholds(passports, minDenominator, false);
    Column isCount = col(Columns.UNIT).equalTo(lit("count"));
    Column primary = col(Columns.STATUS).equalTo(lit(IndicatorEngine.OK)).and(
        when(isCount, col(Columns.NUMERATOR).lt(minCountOf))
            .otherwise(col(Columns.DENOMINATOR).lt(minDenOf)));
    Dataset<Row> v = values.withColumn("is_hidden", coalesce(primary, lit(false)))
        .withColumn("parent_id", when(col(Columns.ORG_LEVEL).equalTo(lit("school")),
            col(Columns.DISTRICT_ID)).when(col(Columns.ORG_LEVEL).equalTo(lit("district")),
            lit("region")));
    v = complement(v, "school", "district");
    v = complement(v, "district", "region");
    v = hideASchoolOfEveryHiddenDistrict(v);
    Column hidden = col("is_hidden");
    return v.withColumn(Columns.STATUS, when(hidden, lit(IndicatorEngine.SUPPRESSED))
            .otherwise(col(Columns.STATUS)))
        .withColumn(Columns.NUMERATOR, when(hidden, lit(null).cast("double"))
            .otherwise(col(Columns.NUMERATOR)))
        .withColumn(Columns.VALUE, when(hidden, lit(null).cast("double")).otherwise(col(Columns.VALUE)))
        .drop("is_hidden", "parent_id");
  }

  /**
   * Person counts of the qualification tables: a count below {@code minCount} becomes NULL
   * (shown as «…»). Primary suppression only; the matrices are not complemented (see README).
   */
  public static Dataset<Row> hideSmallCounts(Dataset<Row> table, int minCount, List<String> columns) {
    Dataset<Row> out = table;
    for (String c : columns) {
      if (minCount > 0) {
        out = out.withColumn(c, when(col(c).lt(lit(minCount)), lit(null)).otherwise(col(c))
            .cast(table.schema().apply(c).dataType()));
      }
    }
    return out;
  }

  /**
   * The threshold per row: a passport's own minimum where it sets one, else the configured one;
   * a configured 0 (an analysts' run) turns every threshold off.
   */
  private static Column thresholds(List<IndicatorPassport> passports, int fallback, boolean count) {
    Column c = lit(fallback);
    for (IndicatorPassport p : passports) {
      Integer own = count ? p.minCount() : p.minDenominator();
      if (own != null) {
        c = when(col(Columns.INDICATOR_ID).equalTo(lit(p.indicatorId())),
            lit(fallback == 0 ? 0 : Math.max(own, 0))).otherwise(c);
      }
    }
    return c;
  }


  /**
   * A district hidden as a partner is still the sum of its schools; if they were all published,
   * the region minus the other districts would expose the first one. So every hidden district
   * keeps at least one hidden school (its smallest).
   */
  private static Dataset<Row> hideASchoolOfEveryHiddenDistrict(Dataset<Row> v) {
    Dataset<Row> hiddenDistricts = v.filter(col(Columns.ORG_LEVEL).equalTo(lit("district"))
            .and(col("is_hidden")))
        .select(col(Columns.INDICATOR_ID).as("h_indicator"), col(Columns.WINDOW_ID).as("h_window"),
            col(Columns.ORG_ID).as("h_district"), lit(true).as("district_hidden"));
    WindowSpec schools = Window.partitionBy(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID),
        col(Columns.ORG_LEVEL), col(Columns.DISTRICT_ID));
    Column candidate = col(Columns.STATUS).equalTo(lit(IndicatorEngine.OK))
        .and(col("is_hidden").equalTo(lit(false)));
    return v.join(hiddenDistricts, col(Columns.INDICATOR_ID).equalTo(col("h_indicator"))
            .and(col(Columns.WINDOW_ID).equalTo(col("h_window")))
            .and(col(Columns.DISTRICT_ID).equalTo(col("h_district")))
            .and(col(Columns.ORG_LEVEL).equalTo(lit("school"))), "left")
        .withColumn("hidden_schools", sum(when(col("is_hidden"), 1).otherwise(0)).over(schools))
        .withColumn("pick", row_number().over(schools.orderBy(when(candidate, 0).otherwise(1),
            coalesce(col(Columns.DENOMINATOR), col(Columns.NUMERATOR)).asc_nulls_last(),
            col(Columns.ORG_ID))))
        .withColumn("is_hidden", col("is_hidden").or(coalesce(col("district_hidden"), lit(false))
            .and(col("hidden_schools").equalTo(0)).and(candidate).and(col("pick").equalTo(1))))
        .drop("h_indicator", "h_window", "h_district", "district_hidden", "hidden_schools", "pick");
  }

  /** One pass: children of {@code childLevel} under their published {@code parentLevel} row. */
  private static Dataset<Row> complement(Dataset<Row> v, String childLevel, String parentLevel) {
    Dataset<Row> parents = v.filter(col(Columns.ORG_LEVEL).equalTo(lit(parentLevel)))
        .select(col(Columns.INDICATOR_ID).as("p_indicator"), col(Columns.WINDOW_ID).as("p_window"),
            (parentLevel.equals("region") ? lit("region") : col(Columns.ORG_ID)).as("p_id"),
            col("is_hidden").as("p_hidden"));
    Dataset<Row> joined = v.join(parents, col(Columns.INDICATOR_ID).equalTo(col("p_indicator"))
        .and(col(Columns.WINDOW_ID).equalTo(col("p_window")))
        .and(col("parent_id").equalTo(col("p_id")))
        .and(col(Columns.ORG_LEVEL).equalTo(lit(childLevel))), "left");
    WindowSpec siblings = Window.partitionBy(col(Columns.INDICATOR_ID), col(Columns.WINDOW_ID),
        col(Columns.ORG_LEVEL), col("parent_id"));
    Column published = col(Columns.STATUS).equalTo(lit(IndicatorEngine.OK));
    Column candidate = published.and(col("is_hidden").equalTo(lit(false)));
    Dataset<Row> ranked = joined
        .withColumn("hidden_siblings", sum(when(col("is_hidden"), 1).otherwise(0)).over(siblings))
        .withColumn("any_parent_shown", max(when(col("p_hidden").equalTo(lit(false)), 1).otherwise(0))
            .over(siblings))
        .withColumn("pick", row_number().over(siblings.orderBy(
            when(candidate, 0).otherwise(1),
            coalesce(col(Columns.DENOMINATOR), col(Columns.NUMERATOR)).asc_nulls_last(),
            col(Columns.ORG_ID))));
    Column needsPartner = col(Columns.ORG_LEVEL).equalTo(lit(childLevel))
        .and(col("hidden_siblings").equalTo(1)).and(col("any_parent_shown").equalTo(1))
        .and(candidate).and(col("pick").equalTo(1));
    return ranked.withColumn("is_hidden", col("is_hidden").or(coalesce(needsPartner, lit(false))))
        .drop("p_indicator", "p_window", "p_id", "p_hidden", "hidden_siblings", "any_parent_shown",
            "pick");
  }
}
