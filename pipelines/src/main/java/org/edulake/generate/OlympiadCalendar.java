package org.edulake.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dates of the ВсОШ stages shared by many districts (domain-facts.md §3.4): the regional stage
 * per region and subject (January–February), the final per subject (March–April). Drawn once
 * per run, so every district of a region writes the same date for the same stage.
 */
final class OlympiadCalendar {
  static final List<String> SUBJECTS = List.of("математика", "русский язык", "литература",
      "английский язык", "история", "обществознание", "право", "экономика", "география",
      "биология", "химия", "физика", "информатика", "экология", "астрономия",
      "физическая культура", "ОБЗР", "технология", "искусство (МХК)", "немецкий язык");
  /** Relative popularity of the subjects at the school stage. */
  static final double[] SUBJECT_WEIGHTS = {14, 12, 7, 10, 8, 9, 3, 3, 6, 9, 5, 6, 4, 3, 2, 6, 3,
      3, 3, 2};

  private final int firstYear;
  private final LocalDate[][][] regional;
  private final LocalDate[][] finals;

  private OlympiadCalendar(int firstYear, LocalDate[][][] regional, LocalDate[][] finals) {
    this.firstYear = firstYear;
    this.regional = regional;
    this.finals = finals;
  }

  /** School years starting in firstYear … lastYear (September). */
  static OlympiadCalendar generate(int regions, int firstYear, int lastYear, SplittableRandom rng) {
    int years = lastYear - firstYear + 1;
    LocalDate[][][] regional = new LocalDate[regions][years][SUBJECTS.size()];
    LocalDate[][] finals = new LocalDate[years][SUBJECTS.size()];
    for (int y = 0; y < years; y++) {
      int spring = firstYear + y + 1;
      for (int s = 0; s < SUBJECTS.size(); s++) {
        finals[y][s] = LocalDate.of(spring, 3, 25).plusDays(rng.nextInt(36));
        for (int r = 0; r < regions; r++) {
          regional[r][y][s] = LocalDate.of(spring, 1, 12).plusDays(rng.nextInt(44));
        }
      }
    }
    return new OlympiadCalendar(firstYear, regional, finals);
  }

  LocalDate regional(int region, int schoolYear, int subject) {
    int y = schoolYear - firstYear;
    if (y < 0 || y >= finals.length) {
      return LocalDate.of(schoolYear + 1, 1, 20).plusDays(subject);
    }
    return regional[region][y][subject];
  }

  LocalDate finalStage(int schoolYear, int subject) {
    int y = schoolYear - firstYear;
    if (y < 0 || y >= finals.length) {
      return LocalDate.of(schoolYear + 1, 4, 1).plusDays(subject);
    }
    return finals[y][subject];
  }
}
