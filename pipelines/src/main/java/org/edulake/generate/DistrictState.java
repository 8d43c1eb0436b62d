package org.edulake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What one district keeps across windows: its persons, its random stream, СНИЛС numbering. */
final class DistrictState {
  /** СНИЛС ordinals reserved per district (persons ever generated there, hires included). */
  static final long SNILS_PER_DISTRICT = 400_000L;

  final Geography.District district;
  final OlympiadCalendar calendar;
  final SplittableRandom rng;
  final List<Person> persons = new ArrayList<>();
  private final long snilsOffset;
  private long snilsCount;

  DistrictState(Geography.District district, OlympiadCalendar calendar, SplittableRandom rng,
      long snilsOffset) {
    this.district = district;
    this.calendar = calendar;
    this.rng = rng;
    this.snilsOffset = snilsOffset;
  }

  String nextSnils() {
    if (snilsCount >= SNILS_PER_DISTRICT) {
      throw new IllegalStateException("district " + district.code() + " ran out of СНИЛС numbers");
    }
    return Snils.forOrdinal(district.index() * SNILS_PER_DISTRICT + snilsCount++, snilsOffset);
  }

  Geography.School school(int index) {
    return district.schools().get(index);
  }
}
