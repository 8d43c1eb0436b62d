package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.edulake.spark.Columns;

/** Pairs of consecutive windows in dim_window order: window_from, window_to. */
final class WindowPairs {
  static final String WINDOW_FROM = "window_from";
  static final String WINDOW_TO = "window_to";

  private WindowPairs() {}

  /** One row per pair of consecutive windows (a handful of rows: one partition is fine). */
  static Dataset<Row> consecutive(Dataset<Row> dimWindow) {
    return dimWindow.select(col(Columns.WINDOW_ID).as(WINDOW_FROM),
            lead(col(Columns.WINDOW_ID), 1).over(Window.orderBy(col(Columns.WINDOW_ID))).as(WINDOW_TO))
        .filter(col(WINDOW_TO).isNotNull());
  }
}
