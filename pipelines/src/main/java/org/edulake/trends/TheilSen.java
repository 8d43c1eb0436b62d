package org.edulake.trends;

import java.util.Arrays;

/** Theil–Sen slope: the median of the slopes between every pair of points (Sen 1968). */
public final class TheilSen {
  private TheilSen() {}

  /** The median of (y_j − y_i) / (x_j − x_i) over all pairs i &lt; j; x values must differ. */
  public static double slope(double[] x, double[] y) {
    int n = x.length;
    if (n < 2 || y.length != n) {
      throw new IllegalArgumentException("Theil–Sen needs at least 2 points with x and y");
    }
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[j] == x[i]) {
          throw new IllegalArgumentException("two points at the same x = " + x[i]);
        }
        slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    Arrays.sort(slopes);
    int middle = slopes.length / 2;
    return slopes.length % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2.0;
  }
}
