package org.edulake.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A monitoring window id, {@code YYYY-MM} with a real month (SPEC §2). Only values of this type
 * reach SQL text (partition predicates), so the pattern check is what keeps them safe.
 */
public record WindowId(String value) implements Comparable<WindowId>, Serializable {
  private static final Pattern FORM = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])");

  public WindowId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "window id must be YYYY-MM with a real month, e.g. 2025-05; got: " + value);
    }
  }

  public static WindowId of(String value) {
    return new WindowId(value);
  }

  public static boolean isWindowId(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  public YearMonth yearMonth() {
    return YearMonth.parse(value);
  }

  /** The last day of the window's month: the default reference date (SPEC §2). */
  public LocalDate lastDay() {
    return yearMonth().atEndOfMonth();
  }

  @Override
  public int compareTo(WindowId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
