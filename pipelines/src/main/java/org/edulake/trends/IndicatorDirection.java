package org.edulake.trends;

/** The {@code direction} of an indicator passport (SPEC §4). */
public enum IndicatorDirection {
  HIGHER_IS_BETTER("higher_is_better", 1),
  LOWER_IS_BETTER("lower_is_better", -1);

  private final String id;
  private final int sign;

  IndicatorDirection(String id, int sign) {
    this.id = id;
    this.sign = sign;
  }

  public String id() {
    return id;
  }

  /** +1 when a rise is an improvement, −1 when a fall is. */
  public int sign() {
    return sign;
  }

  /** The direction whose passport spelling is {@code id}, e.g. {@code lower_is_better}. */
  public static IndicatorDirection fromId(String id) {
    for (IndicatorDirection direction : values()) {
      if (direction.id.equals(id)) {
        return direction;
      }
    }
    throw new IllegalArgumentException("unknown indicator direction: " + id);
  }
}
