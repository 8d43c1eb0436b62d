package org.edulake.mart;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.gold.IndicatorPassport;
import org.edulake.spark.Columns;

/**
 * indicator_values.low_confidence (SPEC §4.2): the response rate qualifies every survey
 * indicator. A survey indicator's row is low confidence when its org unit's response rate in
 * that window is below {@code survey.min_response_rate} percent, or cannot be computed (no
 * roster to compare with). Other indicators are never low confidence.
 */
public final class LowConfidence {
  public static final String RESPONSE_RATE = "survey_response_rate";
  static final String SURVEY_SOURCE = "surveys";

  private LowConfidence() {}

  /**
   * @param values indicator_values as published (after suppression)
   * @param gold indicator_values before suppression, where the response rate is exact
   */
  public static Dataset<Row> flag(Dataset<Row> values, Dataset<Row> gold,
      List<IndicatorPassport> passports, double minResponseRatePercent) {
    Object[] surveyIds = passports.stream()
        .filter(p -> p.sources().contains(SURVEY_SOURCE) && !p.indicatorId().equals(RESPONSE_RATE))
        .map(IndicatorPassport::indicatorId).toArray();
    Dataset<Row> rate = gold.filter(col(Columns.INDICATOR_ID).equalTo(lit(RESPONSE_RATE)))
        .select(col(Columns.WINDOW_ID).as("r_window"), col(Columns.ORG_LEVEL).as("r_level"),
            col(Columns.ORG_ID).as("r_org"), col(Columns.STATUS).as("r_status"),
            col(Columns.VALUE).as("r_value"));
    boolean none = surveyIds.length == 0;
    return values.join(rate, col(Columns.WINDOW_ID).equalTo(col("r_window"))
            .and(col(Columns.ORG_LEVEL).equalTo(col("r_level")))
            .and(col(Columns.ORG_ID).equalTo(col("r_org"))), "left")
        .withColumn(Columns.LOW_CONFIDENCE, none ? lit(false)
            : col(Columns.INDICATOR_ID).isin(surveyIds).and(coalesce(
                col("r_status").notEqual(lit("ok")).or(col("r_value").lt(lit(minResponseRatePercent))),
                lit(true))))
        .drop("r_window", "r_level", "r_org", "r_status", "r_value");
  }
}
