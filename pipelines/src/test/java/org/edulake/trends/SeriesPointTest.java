package org.edulake.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesPointTest {
  @ParameterizedTest
  @CsvSource({"2025-05, 2026-01", "2025-01, 2025-05", "2023-12, 2024-01", "2024-03, 2024-05"})
  void nextMonitoringWindowIsTheNextJanuaryOrMay(String window, String next) {
    assertEquals(next, SeriesPoint.nextWindowId(window));
  }

  @ParameterizedTest
  @CsvSource({
    "2023-01, 2023-01, 0.0", //                     same window
    "2023-01, 2023-05, 0.3333333333333333", //      4 months = 4/12
    "2025-05, 2026-01, 0.6666666666666666", //      8 months = 8/12
    "2023-01, 2026-01, 3.0" //                      the 3-year period of SPEC §4.3
  })
  void yearsBetweenCountsMonthsOverTwelve(String from, String to, double years) {
    assertEquals(years, SeriesPoint.yearsBetween(from, to), 1e-15);
  }

  @Test
  void pointMeasuresItsTimeFromTheFirstWindow() {
    SeriesPoint point = SeriesPoint.of("2023-01", "2024-05", 42.0, 21L, 50L);
    // 2024-05 is 16 months after 2023-01: 16/12 years.
    assertEquals(16 / 12.0, point.x(), 1e-15);
  }

  @Test
  void windowIdMustBeAYearAndARealMonth() {
    assertThrows(
        DateTimeParseException.class, () -> SeriesPoint.of("2023-01", "2025-13", 1.0, 1L, 1L));
  }
}
