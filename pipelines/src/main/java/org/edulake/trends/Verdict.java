package org.edulake.trends;

/** A {@code verdict} of {@code indicator_trends} (SPEC §8), as {@link TrendClassifier} decides. */
public enum Verdict {
  POSITIVE("положительная"),
  STABLE("стабильная"),
  NEGATIVE("отрицательная"),
  INSUFFICIENT_DATA("недостаточно данных");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The value stored in the mart column {@code verdict}. */
  public String label() {
    return label;
  }
}
