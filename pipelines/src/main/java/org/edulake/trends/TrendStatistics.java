package org.edulake.trends;

import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The statistics of SPEC §4.3 for one series (one indicator and org unit over the windows of the
 * last 3 years), and its verdict from {@link TrendClassifier}. Pure and static, so a Spark job
 * can call it per group from {@code flatMapGroups}.
 *
 * <p>Windows without a value are skipped. The rest are ordered by time. Each statistic needs:
 * change, OLS slope, Theil–Sen slope and Mann–Kendall p at least 2 windows; the slope's 95 %
 * confidence interval (Student t, n − 2 degrees of freedom) and the projection at least 3; the
 * Cochran–Armitage test (scores = x, in years) a share with a numerator and denominator in every
 * window.
 */
public final class TrendStatistics {
  /** SPEC §4.3: the slope's confidence interval is a 95 % interval. */
  static final double CONFIDENCE = 0.95;

  /** A slope's standard error needs n − 2 ≥ 1 degrees of freedom. */
  static final int MIN_WINDOWS_FOR_INTERVAL = 3;

  private TrendStatistics() {}

  /** Statistics and verdict with the default stable band. */
  public static TrendResult compute(
      List<SeriesPoint> series,
      IndicatorUnit unit,
      IndicatorDirection direction,
      long minDenominator) {
    return compute(series, unit, direction, minDenominator, TrendClassifier.StableBand.DEFAULT);
  }

  /** Statistics of the series and the verdict of {@link TrendClassifier}. */
  public static TrendResult compute(
      List<SeriesPoint> series,
      IndicatorUnit unit,
      IndicatorDirection direction,
      long minDenominator,
      TrendClassifier.StableBand band) {
    List<SeriesPoint> points = withData(series);
    TrendResult statistics = statistics(points, unit);
    return statistics.withVerdict(
        TrendClassifier.classify(statistics, points, unit, direction, minDenominator, band));
  }

  /** The windows that have a value, in time order; two windows at the same time are an error. */
  static List<SeriesPoint> withData(List<SeriesPoint> series) {
    List<SeriesPoint> points =
        series.stream()
            .filter(SeriesPoint::hasData)
            .sorted(Comparator.comparingDouble(SeriesPoint::x))
            .toList();
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).x() == points.get(i - 1).x()) {
        throw new IllegalArgumentException("two values for window " + points.get(i).windowId());
      }
    }
    return points;
  }

  private static TrendResult statistics(List<SeriesPoint> points, IndicatorUnit unit) {
    int n = points.size();
    if (n == 0) {
      return new TrendResult(
          null, null, 0, null, null, null, null, null, null, null, null, null, null);
    }
    double[] x = points.stream().mapToDouble(SeriesPoint::x).toArray();
    double[] y = points.stream().mapToDouble(SeriesPoint::value).toArray();
    String first = points.get(0).windowId();
    String last = points.get(n - 1).windowId();
    String next = SeriesPoint.nextWindowId(last);
    if (n == 1) {
      return new TrendResult(
          first, last, 1, null, null, null, null, null, null, null, null, null, next);
    }
    SimpleRegression ols = new SimpleRegression();
    for (int i = 0; i < n; i++) {
      ols.addData(x[i], y[i]);
    }
    double slope = ols.getSlope();
    Double ciLow = null;
    Double ciHigh = null;
    Double projection = null;
    if (n >= MIN_WINDOWS_FOR_INTERVAL) {
      double t = new TDistribution(null, n - 2).inverseCumulativeProbability((1 + CONFIDENCE) / 2);
      double halfWidth = t * ols.getSlopeStdErr();
      ciLow = slope - halfWidth;
      ciHigh = slope + halfWidth;
      projection = unit.clamp(ols.predict(x[n - 1] + SeriesPoint.yearsBetween(last, next)));
    }
    return new TrendResult(
        first,
        last,
        n,
        y[n - 1] - y[0],
        slope,
        ciLow,
        ciHigh,
        TheilSen.slope(x, y),
        MannKendall.test(y).p(),
        unit.isShare() ? shareTestP(points, x) : null,
        projection,
        null,
        next);
  }

  /**
   * Cochran–Armitage p with scores = x, or null when a window lacks its counts or its counts
   * are not a proportion (a response rate over 100 %: more answers than staff on the roster).
   */
  private static Double shareTestP(List<SeriesPoint> points, double[] x) {
    if (points.stream().anyMatch(p -> p.numerator() == null || p.denominator() == null
        || p.numerator() < 0 || p.numerator() > p.denominator())) {
      return null;
    }
    long[] events = points.stream().mapToLong(SeriesPoint::numerator).toArray();
    long[] trials = points.stream().mapToLong(SeriesPoint::denominator).toArray();
    CochranArmitage.Result test = CochranArmitage.test(events, trials, x);
    return test == null ? null : test.p();
  }
}
