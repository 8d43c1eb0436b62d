package org.edulake.trends;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.edulake.gold.IndicatorPassport;
import org.edulake.spark.Columns;
import scala.Tuple2;

/**
 * indicator_values → indicator_trends: for every indicator and org unit, the windows of the last
 * 3 years (SPEC §4.3, seed 000 §1.5), with the statistics and the one verdict rule of
 * {@link TrendClassifier}. Each series is small, so it is computed per group on executors.
 */
public final class IndicatorTrendsBuilder {
  /** Trends look at the windows of the last 3 years (seed 000 §1.5). */
  public static final int TREND_YEARS = 3;

  private IndicatorTrendsBuilder() {}

  private record Meta(String unit, String direction, long minDenominator) implements Serializable {}

  public static Dataset<Row> build(Dataset<Row> values, List<IndicatorPassport> passports,
      String lastWindowId, int defaultMinDenominator, StructType schema) {
    Map<String, Meta> meta = new HashMap<>();
    for (IndicatorPassport p : passports) {
      meta.put(p.indicatorId(), new Meta(p.unit(), p.direction(),
          p.minDenominator() == null ? defaultMinDenominator : p.minDenominator()));
    }
    String firstIncluded = YearMonth.parse(lastWindowId).minusYears(TREND_YEARS).plusMonths(1).toString();
    JavaRDD<Row> rows = values
        .filter(col(Columns.WINDOW_ID).geq(firstIncluded).and(col(Columns.WINDOW_ID).leq(lastWindowId)))
        .select(Columns.INDICATOR_ID, Columns.ORG_LEVEL, Columns.ORG_ID, Columns.ORG_NAME,
            Columns.DISTRICT_ID, Columns.WINDOW_ID, Columns.VALUE, Columns.NUMERATOR,
            Columns.DENOMINATOR)
        .javaRDD()
        .groupBy(r -> r.getString(0) + "\u0001" + r.getString(1) + "\u0001" + r.getString(2))
        .map(group -> trendRow(group, meta));
    return values.sparkSession().createDataFrame(rows, schema);
  }

  private static Row trendRow(Tuple2<String, Iterable<Row>> group, Map<String, Meta> meta) {
    List<Row> series = new ArrayList<>();
    group._2().forEach(series::add);
    series.sort(Comparator.comparing(r -> r.getString(5)));
    Row head = series.get(0);
    Meta m = meta.get(head.getString(0));
    String first = head.getString(5);
    List<SeriesPoint> points = new ArrayList<>();
    for (Row r : series) {
      Double value = r.isNullAt(6) ? null : r.getDouble(6);
      Long num = r.isNullAt(7) ? null : Math.round(r.getDouble(7));
      Long den = r.isNullAt(8) ? null : Math.round(r.getDouble(8));
      points.add(SeriesPoint.of(first, r.getString(5), value, num, den));
    }
    TrendResult t = TrendStatistics.compute(points, IndicatorUnit.fromId(m.unit()),
        IndicatorDirection.fromId(m.direction()), m.minDenominator());
    return RowFactory.create(head.getString(0), head.getString(1), head.getString(2),
        head.getString(3), head.getString(4), t.firstWindow(), t.lastWindow(), t.nWindows(),
        t.change(), t.slope(), t.slopeCiLow(), t.slopeCiHigh(), t.theilSenSlope(),
        t.mannKendallP(), t.shareTestP(), t.verdict(), t.projectionNext());
  }
}
