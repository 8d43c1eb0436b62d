package org.edulake.config;

import java.io.Serializable;
import java.time.LocalDate;

/** A window and its reference date; look-back periods are half-open (ref − n months, ref]. */
public record MonitoringWindow(WindowId id, LocalDate referenceDate) implements Serializable {
  /** SPEC §7: yearly indicators look back 12 months. */
  public static final int YEAR_MONTHS = 12;
  /** SPEC §7: professional development looks back 36 months. */
  public static final int PD_MONTHS = 36;

  public static MonitoringWindow of(WindowId id) {
    return new MonitoringWindow(id, id.lastDay());
  }

  /** First day excluded from a look-back of {@code months}: dates d with start &lt; d ≤ ref. */
  public LocalDate lookBackStartExclusive(int months) {
    return referenceDate.minusMonths(months);
  }
}
