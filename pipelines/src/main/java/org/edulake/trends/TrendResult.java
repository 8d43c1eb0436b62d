package org.edulake.trends;

import java.io.Serializable;

/**
 * The trend of one indicator for one org unit: the statistics columns of {@code
 * indicator_trends} (SPEC §8). A statistic that is undefined for the series is {@code null}.
 *
 * @param firstWindow first window with data
 * @param lastWindow last window with data
 * @param nWindows windows with data
 * @param change last value minus first value (percentage points for shares)
 * @param slope OLS slope, units per year
 * @param slopeCiLow lower end of the 95 % confidence interval of the OLS slope (n ≥ 3)
 * @param slopeCiHigh upper end of that interval
 * @param theilSenSlope median of the pairwise slopes, units per year
 * @param mannKendallP two-sided p of the Mann–Kendall test
 * @param shareTestP two-sided p of the Cochran–Armitage trend test (shares only)
 * @param projectionNext OLS prediction at {@code nextWindow}, clamped to the unit's range (n ≥ 3)
 * @param verdict a {@link Verdict#label()}
 * @param nextWindow the monitoring window after {@code lastWindow}
 */
public record TrendResult(
    String firstWindow,
    String lastWindow,
    int nWindows,
    Double change,
    Double slope,
    Double slopeCiLow,
    Double slopeCiHigh,
    Double theilSenSlope,
    Double mannKendallP,
    Double shareTestP,
    Double projectionNext,
    String verdict,
    String nextWindow)
    implements Serializable {

  TrendResult withVerdict(Verdict decided) {
    return new TrendResult(
        firstWindow,
        lastWindow,
        nWindows,
        change,
        slope,
        slopeCiLow,
        slopeCiHigh,
        theilSenSlope,
        mannKendallP,
        shareTestP,
        projectionNext,
        decided.label(),
        nextWindow);
  }
}
