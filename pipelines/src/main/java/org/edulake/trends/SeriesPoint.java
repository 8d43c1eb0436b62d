package org.edulake.trends;

import java.io.Serializable;
import java.time.YearMonth;

/**
 * One monitoring window of an indicator series for one org unit, the input of {@link
 * TrendStatistics}.
 *
 * @param windowId the monitoring window, {@code YYYY-MM}
 * @param x time in years since the series' first window, see {@link #yearsBetween}
 * @param value the indicator value (a share in percent); {@code null} means no data and the
 *     window is skipped
 * @param numerator the count behind the value, or {@code null}
 * @param denominator the denominator of a share, or {@code null} (counts have none, SPEC §7)
 */
public record SeriesPoint(String windowId, double x, Double value, Long numerator, Long denominator)
    implements Serializable {
  /** SPEC §2, seed 004: monitoring windows are held in January and May. */
  static final int FIRST_WINDOW_MONTH = 1;

  static final int SECOND_WINDOW_MONTH = 5;

  private static final double MONTHS_PER_YEAR = 12.0;

  public SeriesPoint {
    YearMonth.parse(windowId); // rejects anything but YYYY-MM with a real month
  }

  /** A point whose {@code x} is measured from {@code firstWindowId}. */
  public static SeriesPoint of(
      String firstWindowId, String windowId, Double value, Long numerator, Long denominator) {
    return new SeriesPoint(
        windowId, yearsBetween(firstWindowId, windowId), value, numerator, denominator);
  }

  /** Years from one window to another: 2023-01 to 2023-05 is 4/12, to 2024-01 is 1.0. */
  public static double yearsBetween(String fromWindowId, String toWindowId) {
    return (monthIndex(toWindowId) - monthIndex(fromWindowId)) / MONTHS_PER_YEAR;
  }

  /**
   * The monitoring window after this one: YYYY-01 is followed by YYYY-05, and YYYY-05 by
   * (YYYY+1)-01. A window in another month is followed by the next January or May.
   */
  public static String nextWindowId(String windowId) {
    YearMonth window = YearMonth.parse(windowId);
    YearMonth next =
        window.getMonthValue() < SECOND_WINDOW_MONTH
            ? window.withMonth(SECOND_WINDOW_MONTH)
            : window.plusYears(1).withMonth(FIRST_WINDOW_MONTH);
    return next.toString();
  }

  boolean hasData() {
    return value != null;
  }

  private static int monthIndex(String windowId) {
    YearMonth window = YearMonth.parse(windowId);
    return window.getYear() * 12 + window.getMonthValue();
  }
}
