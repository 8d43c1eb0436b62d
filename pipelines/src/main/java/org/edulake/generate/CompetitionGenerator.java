package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Competitions (SPEC §3, domain-facts.md §3): professional contests of teachers (about 5–10 % a
 * year, a funnel municipal → regional → federal) and student contests, above all the ВсОШ funnel
 * (many school-stage entries, ≈ 10 % of them at the municipal stage, few regional, very few in
 * the final). Students carry only a pseudonymous {@code student_ref}. Later stages and results
 * corrected after appeal arrive in later window folders with the same natural key.
 */
final class CompetitionGenerator {
  static final double TEACHER_CONTEST_PER_YEAR_YOUNG = 0.12;
  static final double TEACHER_CONTEST_PER_YEAR = 0.06;
  /** ВсОШ school-stage entries per student and year (one student may enter several subjects). */
  static final double OLYMPIAD_SCHOOL_STAGE_PER_STUDENT = 0.22;
  /** Chance that a winner or prize-winner goes on to the next stage. */
  static final double[] OLYMPIAD_ADVANCE = {0.35, 0.25, 0.15};
  /** Results by stage {winner, prize-winner, laureate}: school, municipal, regional, federal. */
  static final double[][] TEACHER_RESULTS = {{0.20, 0.25, 0.10}, {0.12, 0.22, 0.10},
      {0.06, 0.14, 0.12}, {0.02, 0.05, 0.10}};
  static final double[][] OLYMPIAD_RESULTS = {{0.08, 0.20, 0}, {0.08, 0.22, 0}, {0.06, 0.20, 0},
      {0.05, 0.20, 0}};
  static final double SHARE_CORRECTED = 0.05;
  static final String[] LEVELS = {"школьный", "муниципальный", "региональный", "федеральный"};

  record Contest(String name, String forPosition, int maxExperience, int firstLevel, int lastLevel) {}

  static final List<Contest> TEACHER_CONTESTS = List.of(
      new Contest("Учитель года России", "учитель", 99, 1, 3),
      new Contest("Педагогический дебют", null, 5, 2, 3),
      new Contest("Сердце отдаю детям", "педагог дополнительного образования", 99, 2, 3),
      new Contest("Воспитатель года", "воспитатель", 99, 1, 2),
      new Contest("Педагог-психолог России", "педагог-психолог", 99, 2, 3),
      new Contest("Самый классный классный", "учитель", 99, 1, 2),
      new Contest("Педагогическая мастерская", null, 99, 0, 1),
      new Contest("Лучшая методическая разработка", null, 99, 1, 1),
      new Contest("Цифровой урок", "учитель", 99, 2, 2),
      new Contest("Всероссийский конкурс «Педагогический поиск»", null, 99, 3, 3));

  private final DistrictState state;
  /** Entries dated after the current window, by date: later stages of a contest. */
  private final TreeMap<LocalDate, List<Object[]>> pending = new TreeMap<>();
  private final List<Object[]> corrections = new ArrayList<>();
  private final TreeMap<Integer, List<Object[]>> olympiadYears = new TreeMap<>();

  CompetitionGenerator(DistrictState state) {
    this.state = state;
  }

  void write(InboxFileWriter out, LocalDate from, LocalDate to) {
    SplittableRandom rng = state.rng;
    for (Object[] row : corrections) {
      emit(out, row);
    }
    corrections.clear();
    while (!pending.isEmpty() && !pending.firstKey().isAfter(to)) {
      for (Object[] row : pending.pollFirstEntry().getValue()) {
        emitChecked(out, row, rng);
      }
    }
    teacherContests(out, from, to, rng);
    for (int year = from.getYear() - 1; year <= to.getYear(); year++) {
      LocalDate yearStart = LocalDate.of(year, 9, 1);
      LocalDate yearEnd = LocalDate.of(year + 1, 5, 31);
      if (yearEnd.isAfter(from) && !yearStart.isAfter(to)) {
        List<Object[]> plan = olympiadYears.computeIfAbsent(year, y -> studentYear(y, rng));
        for (Object[] row : plan) {
          LocalDate date = (LocalDate) row[9];
          if (date.isAfter(from) && !date.isAfter(to)) {
            emitChecked(out, row, rng);
          }
        }
      }
    }
    olympiadYears.headMap(to.getYear() - 1).clear();
  }

  private void teacherContests(InboxFileWriter out, LocalDate from, LocalDate to,
      SplittableRandom rng) {
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    for (Person p : state.persons) {
      double rate = p.age(to) < 35 ? TEACHER_CONTEST_PER_YEAR_YOUNG : TEACHER_CONTEST_PER_YEAR;
      if (!CategoryModel.chance(rate, years, rng)) {
        continue;
      }
      List<Contest> eligible = new ArrayList<>();
      for (Contest c : TEACHER_CONTESTS) {
        if ((c.forPosition() == null || c.forPosition().equals(p.position))
            && p.experience(to) <= c.maxExperience()) {
          eligible.add(c);
        }
      }
      Contest c = eligible.get(rng.nextInt(eligible.size()));
      LocalDate date = CategoryModel.between(from, to, rng);
      String name = c.name() + " — " + date.getYear();
      String schoolId = state.school(p.school).id();
      for (int level = c.firstLevel(); level <= c.lastLevel(); level++) {
        String result = result(TEACHER_RESULTS[level], rng);
        Object[] row = {name, "профессиональный конкурс", LEVELS[level], "педагог", p.snils, null,
            schoolId, p.subject, result, date};
        if (date.isAfter(to)) {
          pending.computeIfAbsent(date, d -> new ArrayList<>()).add(row);
        } else {
          emitChecked(out, row, rng);
        }
        if (!(result.equals("победитель") || result.equals("призёр")) || rng.nextDouble() > 0.6) {
          break;
        }
        date = date.plusMonths(1 + rng.nextInt(3));
      }
    }
  }

  /** All student entries of one school year (September → May), dated; written as they fall due. */
  private List<Object[]> studentYear(int year, SplittableRandom rng) {
    List<Object[]> rows = new ArrayList<>();
    Geography.District d = state.district;
    int subjects = OlympiadCalendar.SUBJECTS.size();
    LocalDate[] municipal = new LocalDate[subjects];
    for (int s = 0; s < subjects; s++) {
      municipal[s] = LocalDate.of(year, 11, 10).plusDays(rng.nextInt(36));
    }
    for (Geography.School school : d.schools()) {
      int students = school.students(0);
      int entries = (int) Math.round(students * OLYMPIAD_SCHOOL_STAGE_PER_STUDENT);
      Set<Long> taken = new HashSet<>();
      for (int e = 0; e < entries; e++) {
        int student = 1 + rng.nextInt(students);
        int s = StaffRosterGenerator.pick(OlympiadCalendar.SUBJECT_WEIGHTS, rng);
        if (!taken.add(student * 100L + s)) {
          continue;
        }
        String ref = studentRef(school.id(), student);
        String subject = OlympiadCalendar.SUBJECTS.get(s);
        LocalDate[] dates = {LocalDate.of(year, 9, 20).plusDays((school.id().hashCode() & 31) + s % 5),
            municipal[s], state.calendar.regional(d.region().index(), year, s),
            state.calendar.finalStage(year, s)};
        for (int level = 0; level < 4; level++) {
          String result = result(OLYMPIAD_RESULTS[level], rng);
          String levelText = level == 3 && rng.nextBoolean() ? "заключительный этап ВсОШ"
              : LEVELS[level];
          rows.add(new Object[] {"Всероссийская олимпиада школьников по предмету «" + subject
              + "», " + STAGE_NAMES[level], "олимпиада", levelText, "обучающийся", null, ref,
              school.id(), subject, result, dates[level]});
          if (level == 3 || result.equals("участник") || rng.nextDouble() >= OLYMPIAD_ADVANCE[level]) {
            break;
          }
        }
      }
      // research projects (НПК) and a reading contest: municipal, some to the regional stage
      int projects = (int) Math.round(students * 0.015);
      for (int e = 0; e < projects; e++) {
        String ref = studentRef(school.id(), 1 + rng.nextInt(students));
        LocalDate date = LocalDate.of(year + 1, 2, 10).plusDays(rng.nextInt(28));
        String result = result(TEACHER_RESULTS[1], rng);
        rows.add(new Object[] {"Научно-практическая конференция школьников «Шаг в будущее»",
            "научный проект", "муниципальный", "обучающийся", null, ref, school.id(), null, result,
            date});
        if ((result.equals("победитель") || result.equals("призёр")) && rng.nextDouble() < 0.3) {
          rows.add(new Object[] {"Научно-практическая конференция школьников «Шаг в будущее»",
              "научный проект", "региональный", "обучающийся", null, ref, school.id(), null,
              result(TEACHER_RESULTS[2], rng), date.plusMonths(2)});
        }
      }
      int readers = (int) Math.round(students * 0.01);
      for (int e = 0; e < readers; e++) {
        rows.add(new Object[] {"Всероссийский конкурс юных чтецов «Живая классика»", "конкурс",
            "муниципальный", "обучающийся", null, studentRef(school.id(), 1 + rng.nextInt(students)),
            school.id(), "литература", result(TEACHER_RESULTS[1], rng),
            LocalDate.of(year + 1, 3, 1).plusDays(rng.nextInt(20))});
      }
    }
    return rows;
  }

  static final String[] STAGE_NAMES = {"школьный этап", "муниципальный этап", "региональный этап",
      "заключительный этап"};

  static String studentRef(String schoolId, int student) {
    return "U" + schoolId + String.format("%04d", student);
  }

  private void emitChecked(InboxFileWriter out, Object[] row, SplittableRandom rng) {
    emit(out, row);
    String level = (String) row[2];
    boolean high = !level.equals("школьный") && !level.equals("муниципальный");
    if (high && row[8].equals("участник") && rng.nextDouble() < SHARE_CORRECTED) {
      Object[] corrected = row.clone();
      corrected[8] = rng.nextBoolean() ? "лауреат" : "призёр";
      corrections.add(corrected);   // the result after appeal, in the next window's folder
    }
  }

  private static void emit(InboxFileWriter out, Object[] r) {
    out.row().set("event_name", r[0]).set("event_kind", r[1]).set("level", r[2])
        .set("participant_kind", r[3]).set("person_id", r[4]).set("student_ref", r[5])
        .set("school_id", r[6]).set("subject", r[7]).set("result", r[8]).set("event_date", r[9])
        .write();
  }

  private static String result(double[] shares, SplittableRandom rng) {
    double u = rng.nextDouble();
    return u < shares[0] ? "победитель" : u < shares[0] + shares[1] ? "призёр"
        : u < shares[0] + shares[1] + shares[2] ? "лауреат" : "участник";
  }
}
