package org.edulake.trends;

import static org.edulake.trends.IndicatorDirection.HIGHER_IS_BETTER;
import static org.edulake.trends.IndicatorDirection.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts over the seven demo windows 2023-01 … 2026-01 (SPEC §8): x = 0, 1/3, 1 … 3 years. */
class TrendClassifierTest {
  private static final List<String> WINDOWS =
      List.of("2023-01", "2023-05", "2024-01", "2024-05", "2025-01", "2025-05", "2026-01");
  private static final long MIN_DENOMINATOR = 10;

  @Test
  void flatShareIsStable() {
    // 100 of 200 in every window: Cochran–Armitage z = 0 (up to rounding of x = 1/3), p = 1.
    TrendResult result = shares(HIGHER_IS_BETTER, 200, 100, 100, 100, 100, 100, 100, 100);
    assertEquals(1.0, result.shareTestP(), 1e-12);
    assertEquals("стабильная", result.verdict());
  }

  @Test
  void aShareAbove100PercentIsJudgedLikeACount() {
    // A response rate: 21 answers for 20 staff in the last window is not a proportion, so the
    // Cochran–Armitage test is undefined (null, no exception). The rise 50 % … 105 % is monotone:
    // Mann–Kendall S = 21 of 21 pairs, exact p = 2/7! = 0.0004 → evidence; the Theil–Sen slope
    // times 3 years is far above the 1 pp band → положительная.
    TrendResult result = shares(HIGHER_IS_BETTER, 20, 10, 12, 14, 16, 18, 20, 21);
    assertEquals(null, result.shareTestP());
    assertTrue(result.mannKendallP() < 0.001);
    assertEquals("положительная", result.verdict());
  }

  @Test
  void flatCountIsStable() {
    // All 42: S = 0 (p = 1), residuals 0 so the interval is [0, 0] and does not exclude 0.
    TrendResult result = counts(HIGHER_IS_BETTER, 42, 42, 42, 42, 42, 42, 42);
    assertEquals("стабильная", result.verdict());
  }

  @Test
  void noisyCountWithoutTrendIsStable() {
    // 100 104 98 103 99 102 100: S = +1 −5 +4 −3 +2 −1 = −2, far from significant.
    TrendResult result = counts(HIGHER_IS_BETTER, 100, 104, 98, 103, 99, 102, 100);
    assertTrue(result.mannKendallP() > 0.05);
    assertTrue(result.slopeCiLow() < 0 && result.slopeCiHigh() > 0);
    assertEquals("стабильная", result.verdict());
  }

  @Test
  void twoWindowsAreInsufficient() {
    TrendResult result =
        TrendStatistics.compute(
            List.of(count("2025-05", 10), count("2026-01", 40)),
            IndicatorUnit.COUNT,
            HIGHER_IS_BETTER,
            MIN_DENOMINATOR);
    assertEquals("недостаточно данных", result.verdict());
  }

  @Test
  void denominatorsBelowTheMinimumAreInsufficient() {
    // A steep rise, 1 of 8 to 7 of 8, but every denominator is below the minimum of 10.
    assertEquals(
        "недостаточно данных",
        shares(HIGHER_IS_BETTER, 8, 1, 2, 3, 4, 5, 6, 7).verdict());
  }

  @Test
  void shareWithoutItsCountsIsInsufficient() {
    List<SeriesPoint> series = new ArrayList<>();
    for (int i = 0; i < WINDOWS.size(); i++) {
      series.add(SeriesPoint.of(WINDOWS.get(0), WINDOWS.get(i), 20.0 + 5 * i, null, null));
    }
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.PERCENT, HIGHER_IS_BETTER, MIN_DENOMINATOR);
    assertEquals("недостаточно данных", result.verdict());
  }

  @Test
  void risingShareWhereLowerIsBetterIsNegative() {
    // 20, 22, 25, 27, 30, 32, 35 % of 1000: Theil–Sen 5.0 pp a year, 15 pp over 3 years.
    TrendResult result = shares(LOWER_IS_BETTER, 1000, 200, 220, 250, 270, 300, 320, 350);
    assertTrue(result.shareTestP() < 0.05);
    assertEquals(5.0, result.theilSenSlope(), 1e-9);
    assertEquals("отрицательная", result.verdict());
  }

  @Test
  void risingCountWhereHigherIsBetterIsPositive() {
    // Strictly rising: S = 21 = 7·6/2; only 2 of 7! orders reach |S| = 21, so p = 2/5040.
    TrendResult result = counts(HIGHER_IS_BETTER, 10, 12, 13, 15, 17, 18, 20);
    assertEquals(2 / 5040.0, result.mannKendallP(), 1e-15);
    assertEquals("положительная", result.verdict());
  }

  @Test
  void fallingCountWhereLowerIsBetterIsPositive() {
    assertEquals(
        "положительная",
        counts(LOWER_IS_BETTER, 20, 18, 17, 15, 13, 12, 10).verdict());
  }

  @Test
  void significantButImmaterialShareIsStable() {
    // 50.0 % … 50.6 % of 10 000 000: Cochran–Armitage is significant, but the Theil–Sen slope is
    // 0.2 pp a year, 0.6 pp over 3 years, inside the 1.0 pp band.
    TrendResult result =
        shares(HIGHER_IS_BETTER, 10_000_000,
            5_000_000, 5_010_000, 5_020_000, 5_030_000, 5_040_000, 5_050_000, 5_060_000);
    assertTrue(result.shareTestP() < 0.05);
    assertEquals(0.2, result.theilSenSlope(), 1e-9);
    assertEquals("стабильная", result.verdict());
    // With a band of 0.5 pp the same change of 0.6 pp is material.
    TrendResult narrow =
        TrendStatistics.compute(
            sharesSeries(10_000_000,
                5_000_000, 5_010_000, 5_020_000, 5_030_000, 5_040_000, 5_050_000, 5_060_000),
            IndicatorUnit.PERCENT,
            HIGHER_IS_BETTER,
            MIN_DENOMINATOR,
            new TrendClassifier.StableBand(0.5, 0.05));
    assertEquals("положительная", narrow.verdict());
  }

  @Test
  void threeWindowsOnALineAreDecidedByTheInterval() {
    // 10, 20, 40.1 at x = 0, 1/3, 1. Mann–Kendall cannot be significant with 3 values (S = 3,
    // exact p = 2/3! = 1/3), but the points lie almost on y = 10 + 30x, so the 95 % interval of
    // the OLS slope (about 29.6 to 30.6) excludes 0.
    List<SeriesPoint> series =
        List.of(count("2025-01", 10), count("2025-05", 20), count("2026-01", 40.1));
    TrendResult result =
        TrendStatistics.compute(
            series, IndicatorUnit.COUNT, HIGHER_IS_BETTER, MIN_DENOMINATOR);
    assertEquals(1 / 3.0, result.mannKendallP(), 1e-15);
    assertTrue(result.slopeCiLow() > 0);
    assertEquals("положительная", result.verdict());
  }

  private static TrendResult counts(IndicatorDirection direction, double... values) {
    List<SeriesPoint> series = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      series.add(count(WINDOWS.get(i), values[i]));
    }
    return TrendStatistics.compute(series, IndicatorUnit.COUNT, direction, MIN_DENOMINATOR);
  }

  private static TrendResult shares(
      IndicatorDirection direction, long denominator, long... numerators) {
    return TrendStatistics.compute(
        sharesSeries(denominator, numerators), IndicatorUnit.PERCENT, direction, MIN_DENOMINATOR);
  }

  private static List<SeriesPoint> sharesSeries(long denominator, long... numerators) {
    List<SeriesPoint> series = new ArrayList<>();
    for (int i = 0; i < numerators.length; i++) {
      series.add(
          SeriesPoint.of(
              WINDOWS.get(0),
              WINDOWS.get(i),
              100.0 * numerators[i] / denominator,
              numerators[i],
              denominator));
    }
    return series;
  }

  private static SeriesPoint count(String window, double value) {
    return SeriesPoint.of(WINDOWS.get(0), window, value, (long) value, null);
  }
}
