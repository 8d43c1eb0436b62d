package org.edulake.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Qualification categories under Order No. 196 (SPEC §4.1, domain-facts.md §1.1–1.2): the
 * initial mix by experience and school stratum, and what attestation does between windows —
 * confirmations, upgrades, the rare new categories for holders of высшая, lapses and overdue СЗД.
 */
final class CategoryModel {
  static final String NONE = "без категории";
  static final String SZD = "соответствие занимаемой должности";
  static final String FIRST = "первая";
  static final String HIGHEST = "высшая";
  static final String METHODIST = "педагог-методист";
  static final String MENTOR = "педагог-наставник";
  static final String LEGACY_SECOND = "вторая";

  /** SPEC §4.1: categories assigned from this date on do not expire. */
  static final LocalDate ORDER_196_FROM = LocalDate.of(2023, 9, 1);
  static final int VALIDITY_YEARS = 5;

  /** Initial shares {none, СЗД, first, highest} by experience: <2, 2–5, 5–10, 10–20, 20+ years. */
  static final double[][] INITIAL_SHARES = {
      {1.00, 0.00, 0.00, 0.00},
      {0.35, 0.35, 0.27, 0.03},
      {0.12, 0.28, 0.45, 0.15},
      {0.08, 0.22, 0.38, 0.32},
      {0.07, 0.20, 0.33, 0.40}};
  /** Multiplier of the highest-category share (domain-facts.md §1.2: urban ≈ 2× rural). */
  static final double HIGHEST_URBAN = 1.1;
  static final double HIGHEST_RURAL = 0.7;
  static final double HIGHEST_GYMNASIUM = 1.5;
  /** Share of holders whose roster still shows a category that expired before the first window. */
  static final double SHARE_STALE = 0.04;
  /** Share of persons with 25+ years of experience still listed with the abolished «вторая». */
  static final double SHARE_LEGACY_SECOND = 0.01;
  /** Holders re-attested before their category expires; the rest lapse. */
  static final double REATTEST_BEFORE_EXPIRY = 0.85;
  /** Of lapsed holders, the share whose school rewrites the roster as «без категории». */
  static final double LAPSE_REWRITTEN = 0.3;
  static final double SZD_RENEWED = 0.75;
  static final double PER_YEAR_NONE_TO_FIRST = 0.10;
  static final double PER_YEAR_FIRST_TO_HIGHEST = 0.05;
  static final double PER_YEAR_HIGHEST_TO_NEW = 0.012;
  static final double PER_YEAR_NONE_TO_SZD = 0.25;

  private CategoryModel() {}

  static void initial(Person p, LocalDate ref, Geography.School school, SplittableRandom rng) {
    double exp = p.experience(ref);
    if (exp >= 25 && rng.nextDouble() < SHARE_LEGACY_SECOND) {
      set(p, LEGACY_SECOND, LocalDate.of(2005, 1, 15).plusDays(rng.nextInt(6 * 365)));
      return;
    }
    double[] shares = INITIAL_SHARES[exp < 2 ? 0 : exp < 5 ? 1 : exp < 10 ? 2 : exp < 20 ? 3 : 4];
    double factor = school.schoolType().equals("гимназия") || school.schoolType().equals("лицей")
        ? HIGHEST_GYMNASIUM : school.urban() ? HIGHEST_URBAN : HIGHEST_RURAL;
    double highest = Math.min(0.9, shares[3] * factor);
    double scaleOthers = shares[3] >= 1 ? 0 : (1 - highest) / (1 - shares[3]);
    double u = rng.nextDouble();
    double none = shares[0] * scaleOthers;
    double szd = none + shares[1] * scaleOthers;
    double first = szd + shares[2] * scaleOthers;
    if (u < none) {
      set(p, NONE, null);
    } else if (u < szd) {
      // СЗД every 5 years; dates up to 5.5 years back, so a few are overdue from the start
      set(p, SZD, minusMonths(ref, rng.nextInt(66), rng));
    } else {
      String category = u < first ? FIRST : HIGHEST;
      int months = rng.nextDouble() < SHARE_STALE ? 60 + rng.nextInt(36) : rng.nextInt(60);
      set(p, category, minusMonths(ref, months, rng));
    }
    if (p.categoryDate != null && p.categoryDate.isBefore(p.experienceStart)) {
      p.categoryDate = p.experienceStart.plusMonths(24);
      if (p.categoryDate.isAfter(ref)) {
        set(p, NONE, null);
      }
    }
  }

  /** Attestation events in the interval (from, to] between two windows. */
  static void evolve(Person p, LocalDate from, LocalDate to, SplittableRandom rng) {
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    double exp = p.experience(to);
    String c = p.category;
    boolean holder = c.equals(FIRST) || c.equals(HIGHEST);
    if (holder && p.categoryDate.isBefore(ORDER_196_FROM) && !p.expiryDecided) {
      LocalDate expiry = p.categoryDate.plusYears(VALIDITY_YEARS);
      if (expiry.isAfter(from) && !expiry.isAfter(to.plusMonths(3))) {
        p.expiryDecided = true;
        if (rng.nextDouble() < REATTEST_BEFORE_EXPIRY) {
          LocalDate lo = expiry.minusMonths(6).isAfter(from) ? expiry.minusMonths(6) : from;
          LocalDate hi = expiry.minusDays(1).isBefore(to) ? expiry.minusDays(1) : to;
          LocalDate date = hi.isAfter(lo) ? between(lo, hi, rng) : between(from, to, rng);
          double v = rng.nextDouble();
          String next = c.equals(FIRST) ? (v < 0.25 ? HIGHEST : FIRST) : (v < 0.04 ? FIRST : HIGHEST);
          set(p, next, date);
        } else if (rng.nextDouble() < LAPSE_REWRITTEN && expiry.isBefore(to)) {
          set(p, NONE, null);
        }
        return;
      }
      if (!expiry.isAfter(from)) {
        p.expiryDecided = true;   // expired before this interval (stale roster value)
      }
    }
    boolean valid = holder && (!p.categoryDate.isBefore(ORDER_196_FROM)
        || p.categoryDate.plusYears(VALIDITY_YEARS).isAfter(to));
    if ((c.equals(NONE) || c.equals(SZD) || c.equals(LEGACY_SECOND) || (holder && !valid))
        && exp >= 2 && chance(PER_YEAR_NONE_TO_FIRST, years, rng)) {
      set(p, FIRST, between(from, to, rng));
    } else if (c.equals(FIRST) && valid && exp >= 5 && chance(PER_YEAR_FIRST_TO_HIGHEST, years, rng)) {
      set(p, HIGHEST, between(from, to, rng));
    } else if (c.equals(HIGHEST) && valid && exp >= 15 && to.isAfter(ORDER_196_FROM)
        && chance(PER_YEAR_HIGHEST_TO_NEW, years, rng)) {
      LocalDate lo = from.isBefore(ORDER_196_FROM) ? ORDER_196_FROM : from;
      set(p, rng.nextDouble() < 0.6 ? METHODIST : MENTOR, between(lo, to, rng));
    } else if (c.equals(SZD) && !p.categoryDate.plusYears(VALIDITY_YEARS).isAfter(to)
        && !p.expiryDecided) {
      p.expiryDecided = true;
      if (rng.nextDouble() < SZD_RENEWED) {
        set(p, SZD, between(from, to, rng));
      }
    } else if (c.equals(NONE) && exp >= 2 && chance(PER_YEAR_NONE_TO_SZD, years, rng)) {
      set(p, SZD, between(from, to, rng));
    }
  }

  private static void set(Person p, String category, LocalDate date) {
    p.category = category;
    p.categoryDate = date;
    p.expiryDecided = false;
  }

  static boolean chance(double perYear, double years, SplittableRandom rng) {
    return rng.nextDouble() < 1 - Math.pow(1 - perYear, years);
  }

  /** A day d with from < d ≤ to. */
  static LocalDate between(LocalDate from, LocalDate to, SplittableRandom rng) {
    long span = to.toEpochDay() - from.toEpochDay();
    return span <= 0 ? to : from.plusDays(1 + rng.nextLong(span));
  }

  private static LocalDate minusMonths(LocalDate ref, int months, SplittableRandom rng) {
    return ref.minusMonths(months).minusDays(rng.nextInt(28));
  }
}
