package org.edulake.trends;

import java.io.Serializable;
import java.util.List;

/**
 * The one verdict rule of {@code indicator_trends} (SPEC §4.3, §8; documented in
 * {@code schemas/gold/trend_verdict.md}). In order:
 *
 * <ol>
 *   <li><b>недостаточно данных</b> when fewer than 3 windows have data, or, for a share (unit
 *       {@code percent}), when a window with data lacks its numerator or denominator or has a
 *       denominator below the indicator's minimum denominator.
 *   <li><b>стабильная</b> without evidence of a trend. Evidence for a share is a Cochran–Armitage
 *       p &lt; 0.05; for other units a Mann–Kendall p &lt; 0.05 or a 95 % OLS slope interval
 *       that excludes 0.
 *   <li><b>стабильная</b> when the trend is immaterial: |Theil–Sen slope × span in years| does
 *       not exceed the stable band, 1.0 percentage point for a share and 5 % of the mean level for
 *       other units by default ({@link StableBand}).
 *   <li>Otherwise the sign of the Theil–Sen slope times the direction (+1 higher is better, −1
 *       lower is better): <b>положительная</b> when positive, <b>отрицательная</b> when negative.
 * </ol>
 */
public final class TrendClassifier {
  /** SPEC §4.3: no trend is called from fewer windows than this. */
  static final int MIN_WINDOWS = 3;

  /** Significance level of the trend tests (trend_verdict.md). */
  static final double ALPHA = 0.05;

  /**
   * How large a change over the series must be to count as a change (trend_verdict.md).
   *
   * @param percentagePoints the band for shares, in percentage points
   * @param shareOfMeanLevel the band for other units, as a share of the series' mean level
   */
  public record StableBand(double percentagePoints, double shareOfMeanLevel)
      implements Serializable {
    /** 1.0 percentage point for shares, 5 % of the mean level otherwise. */
    public static final StableBand DEFAULT = new StableBand(1.0, 0.05);

    double width(IndicatorUnit unit, double meanLevel) {
      return unit.isShare() ? percentagePoints : shareOfMeanLevel * Math.abs(meanLevel);
    }
  }

  private TrendClassifier() {}

  /**
   * The verdict for statistics computed by {@link TrendStatistics} from {@code series} (windows
   * without a value are ignored; the verdict in {@code statistics} is not read).
   */
  public static Verdict classify(
      TrendResult statistics,
      List<SeriesPoint> series,
      IndicatorUnit unit,
      IndicatorDirection direction,
      long minDenominator,
      StableBand band) {
    List<SeriesPoint> points = series.stream().filter(SeriesPoint::hasData).toList();
    boolean tooFewWindows = points.size() < MIN_WINDOWS;
    if (tooFewWindows || unit.isShare() && !denominatorsSuffice(points, minDenominator)) {
      return Verdict.INSUFFICIENT_DATA;
    }
    // shares use the denominator-aware test; where it is undefined (counts that are not a
    // proportion), the series tests that every other unit uses
    boolean evidence =
        unit.isShare() && statistics.shareTestP() != null
            ? significant(statistics.shareTestP())
            : significant(statistics.mannKendallP()) || intervalExcludesZero(statistics);
    if (!evidence) {
      return Verdict.STABLE;
    }
    double span =
        points.stream().mapToDouble(SeriesPoint::x).max().getAsDouble()
            - points.stream().mapToDouble(SeriesPoint::x).min().getAsDouble();
    double meanLevel = points.stream().mapToDouble(SeriesPoint::value).average().getAsDouble();
    double theilSen = statistics.theilSenSlope();
    if (!(Math.abs(theilSen * span) > band.width(unit, meanLevel))) {
      return Verdict.STABLE;
    }
    return Math.signum(theilSen) * direction.sign() > 0 ? Verdict.POSITIVE : Verdict.NEGATIVE;
  }

  private static boolean denominatorsSuffice(List<SeriesPoint> points, long minDenominator) {
    return points.stream()
        .allMatch(
            p ->
                p.numerator() != null
                    && p.denominator() != null
                    && p.denominator() >= minDenominator);
  }

  private static boolean significant(Double p) {
    return p != null && p < ALPHA;
  }

  private static boolean intervalExcludesZero(TrendResult statistics) {
    return statistics.slopeCiLow() != null
        && (statistics.slopeCiLow() > 0 || statistics.slopeCiHigh() < 0);
  }
}
