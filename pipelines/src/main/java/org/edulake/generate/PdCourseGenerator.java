package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Professional development (pd_courses): most staff complete 16–72 h courses about every three
 * years (SPEC §4.2 PD indicators, seed 003), some from the federal register. A few records are
 * sent again in the next window's file (the log counts equal rows once, SPEC §7).
 */
final class PdCourseGenerator {
  /** Courses per person and year (≈ 1.7 in three years, so most reach 36 h in 36 months). */
  static final double COURSES_PER_YEAR = 0.57;
  static final double SHARE_RESENT = 0.02;

  record Course(String title, int[] hours, int provider, boolean federal) {}

  static final String ACADEMY = "ФГАОУ ДПО «Академия Минпросвещения России»";
  static final List<String> COMMERCIAL = List.of("ООО «Инфоурок»",
      "ООО «Центр инновационного образования и воспитания»",
      "АНО ДПО «Академия профессиональных компетенций»", "ООО «Учи.ру»",
      "ООО \"Московский институт профессиональной переподготовки и повышения квалификации педагогов\"");
  static final int PROVIDER_ACADEMY = 0;
  static final int PROVIDER_REGIONAL = 1;
  static final int PROVIDER_COMMERCIAL = 2;

  static final List<Course> COURSES = List.of(
      new Course("Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя",
          new int[] {36}, PROVIDER_ACADEMY, true),
      new Course("Школа современного учителя. Развитие читательской грамотности",
          new int[] {56, 100}, PROVIDER_ACADEMY, true),
      new Course("Разговоры о важном: система работы классного руководителя (куратора)",
          new int[] {58}, PROVIDER_ACADEMY, true),
      new Course("Введение ФОП: содержание и особенности реализации", new int[] {24, 36},
          PROVIDER_REGIONAL, true),
      new Course("Формирование функциональной грамотности обучающихся", new int[] {36, 72},
          PROVIDER_REGIONAL, false),
      new Course("Цифровая образовательная среда: инструменты и сервисы", new int[] {36},
          PROVIDER_REGIONAL, false),
      new Course("Организация работы с обучающимися с ОВЗ в соответствии с ФГОС",
          new int[] {72}, PROVIDER_COMMERCIAL, false),
      new Course("Подготовка экспертов предметных комиссий ГИА", new int[] {18, 24, 36},
          PROVIDER_REGIONAL, false),
      new Course("Наставничество в образовательной организации", new int[] {36},
          PROVIDER_REGIONAL, false),
      new Course("Оказание первой помощи", new int[] {16}, PROVIDER_COMMERCIAL, false),
      new Course("Профилактика деструктивного поведения обучающихся", new int[] {24},
          PROVIDER_REGIONAL, false),
      new Course("Методика преподавания предмета в условиях реализации ФГОС, ФОП",
          new int[] {72, 108}, PROVIDER_COMMERCIAL, false),
      new Course("Управление образовательной организацией: эффективный руководитель",
          new int[] {72}, PROVIDER_ACADEMY, true),
      new Course("Психолого-педагогическое сопровождение образовательного процесса",
          new int[] {72}, PROVIDER_REGIONAL, false));

  private final DistrictState state;
  private List<Object[]> lastWritten = List.of();

  PdCourseGenerator(DistrictState state) {
    this.state = state;
  }

  /** Courses completed in (from, to] by the persons of the roster at {@code to}. */
  void write(InboxFileWriter out, LocalDate from, LocalDate to) {
    SplittableRandom rng = state.rng;
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    List<Object[]> written = new ArrayList<>();
    for (Object[] again : lastWritten) {
      if (rng.nextDouble() < SHARE_RESENT) {
        emit(out, again);
      }
    }
    String regional = "ГАУ ДПО «Институт развития образования» ("
        + state.district.region().name() + ")";
    for (Person p : state.persons) {
      int n = poisson(COURSES_PER_YEAR * years, rng);
      for (int k = 0; k < n; k++) {
        LocalDate end = CategoryModel.between(from, to, rng);
        if (end.isBefore(p.experienceStart)) {
          continue;
        }
        Course c = COURSES.get(rng.nextInt(COURSES.size()));
        if (c.title().startsWith("Управление") && !p.position.equals("директор")
            && !p.position.equals("заместитель директора")) {
          c = COURSES.get(0);
        }
        int hours = c.hours()[rng.nextInt(c.hours().length)];
        String provider;
        String format;
        boolean federal = c.federal();
        switch (c.provider()) {
          case PROVIDER_ACADEMY -> {
            provider = ACADEMY;
            format = rng.nextDouble() < 0.8 ? "дистанционная" : "смешанная";
          }
          case PROVIDER_REGIONAL -> {
            provider = regional;
            double f = rng.nextDouble();
            format = f < 0.5 ? "очная" : f < 0.8 ? "смешанная" : "дистанционная";
          }
          default -> {
            provider = COMMERCIAL.get(rng.nextInt(COMMERCIAL.size()));
            format = "дистанционная";
            federal = false;
          }
        }
        Object[] row = {p.snils, c.title(), provider, federal, hours, end, format};
        written.add(row);
        emit(out, row);
      }
    }
    lastWritten = written;
  }

  private static void emit(InboxFileWriter out, Object[] r) {
    out.row().set("person_id", r[0]).set("course_title", r[1]).set("provider", r[2])
        .set("federal_register", r[3]).set("hours", r[4]).set("end_date", r[5])
        .set("format", r[6]).write();
  }

  static int poisson(double mean, SplittableRandom rng) {
    double limit = Math.exp(-mean);
    int k = 0;
    double prod = rng.nextDouble();
    while (prod > limit) {
      k++;
      prod *= rng.nextDouble();
    }
    return k;
  }
}
