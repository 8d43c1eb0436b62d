package org.edulake.qualification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkovChainTest {
  private static final double EPS = 1e-9;

  @Test
  void twoStateChainFollowsTheClosedForm() {
    // P = [[0.9, 0.1], [0.2, 0.8]]: second eigenvalue λ = 0.9 + 0.8 − 1 = 0.7, stationary
    // π = (0.2, 0.1) / 0.3 = (2/3, 1/3). From x0 = (100, 0): x_n = 100·π + (x0 − 100·π)·λ^n,
    // i.e. A_n = 200/3 + (100/3)·0.7^n, B_n = 100/3 − (100/3)·0.7^n.
    MarkovChain chain = new MarkovChain(List.of("A", "B"),
        new double[][] {{0.9, 0.1}, {0.2, 0.8}}, new double[] {0, 0});
    for (int n = 0; n <= 6; n++) {
      double a = 200.0 / 3 + 100.0 / 3 * Math.pow(0.7, n);
      assertArrayEquals(new double[] {a, 100 - a}, chain.project(new double[] {100, 0}, n), EPS,
          "step " + n);
    }
    // one step by hand: (100·0.9, 100·0.1) = (90, 10); two: (81 + 2, 9 + 8) = (83, 17)
    assertArrayEquals(new double[] {83, 17}, chain.project(new double[] {100, 0}, 2), EPS);
  }

  @Test
  void leavingAndHiresConvergeToHiresOverLeaveRate() {
    // One state, stay 0.9 (leave 0.1), 5 hires a step: x_n = 50 + (x0 − 50)·0.9^n.
    MarkovChain chain = new MarkovChain(List.of("A"), new double[][] {{0.9}}, new double[] {5});
    assertEquals(0.1, chain.leaveProbability("A"), EPS);
    for (int n = 0; n <= 6; n++) {
      assertEquals(50 + (20 - 50) * Math.pow(0.9, n), chain.project(new double[] {20}, n)[0], EPS);
    }
  }

  @Test
  void estimateIsPooledCountsOverPersonsInTheState() {
    // Two pairs. первая: 8 stay + 1 up + 1 leaves = 10 → 0.8 / 0.1 / leave 0.1. высшая: 4 stay.
    // Entries: 3 без категории + 1 первая over 2 pairs → 1.5 and 0.5 a step.
    MarkovChain.Counts c = new MarkovChain.Counts()
        .add("p1", "первая", "первая", 5).add("p2", "первая", "первая", 3)
        .add("p1", "первая", "высшая", 1).add("p2", "первая", null, 1)
        .add("p1", "высшая", "высшая", 2).add("p2", "высшая", "высшая", 2)
        .add("p1", null, "без категории", 3).add("p2", null, "первая", 1);
    MarkovChain chain = MarkovChain.estimate(c, null, 1, Set.of());
    assertEquals(List.of("без категории", "высшая", "первая"), chain.states());
    assertEquals(0.8, chain.probability("первая", "первая"), EPS);
    assertEquals(0.1, chain.probability("первая", "высшая"), EPS);
    assertEquals(0.1, chain.leaveProbability("первая"), EPS);
    assertEquals(1.0, chain.probability("высшая", "высшая"), EPS);
    // без категории was never observed at a first window: everyone stays
    assertEquals(1.0, chain.probability("без категории", "без категории"), EPS);
    assertEquals(1.5, chain.inflow("без категории"), EPS);
    assertEquals(0.5, chain.inflow("первая"), EPS);
  }

  @Test
  void sparseRowsAndHireMixAreBorrowedButHireCountIsOwn() {
    // Unit: первая 10 persons (< 40: borrowed), высшая 40 persons (own: all stay), 2 entries in
    // 1 pair (< 40: mix borrowed, count own = 2 a step). Fallback: первая 0.9 / 0.1 up, entries
    // 30 первая + 10 высшая → 0.75 / 0.25.
    MarkovChain.Counts unit = new MarkovChain.Counts()
        .add("p", "первая", "первая", 5).add("p", "первая", "высшая", 5)
        .add("p", "высшая", "высшая", 40).add("p", null, "высшая", 2);
    MarkovChain.Counts region = new MarkovChain.Counts()
        .add("p", "первая", "первая", 90).add("p", "первая", "высшая", 10)
        .add("p", "высшая", "первая", 50).add("p", "высшая", "высшая", 50)
        .add("p", null, "первая", 30).add("p", null, "высшая", 10);
    MarkovChain chain = MarkovChain.estimate(unit, region, 40, Set.of());
    assertEquals(0.9, chain.probability("первая", "первая"), EPS);
    assertEquals(0.1, chain.probability("первая", "высшая"), EPS);
    assertEquals(1.0, chain.probability("высшая", "высшая"), EPS);
    assertEquals(1.5, chain.inflow("первая"), EPS);
    assertEquals(0.5, chain.inflow("высшая"), EPS);
  }

  @Test
  void rowsMustBeProbabilities() {
    assertThrows(IllegalArgumentException.class,
        () -> new MarkovChain(List.of("A", "B"), new double[][] {{0.9, 0.2}, {0, 1}}, new double[2]));
  }
}
