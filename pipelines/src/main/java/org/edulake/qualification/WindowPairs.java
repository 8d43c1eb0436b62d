package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Columns;

/** Pairs of consecutive windows in dim_window order: window_from, window_to. */
final class WindowPairs {
  static final String WINDOW_FROM = "window_from";
  static final String WINDOW_TO = "window_to";

  private WindowPairs() {}

  /** One row per pair of consecutive windows: each window and the first one after it. */
  static Dataset<Row> consecutive(Dataset<Row> dimWindow) {
    Dataset<Row> later = dimWindow.select(col(Columns.WINDOW_ID).as("later_id"));
    return dimWindow.select(col(Columns.WINDOW_ID).as(WINDOW_FROM))
        .join(later, col("later_id").gt(col(WINDOW_FROM)))
        .groupBy(WINDOW_FROM).agg(min("later_id").as(WINDOW_TO));
  }
}
