package org.edulake.trends;

import java.io.Serializable;
import org.apache.commons.math3.special.Erf;

/**
 * Cochran–Armitage test for a linear trend in proportions (Cochran 1954; Armitage 1955; Agresti,
 * Categorical Data Analysis, 2nd ed., 2002). With r_i events out of n_i trials at score s_i,
 * p̄ = Σr/Σn and s̄ = Σ n_i s_i / Σn:
 *
 * <pre>
 *   z = Σ r_i (s_i − s̄) / √( p̄ (1 − p̄) Σ n_i (s_i − s̄)² )
 * </pre>
 *
 * and z² is chi-square with 1 degree of freedom; the p-value is two-sided. This is the statistic
 * of R's {@code prop.trend.test}; Agresti's M² = (N − 1) r² equals z² · (N − 1)/N.
 */
public final class CochranArmitage {
  private static final double SQRT_2 = Math.sqrt(2.0);

  /**
   * @param z the standardized trend statistic; positive when proportions rise with the score
   * @param p two-sided p-value, P(|Z| ≥ |z|) = P(χ²₁ ≥ z²)
   */
  public record Result(double z, double p) implements Serializable {
    public double chiSquare() {
      return z * z;
    }
  }

  private CochranArmitage() {}

  /**
   * Tests events out of trials against the scores. Returns {@code null} when the statistic is
   * undefined: no events or no non-events at all (p̄ is 0 or 1), or a single distinct score.
   */
  public static Result test(long[] events, long[] trials, double[] scores) {
    int k = events.length;
    if (trials.length != k || scores.length != k) {
      throw new IllegalArgumentException("events, trials and scores differ in length");
    }
    double totalTrials = 0;
    double totalEvents = 0;
    double scoreSum = 0;
    for (int i = 0; i < k; i++) {
      if (events[i] < 0 || trials[i] < events[i]) {
        throw new IllegalArgumentException(
            "need 0 ≤ events ≤ trials, got " + events[i] + " of " + trials[i]);
      }
      totalTrials += trials[i];
      totalEvents += events[i];
      scoreSum += trials[i] * scores[i];
    }
    double meanScore = scoreSum / totalTrials;
    double pooled = totalEvents / totalTrials;
    double numerator = 0;
    double scoreSpread = 0;
    for (int i = 0; i < k; i++) {
      double deviation = scores[i] - meanScore;
      numerator += events[i] * deviation;
      scoreSpread += trials[i] * deviation * deviation;
    }
    double variance = pooled * (1 - pooled) * scoreSpread;
    if (!(variance > 0)) {
      return null;
    }
    double z = numerator / Math.sqrt(variance);
    return new Result(z, Erf.erfc(Math.abs(z) / SQRT_2));
  }
}
