package org.edulake.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One generated pedagogical worker of a district: the state kept across windows (SPEC §3 staff
 * columns). Personal values (СНИЛС, ФИО, birth date) never change; the rest evolves.
 */
final class Person {
  final String snils;
  final String fullName;
  final boolean female;
  final LocalDate birthDate;
  final String education;
  final LocalDate experienceStart;
  int school;
  String position;
  String subject;
  /** Secondary job at another school of the district (is_main_job = нет), or -1. */
  int secondSchool = -1;
  String secondPosition;
  String secondSubject;
  String category;
  LocalDate categoryDate;
  /** The expiry of the current assignment was already decided (re-attested or lapsed). */
  boolean expiryDecided;
  boolean isMentor;
  boolean hasMentor;
  /** Share of the yearly individual route (ИОМ) done by May; NaN: no ИОМ. */
  double iomCapacity;
  String independentAssessment;
  boolean inMethodologicalActive;

  Person(String snils, String fullName, boolean female, LocalDate birthDate, String education,
      LocalDate experienceStart) {
    this.snils = snils;
    this.fullName = fullName;
    this.female = female;
    this.birthDate = birthDate;
    this.education = education;
    this.experienceStart = experienceStart;
  }

  /** Age in full years at {@code date} (SPEC §7). */
  int age(LocalDate date) {
    return (int) ChronoUnit.YEARS.between(birthDate, date);
  }

  /** Pedagogical experience in years at {@code date}, never negative. */
  double experience(LocalDate date) {
    return Math.max(0, ChronoUnit.DAYS.between(experienceStart, date) / 365.25);
  }

  boolean isTeacher() {
    return "учитель".equals(position);
  }
}
