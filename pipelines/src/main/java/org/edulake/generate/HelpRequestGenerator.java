package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Requests for methodological help (SPEC §3 help_requests, seed 001): topics and statuses; a
 * request still open at the window's end is sent again in the next window's folder with its new
 * status (same person, date and topic: the later record wins, SPEC §7).
 */
final class HelpRequestGenerator {
  static final double REQUESTS_PER_YEAR_YOUNG = 0.30;
  static final double REQUESTS_PER_YEAR = 0.12;
  /** Requests made in the last weeks before the window's end are often still open. */
  static final int OPEN_DAYS = 45;
  static final double SHARE_OPEN_UPDATED = 0.85;
  static final double SHARE_PARTIAL_COMPLETED_LATER = 0.30;
  static final String FULL = "оказана в полном объёме";
  static final String PARTIAL = "оказана частично";
  static final String NOT = "не оказана";

  private final DistrictState state;
  private final List<Object[]> updates = new ArrayList<>();

  HelpRequestGenerator(DistrictState state) {
    this.state = state;
  }

  void write(InboxFileWriter out, LocalDate from, LocalDate to) {
    SplittableRandom rng = state.rng;
    for (Object[] row : updates) {
      emit(out, row);
    }
    updates.clear();
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    for (Person p : state.persons) {
      double rate = p.age(to) < 35 ? REQUESTS_PER_YEAR_YOUNG : REQUESTS_PER_YEAR;
      int n = PdCourseGenerator.poisson(rate * years, rng);
      LocalDate last = null;
      for (int i = 0; i < n; i++) {
        LocalDate date = CategoryModel.between(from, to, rng);
        if (date.equals(last)) {
          continue;
        }
        last = date;
        double t = rng.nextDouble();
        String topic = t < 0.45 ? "подготовка к аттестации" : t < 0.65 ? "подготовка к конкурсу"
            : "иное";
        boolean recent = date.isAfter(to.minusDays(OPEN_DAYS));
        double s = rng.nextDouble();
        String status = recent ? (s < 0.4 ? NOT : s < 0.8 ? PARTIAL : FULL)
            : (s < 0.75 ? FULL : s < 0.92 ? PARTIAL : NOT);
        Object[] row = {p.snils, date, topic, status};
        emit(out, row);
        boolean update = !status.equals(FULL) && (recent ? rng.nextDouble() < SHARE_OPEN_UPDATED
            : status.equals(PARTIAL) && rng.nextDouble() < SHARE_PARTIAL_COMPLETED_LATER);
        if (update) {
          updates.add(new Object[] {p.snils, date, topic, FULL});
        }
      }
    }
  }

  private static void emit(InboxFileWriter out, Object[] r) {
    out.row().set("person_id", r[0]).set("request_date", r[1]).set("topic", r[2])
        .set("status", r[3]).write();
  }
}
