package org.edulake.trends;

/** The {@code unit} of an indicator passport (SPEC §4), as far as trends need it. */
public enum IndicatorUnit {
  PERCENT("percent"),
  COUNT("count"),
  RATIO("ratio"),
  PER_100("per_100");

  /** SPEC §8: the value of a share is in percent, so it lies in [0, 100]. */
  static final double PERCENT_MAX = 100.0;

  private final String id;

  IndicatorUnit(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The unit whose passport spelling is {@code id}, e.g. {@code per_100}. */
  public static IndicatorUnit fromId(String id) {
    for (IndicatorUnit unit : values()) {
      if (unit.id.equals(id)) {
        return unit;
      }
    }
    throw new IllegalArgumentException("unknown indicator unit: " + id);
  }

  /** A share: numerator over denominator, in percent, tested with its denominators. */
  public boolean isShare() {
    return this == PERCENT;
  }

  /** The nearest value this unit can take: percent in [0, 100], everything else at least 0. */
  public double clamp(double value) {
    double atLeastZero = Math.max(0.0, value);
    return isShare() ? Math.min(PERCENT_MAX, atLeastZero) : atLeastZero;
  }
}
