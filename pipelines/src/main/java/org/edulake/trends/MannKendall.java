package org.edulake.trends;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975; Gilbert 1987, §16.4).
 *
 * <p>S is the number of later values above an earlier one minus the number below it. Its
 * variance under "no trend" is [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, summed over groups of t tied
 * values. The p-value is two-sided, P(|S'| ≥ |S|):
 *
 * <ul>
 *   <li>n ≤ 10: exact. Under "no trend" every order of the observed values is equally likely.
 *       With ties this is the permutation distribution given the observed tie groups: every
 *       distinct arrangement of the multiset of values is equally likely, and the number of
 *       arrangements with D discordant pairs is the coefficient of q^D in the q-multinomial
 *       [n]!/∏[t]! (MacMahon). With T tied pairs, S = n(n−1)/2 − T − 2D. Without ties this is
 *       Kendall's distribution, tabulated by Gilbert (1987, Table A18).
 *   <li>n &gt; 10: normal approximation with continuity correction, Z = (S − sgn S) / √Var(S).
 * </ul>
 */
public final class MannKendall {
  /** Gilbert (1987) tabulates the exact distribution up to n = 10 and approximates beyond. */
  static final int EXACT_MAX_N = 10;

  private static final double SQRT_2 = Math.sqrt(2.0);

  /**
   * @param s the Mann–Kendall statistic
   * @param variance Var(S) with the tie correction
   * @param z (S − sgn S) / √Var(S), 0 when S = 0
   * @param p two-sided p-value, exact for n ≤ 10
   */
  public record Result(long s, double variance, double z, double p) implements Serializable {}

  private MannKendall() {}

  /** Tests the values, in time order, for a monotonic trend. */
  public static Result test(double[] values) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("Mann–Kendall needs at least 2 values, got " + n);
    }
    long s = statistic(values);
    int[] ties = tieGroupSizes(values);
    double variance = variance(n, ties);
    double z = variance > 0 ? (s - Long.signum(s)) / Math.sqrt(variance) : 0.0;
    double p = n <= EXACT_MAX_N ? exactP(s, n, ties) : Erf.erfc(Math.abs(z) / SQRT_2);
    return new Result(s, variance, z, p);
  }

  static long statistic(double[] values) {
    long s = 0;
    for (int i = 0; i < values.length - 1; i++) {
      for (int j = i + 1; j < values.length; j++) {
        s += values[j] > values[i] ? 1 : values[j] < values[i] ? -1 : 0;
      }
    }
    return s;
  }

  /** Sizes of the groups of equal values that have at least two members. */
  static int[] tieGroupSizes(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Integer> sizes = new ArrayList<>();
    int run = 1;
    for (int i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] == sorted[i - 1]) {
        run++;
      } else {
        if (run > 1) {
          sizes.add(run);
        }
        run = 1;
      }
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  static double variance(int n, int[] ties) {
    double tieTerm = 0;
    for (int t : ties) {
      tieTerm += (double) t * (t - 1) * (2 * t + 5);
    }
    return ((double) n * (n - 1) * (2 * n + 5) - tieTerm) / 18.0;
  }

  /** Exact two-sided p-value of S for n values with the given tie groups (see class comment). */
  static double exactP(long s, int n, int[] ties) {
    long[] arrangements = {1};
    for (int i = 2; i <= n; i++) {
      arrangements = timesQInteger(arrangements, i);
    }
    long tiedPairs = 0;
    for (int t : ties) {
      tiedPairs += (long) t * (t - 1) / 2;
      for (int i = 2; i <= t; i++) {
        arrangements = dividedByQInteger(arrangements, i);
      }
    }
    long untiedPairs = (long) n * (n - 1) / 2 - tiedPairs;
    long total = 0;
    long atLeastAsExtreme = 0;
    for (int discordant = 0; discordant < arrangements.length; discordant++) {
      total += arrangements[discordant];
      if (Math.abs(untiedPairs - 2L * discordant) >= Math.abs(s)) {
        atLeastAsExtreme += arrangements[discordant];
      }
    }
    return (double) atLeastAsExtreme / total;
  }

  /** The polynomial times [i]_q = 1 + q + … + q^(i−1); coefficients by ascending power. */
  private static long[] timesQInteger(long[] poly, int i) {
    long[] product = new long[poly.length + i - 1];
    for (int k = 0; k < poly.length; k++) {
      for (int j = 0; j < i; j++) {
        product[k + j] += poly[k];
      }
    }
    return product;
  }

  /** The polynomial divided by [i]_q; the division is exact for q-multinomial numerators. */
  private static long[] dividedByQInteger(long[] poly, int i) {
    long[] quotient = new long[poly.length - (i - 1)];
    for (int k = 0; k < quotient.length; k++) {
      long rest = poly[k];
      for (int j = 1; j < i && j <= k; j++) {
        rest -= quotient[k - j];
      }
      quotient[k] = rest;
    }
    return quotient;
  }
}
