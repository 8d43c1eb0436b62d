package org.edulake.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendStatisticsTest {
  private static final long MIN_DENOMINATOR = 10;

  @Test
  void olsSlopeIntervalTheilSenAndProjectionWorkedByHand() {
    // Yearly windows 2021-01 .. 2025-01: x = 0, 1, 2, 3, 4; y = 1, 3, 2, 5, 4 (a count).
    List<SeriesPoint> series =
        List.of(
            count("2021-01", 1), count("2022-01", 3), count("2023-01", 2), count("2024-01", 5),
            count("2025-01", 4));
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.COUNT, IndicatorDirection.HIGHER_IS_BETTER, MIN_DENOMINATOR);

    // x̄ = 2, ȳ = 3, Sxx = 4+1+0+1+4 = 10, Sxy = (−2)(−2)+(−1)(0)+0(−1)+1(2)+2(1) = 8.
    // slope b = 8/10 = 0.8, intercept a = 3 − 0.8·2 = 1.4.
    assertEquals(0.8, result.slope(), 1e-12);
    // Fitted 1.4, 2.2, 3.0, 3.8, 4.6; residuals −0.4, 0.8, −1.0, 1.2, −0.6;
    // SSE = 0.16+0.64+1.00+1.44+0.36 = 3.6; s² = 3.6/(5−2) = 1.2; SE(b) = √(1.2/10) = 0.3464102.
    // t(0.975, 3 df) = 3.182446 (t table: 3.182); half-width = 3.182446 · 0.3464102 = 1.1024322.
    assertEquals(0.8 - 1.1024322, result.slopeCiLow(), 1e-6);
    assertEquals(0.8 + 1.1024322, result.slopeCiHigh(), 1e-6);
    // Theil–Sen: see TheilSenTest.medianOfTenPairwiseSlopes, 0.875.
    assertEquals(0.875, result.theilSenSlope(), 1e-15);
    // Mann–Kendall: S = 6, exact two-sided p = 28/120 (MannKendallTest).
    assertEquals(28 / 120.0, result.mannKendallP(), 1e-15);
    assertNull(result.shareTestP());
    assertEquals(3.0, result.change(), 0.0);
    // Next window after 2025-01 is 2025-05, x = 4 + 4/12; 1.4 + 0.8 · 13/3 = 4.8666667.
    assertEquals("2025-05", result.nextWindow());
    assertEquals(4.8666667, result.projectionNext(), 1e-7);
    assertEquals("2021-01", result.firstWindow());
    assertEquals("2025-01", result.lastWindow());
    assertEquals(5, result.nWindows());
    // Neither test nor interval excludes "no trend".
    assertEquals("стабильная", result.verdict());
  }

  @Test
  void windowsWithoutValueAreSkippedAndOrderDoesNotMatter() {
    List<SeriesPoint> series = new ArrayList<>();
    series.add(count("2024-01", 12));
    series.add(SeriesPoint.of("2023-01", "2025-01", null, null, null));
    series.add(count("2023-01", 10));
    series.add(count("2023-05", 11));
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.COUNT, IndicatorDirection.HIGHER_IS_BETTER, MIN_DENOMINATOR);
    assertEquals(3, result.nWindows());
    assertEquals("2023-01", result.firstWindow());
    assertEquals("2024-01", result.lastWindow());
    assertEquals(2.0, result.change(), 0.0);
  }

  @Test
  void twoWindowsHaveSlopeButNoIntervalOrProjection() {
    TrendResult result =
        TrendStatistics.compute(
            List.of(count("2025-05", 10), count("2026-01", 14)),
            IndicatorUnit.COUNT,
            IndicatorDirection.HIGHER_IS_BETTER,
            MIN_DENOMINATOR);
    // 4 over 8/12 of a year: 6 per year.
    assertEquals(6.0, result.slope(), 1e-12);
    assertNull(result.slopeCiLow());
    assertNull(result.slopeCiHigh());
    assertNull(result.projectionNext());
    assertEquals("2026-05", result.nextWindow());
  }

  @Test
  void projectionOfAShareStopsAt100Percent() {
    // x = 0, 1, 2; y = 90, 95, 99: b = (−1·−4.667 + 1·4.333)/2 = 4.5, a = 94.667 − 4.5 = 90.167.
    // At 2026-05, x = 2 + 4/12: 90.167 + 4.5 · 7/3 = 100.667, clamped to 100.
    List<SeriesPoint> series =
        List.of(share("2024-01", 90, 100), share("2025-01", 95, 100), share("2026-01", 99, 100));
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.PERCENT, IndicatorDirection.HIGHER_IS_BETTER, MIN_DENOMINATOR);
    assertEquals(100.0, result.projectionNext(), 0.0);
  }

  @Test
  void projectionOfACountStopsAtZero() {
    // y = 10, 5, 1 at x = 0, 1, 2: b = −4.5, a = 5.333 + 4.5 = 9.833; at x = 7/3: −0.667 → 0.
    List<SeriesPoint> series =
        List.of(count("2024-01", 10), count("2025-01", 5), count("2026-01", 1));
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.COUNT, IndicatorDirection.HIGHER_IS_BETTER, MIN_DENOMINATOR);
    assertEquals(0.0, result.projectionNext(), 0.0);
  }

  private static SeriesPoint count(String window, double value) {
    return SeriesPoint.of("2021-01", window, value, (long) value, null);
  }

  private static SeriesPoint share(String window, long numerator, long denominator) {
    return SeriesPoint.of(
        "2024-01", window, 100.0 * numerator / denominator, numerator, denominator);
  }
}
