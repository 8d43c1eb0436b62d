package org.edulake.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MannKendallTest {
  /**
   * Exact distribution without ties against Kendall's table as printed in Gilbert (1987),
   * "Statistical Methods for Environmental Pollution Monitoring", Table A18, which gives the
   * one-sided P(S ≥ s) for n ≤ 10 to 2–3 significant digits. Our p is two-sided, 2 · P(S ≥ s).
   * Each series has the S shown, counted by hand:
   *
   * <ul>
   *   <li>10 15 14 20: 5 rises, 1 fall (15→14): S = 4; table n = 4, S = 4: 0.167.
   *   <li>1 3 2 5 4: 8 rises, 2 falls (3→2, 5→4): S = 6; table n = 5, S = 6: 0.117.
   *   <li>2 3 4 5 1 6 7 8: 4 falls (each of 2..5 before 1), 24 rises: S = 20; n = 8: 0.0071.
   *   <li>5 6 1 2 3 4 9 10 7 8: 12 falls (5 and 6 before 1..4, 9 and 10 before 7 and 8) of 45
   *       pairs: S = 33 − 12 = 21; table n = 10, S = 21: 0.036.
   * </ul>
   */
  @ParameterizedTest
  @CsvSource({
    "10 15 14 20,           4, 0.167,  0.0005",
    "1 3 2 5 4,             6, 0.117,  0.0005",
    "2 3 4 5 1 6 7 8,      20, 0.0071, 0.00005",
    "5 6 1 2 3 4 9 10 7 8, 21, 0.036,  0.0005"
  })
  void exactPValueMatchesGilbertTableA18(
      String series, long s, double tableOneSided, double tableRounding) {
    MannKendall.Result result = MannKendall.test(values(series));
    assertEquals(s, result.s());
    assertEquals(tableOneSided, result.p() / 2, tableRounding);
  }

  @Test
  void exactPValueForFiveValuesIsACountOfOrderings() {
    // 1 3 2 5 4 has S = 6, i.e. 2 discordant pairs of 10. Orders of 5 values with 0, 1, 2
    // discordant pairs: 1 + 4 + 9 = 14 (Mahonian numbers), so P(S ≥ 6) = 14/120 and by symmetry
    // the two-sided p = 28/120.
    assertEquals(28 / 120.0, MannKendall.test(values("1 3 2 5 4")).p(), 1e-15);
  }

  @Test
  void exactPValueWithTiesCountsDistinctArrangements() {
    // 1 2 2 3: rises 1→2, 1→2, 1→3, 2→3, 2→3 and one tie: S = 5. The 4!/2! = 12 distinct
    // arrangements of {1, 2, 2, 3} are equally likely; only 1223 has S = 5 and only 3221 has
    // S = −5, so the two-sided p = 2/12.
    MannKendall.Result result = MannKendall.test(values("1 2 2 3"));
    assertEquals(5, result.s());
    assertEquals(2 / 12.0, result.p(), 1e-15);
    // 1 1 2: S = 2. Arrangements 112 (S = 2), 121 (S = 0), 211 (S = −2): p = 2/3.
    assertEquals(2 / 3.0, MannKendall.test(values("1 1 2")).p(), 1e-15);
  }

  @Test
  void normalApproximationMatchesEpaWorkedExampleWithTies() {
    // US EPA (2006), "Data Quality Assessment: Statistical Methods for Practitioners", EPA QA/G-9S,
    // Mann-Kendall example on p. 109 (n = 11, tie groups of 4 and 2), as reproduced in the
    // EarthSoft EnviroInsite Mann-Kendall documentation: S = 22, Var(S) = 155.33, Z = 1.685.
    // Var(S) = [11·10·27 − (4·3·13 + 2·1·9)] / 18 = (2970 − 174) / 18 = 155.33.
    MannKendall.Result result = MannKendall.test(values("10 10 10 5 10 20 18 17 15 24 15"));
    assertEquals(22, result.s());
    assertEquals(155.33, result.variance(), 0.005);
    assertEquals(1.685, result.z(), 0.0005);
    // Two-sided p = 2 (1 − Φ(1.685)) = erfc(1.685 / √2) = 0.0920.
    assertEquals(Erf.erfc(1.685 / Math.sqrt(2)), result.p(), 0.0001);
  }

  @Test
  void normalApproximationMatchesGilbertExample() {
    // Gilbert (1987), Chapter 16, p. 212: 22 measurements with ties; the book reports Z = 3.1.
    MannKendall.Result result =
        MannKendall.test(
            values("20 20 20 20 15 20 20 30 27 26 23 35 25 28 70 26 24 34 32 23 50 30"));
    assertEquals(3.1, result.z(), 0.05);
  }

  @Test
  void allValuesTiedGiveNoEvidence() {
    MannKendall.Result result = MannKendall.test(values("7 7 7 7 7"));
    assertEquals(0, result.s());
    assertEquals(1.0, result.p(), 0.0);
  }

  private static double[] values(String series) {
    return Arrays.stream(series.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }
}
