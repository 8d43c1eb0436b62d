package org.edulake.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CochranArmitageTest {
  @Test
  void agrestiInfantMalformationByAlcoholConsumption() {
    // Agresti, "Categorical Data Analysis", 2nd ed. (2002), infant malformation by mother's
    // alcohol consumption (drinks per day 0, <1, 1-2, 3-5, >=6), scores 0, 0.5, 1.5, 4.0, 7.0:
    // r = 0.0142, M² = (n − 1) r² = 6.57, P = 0.01 (two-sided). The Cochran–Armitage z² is
    // M² · n/(n − 1) with n = 32 574, equal to M² to two decimals.
    long[] malformed = {48, 38, 5, 1, 1};
    long[] births = {17066 + 48, 14464 + 38, 788 + 5, 126 + 1, 37 + 1};
    CochranArmitage.Result result =
        CochranArmitage.test(malformed, births, new double[] {0, 0.5, 1.5, 4.0, 7.0});
    assertEquals(6.57, result.chiSquare(), 0.005);
    assertEquals(0.010, result.p(), 0.0005);
  }

  @Test
  void rProportionTrendTestExample() {
    // R, stats::prop.trend.test, documented example (smokers among patients, Fleiss 1981):
    // smokers 83, 90, 129, 70 of 86, 93, 136, 82, scores 1..4:
    // "X-squared = 8.2249, df = 1, p-value = 0.004132". The share falls (96.5 % to 85.4 %).
    CochranArmitage.Result result =
        CochranArmitage.test(
            new long[] {83, 90, 129, 70}, new long[] {86, 93, 136, 82}, new double[] {1, 2, 3, 4});
    assertEquals(8.2249, result.chiSquare(), 0.00005);
    assertEquals(0.004132, result.p(), 0.0000005);
    assertEquals(-1.0, Math.signum(result.z()), 0.0);
  }

  @Test
  void equalSharesGiveZeroStatistic() {
    // 10 of 20 in every window: Σ r_i (s_i − s̄) = 10 Σ (s_i − s̄) = 0, so z = 0 and p = 1.
    CochranArmitage.Result result =
        CochranArmitage.test(
            new long[] {10, 10, 10}, new long[] {20, 20, 20}, new double[] {0, 1, 2});
    assertEquals(0.0, result.z(), 0.0);
    assertEquals(1.0, result.p(), 0.0);
  }

  @Test
  void noEventsAtAllLeaveTheStatisticUndefined() {
    // p̄ = 0, so the variance p̄ (1 − p̄) Σ n (s − s̄)² is 0.
    assertNull(
        CochranArmitage.test(
            new long[] {0, 0, 0}, new long[] {20, 30, 40}, new double[] {0, 1, 2}));
  }
}
