package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Methodological events and who took part (SPEC §3 method_events, event_participants; seeds 001,
 * 004): school open lessons, municipal seminars, master classes and methodological landings
 * organised by schools, regional and federal webinars and conferences; listeners and speakers
 * from the district's roster; a support-oriented flag (always for a landing).
 */
final class MethodEventGenerator {
  /** Events a year: municipal per district, school-level per school, regional, federal. */
  static final double MUNICIPAL_PER_YEAR = 12;
  static final double SCHOOL_PER_SCHOOL_YEAR = 0.8;
  static final double REGIONAL_PER_YEAR = 6;
  static final double FEDERAL_PER_YEAR = 3;
  static final double SHARE_SUPPORT_ORIENTED = 0.35;
  static final String[] KINDS = {"семинар", "мастер-класс", "вебинар", "круглый стол",
      "конференция", "методический десант", "открытый урок", "педагогические чтения"};
  static final List<String> THEMES = List.of(
      "Формирование функциональной грамотности обучающихся",
      "Работа с обучающимися, испытывающими трудности в обучении",
      "Формирующее оценивание на уроке", "Использование ресурсов ФГИС «Моя школа»",
      "Реализация обновлённых ФГОС и ФОП", "Наставничество: от адаптации к профессиональному росту",
      "Подготовка к государственной итоговой аттестации", "Технологии развития мотивации к учению",
      "Воспитательная работа: «Разговоры о важном»",
      "Проектная и исследовательская деятельность обучающихся",
      "Инклюзивное образование детей с ОВЗ", "Цифровые образовательные ресурсы на уроке");

  private final DistrictState state;
  private int sequence;

  MethodEventGenerator(DistrictState state) {
    this.state = state;
  }

  void write(InboxFileWriter events, InboxFileWriter participants, LocalDate from, LocalDate to) {
    SplittableRandom rng = state.rng;
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    List<Person> persons = state.persons;
    if (persons.isEmpty()) {
      return;
    }
    int schools = state.district.schools().size();
    int municipal = PdCourseGenerator.poisson(MUNICIPAL_PER_YEAR * years, rng);
    int school = PdCourseGenerator.poisson(SCHOOL_PER_SCHOOL_YEAR * schools * years, rng);
    int regional = PdCourseGenerator.poisson(REGIONAL_PER_YEAR * years, rng);
    int federal = PdCourseGenerator.poisson(FEDERAL_PER_YEAR * years, rng);
    int[] levels = new int[municipal + school + regional + federal];
    int k = 0;
    for (int i = 0; i < school; i++) {
      levels[k++] = 1;
    }
    for (int i = 0; i < municipal; i++) {
      levels[k++] = 2;
    }
    for (int i = 0; i < regional; i++) {
      levels[k++] = 3;
    }
    for (int i = 0; i < federal; i++) {
      levels[k++] = 5;
    }
    for (int level : levels) {
      LocalDate date = CategoryModel.between(from, to, rng);
      String kind = level == 1 ? (rng.nextBoolean() ? "открытый урок" : "мастер-класс")
          : level >= 3 ? (rng.nextBoolean() ? "вебинар" : rng.nextBoolean() ? "конференция" : "семинар")
          : KINDS[rng.nextInt(KINDS.length)];
      boolean support = kind.equals("методический десант") || rng.nextDouble() < SHARE_SUPPORT_ORIENTED;
      int organiser = rng.nextInt(schools);
      String eventId = "ME-" + state.district.code() + "-" + String.format("%04d", ++sequence);
      String theme = THEMES.get(rng.nextInt(THEMES.size()));
      String title = capitalised(kind) + " «" + theme + "»";
      String levelText = switch (level) {
        case 1 -> "школьный";
        case 2 -> "муниципальный";
        case 3 -> "региональный";
        default -> "федеральный";
      };
      events.row().set("event_id", eventId).set("title", title).set("level", levelText)
          .set("kind", kind).set("support_oriented", support).set("event_date", date)
          .set("organiser_school_id", level <= 2 ? state.school(organiser).id() : null).write();
      // participants: listeners and a few speakers, from the organiser school or the district
      List<Person> pool = new ArrayList<>();
      if (level == 1) {
        for (Person p : persons) {
          if (p.school == organiser) {
            pool.add(p);
          }
        }
      } else {
        pool = persons;
      }
      if (pool.isEmpty()) {
        continue;
      }
      int listeners = switch (level) {
        case 1 -> 4 + rng.nextInt(10);
        case 2 -> 12 + rng.nextInt(30);
        case 3 -> 3 + rng.nextInt(18);
        default -> 2 + rng.nextInt(9);
      };
      int speakers = level <= 2 ? 1 + rng.nextInt(4) : rng.nextDouble() < 0.3 ? 1 : 0;
      Set<Integer> chosen = new HashSet<>();
      for (int i = 0; i < speakers + listeners && chosen.size() < pool.size(); i++) {
        int pick = rng.nextInt(pool.size());
        if (!chosen.add(pick)) {
          continue;
        }
        Person p = pool.get(pick);
        boolean speaker = i < speakers && p.experience(to) >= 3;
        participants.row().set("event_id", eventId).set("person_id", p.snils)
            .set("role", speaker ? "выступающий" : "слушатель").write();
      }
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
