package org.edulake.qualification;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A time-homogeneous Markov chain over qualification categories with an exit state ("left") and
 * an inflow ("hired"), one step per pair of consecutive windows (SPEC §4.4). Row i of the matrix
 * holds the probabilities that a person in category i at one window is in category j at the
 * next; what a row lacks to 1 is the probability of leaving. Each step adds the expected hires
 * per category: x(t+1) = x(t)·P + h.
 */
public final class MarkovChain implements Serializable {
  private final List<String> states;
  private final RealMatrix transition;
  private final RealVector inflow;

  public MarkovChain(List<String> states, double[][] transition, double[] inflow) {
    if (transition.length != states.size() || inflow.length != states.size()) {
      throw new IllegalArgumentException("matrix, inflow and states must have the same size");
    }
    for (double[] row : transition) {
      double sum = 0;
      for (double p : row) {
        if (p < 0) {
          throw new IllegalArgumentException("negative transition probability");
        }
        sum += p;
      }
      if (sum > 1 + 1e-9) {
        throw new IllegalArgumentException("a row of the transition matrix sums to " + sum);
      }
    }
    this.states = List.copyOf(states);
    this.transition = new Array2DRowRealMatrix(transition);
    this.inflow = new ArrayRealVector(inflow);
  }

  public List<String> states() {
    return states;
  }

  public double probability(String from, String to) {
    return transition.getEntry(states.indexOf(from), states.indexOf(to));
  }

  public double leaveProbability(String from) {
    int i = states.indexOf(from);
    double stay = 0;
    for (int j = 0; j < states.size(); j++) {
      stay += transition.getEntry(i, j);
    }
    return 1 - stay;
  }

  public double inflow(String to) {
    return inflow.getEntry(states.indexOf(to));
  }

  /** One step: x·P + h. */
  public double[] step(double[] x) {
    return transition.preMultiply(new ArrayRealVector(x)).add(inflow).toArray();
  }

  /** {@code steps} steps from the distribution x. */
  public double[] project(double[] x, int steps) {
    double[] v = x.clone();
    for (int s = 0; s < steps; s++) {
      v = step(v);
    }
    return v;
  }

  /** x as a vector over {@link #states()}: persons per category, 0 where absent. */
  public double[] vector(Map<String, ? extends Number> persons) {
    double[] v = new double[states.size()];
    persons.forEach((category, n) -> {
      int i = states.indexOf(category);
      if (i < 0) {
        throw new IllegalArgumentException("not a state of the chain: " + category);
      }
      v[i] = n.doubleValue();
    });
    return v;
  }

  /**
   * Observed person-by-person transitions of one org unit, pooled over several window pairs: from
   * NULL is a person who entered (new hire or moved in), to NULL one who left (leaver or moved
   * out).
   */
  public static final class Counts implements Serializable {
    private final Map<String, Map<String, Long>> moves = new TreeMap<>();
    private final Map<String, Long> exits = new TreeMap<>();
    private final Map<String, Long> entries = new TreeMap<>();
    private final TreeSet<String> pairs = new TreeSet<>();

    /** Adds persons of one window pair; from or to NULL for entries and exits. */
    public Counts add(String pair, String from, String to, long persons) {
      pairs.add(pair);
      if (from == null && to == null) {
        throw new IllegalArgumentException("a transition needs a category on one side");
      }
      if (from == null) {
        entries.merge(to, persons, Long::sum);
      } else if (to == null) {
        exits.merge(from, persons, Long::sum);
      } else {
        moves.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, persons, Long::sum);
      }
      return this;
    }

    /** Persons observed in category {@code from} at the first window of a pair, pooled. */
    public long personsFrom(String from) {
      long n = exits.getOrDefault(from, 0L);
      for (long m : moves.getOrDefault(from, Map.of()).values()) {
        n += m;
      }
      return n;
    }

    public long entries() {
      return entries.values().stream().mapToLong(Long::longValue).sum();
    }

    public int pairs() {
      return pairs.size();
    }

    Collection<String> categories() {
      TreeSet<String> all = new TreeSet<>(moves.keySet());
      moves.values().forEach(m -> all.addAll(m.keySet()));
      all.addAll(exits.keySet());
      all.addAll(entries.keySet());
      return all;
    }
  }

  /**
   * The chain estimated from pooled counts, by maximum likelihood: p(i→j) = n(i→j) / n(i), with
   * n(i) all persons in i at the first window of a pair (including those who left); expected
   * hires per step = entries / pairs, spread like the observed entries.
   *
   * <p>Borrowing: a row whose unit has fewer than {@code minPersons} persons observed in that
   * category is taken from {@code fallback} (the region's counts for a district), and so is the
   * hire distribution when the unit has fewer than {@code minPersons} entries; the number of hires
   * is always the unit's own. A row without any observation (in the unit and the fallback) keeps
   * everyone in place (p(i→i) = 1).
   *
   * @param extraStates categories to include even if unobserved (the base and target windows')
   */
  public static MarkovChain estimate(Counts unit, Counts fallback, long minPersons,
      Collection<String> extraStates) {
    TreeSet<String> all = new TreeSet<>(unit.categories());
    if (fallback != null) {
      all.addAll(fallback.categories());
    }
    all.addAll(extraStates);
    List<String> states = new ArrayList<>(all);
    int n = states.size();
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      String from = states.get(i);
      Counts source = unit.personsFrom(from) >= minPersons || fallback == null
          || fallback.personsFrom(from) == 0 && unit.personsFrom(from) > 0 ? unit : fallback;
      long total = source.personsFrom(from);
      if (total == 0) {
        p[i][i] = 1.0;
        continue;
      }
      Map<String, Long> row = source.moves.getOrDefault(from, Map.of());
      for (int j = 0; j < n; j++) {
        p[i][j] = row.getOrDefault(states.get(j), 0L) / (double) total;
      }
    }
    double[] h = new double[n];
    if (unit.pairs() > 0) {
      double perStep = unit.entries() / (double) unit.pairs();
      Counts spread = unit.entries() >= minPersons || fallback == null || fallback.entries() == 0
          ? unit : fallback;
      long entries = spread.entries();
      for (int j = 0; j < n && entries > 0; j++) {
        h[j] = perStep * spread.entries.getOrDefault(states.get(j), 0L) / entries;
      }
    }
    return new MarkovChain(states, p, h);
  }
}
