package org.edulake.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TheilSenTest {
  @Test
  void medianOfTenPairwiseSlopes() {
    // x 0..4, y 1 3 2 5 4. Pairwise slopes (y_j − y_i)/(x_j − x_i):
    // (0,1) 2, (0,2) 1/2, (0,3) 4/3, (0,4) 3/4, (1,2) −1, (1,3) 1, (1,4) 1/3, (2,3) 3, (2,4) 1,
    // (3,4) −1. Sorted: −1, −1, 1/3, 1/2, 3/4, 1, 1, 4/3, 2, 3; median = (3/4 + 1)/2 = 0.875.
    assertEquals(
        0.875, TheilSen.slope(new double[] {0, 1, 2, 3, 4}, new double[] {1, 3, 2, 5, 4}), 1e-15);
  }

  @Test
  void unevenlySpacedWindows() {
    // Windows 2023-01, 2023-05, 2024-01 are x = 0, 1/3, 1 years; y 10, 12, 12.
    // Slopes: (0,1) 2/(1/3) = 6, (0,2) 2/1 = 2, (1,2) 0/(2/3) = 0; median = 2.
    assertEquals(
        2.0, TheilSen.slope(new double[] {0, 1 / 3.0, 1}, new double[] {10, 12, 12}), 1e-12);
  }

  @Test
  void oneOutlierDoesNotMoveTheSlope() {
    // y = x except y(4) = 100: 6 of the 10 pairwise slopes are exactly 1, so the median is 1.
    assertEquals(
        1.0, TheilSen.slope(new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 2, 3, 100}), 0.0);
  }
}
