package org.edulake.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The org hierarchy of a generated inbox: regions → districts → schools (SPEC §2), with
 * Russian-looking names and 7-digit school codes {@code RRDDSSS} (region, district, school; text
 * with leading zeros, e.g. "0101023"). Sizes follow domain-facts.md §1.4.
 */
final class Geography {
  /** Малокомплектная: fewer pupils than this (domain-facts.md §1.4). */
  static final int SMALL_SCHOOL_MAX_STUDENTS = 100;
  /** Share of districts that are city okrugs (almost all schools urban). */
  static final double SHARE_CITY_DISTRICTS = 0.12;
  static final double URBAN_SHARE_IN_CITY = 0.92;
  static final double URBAN_SHARE_IN_RAION = 0.22;
  /** The district-scale demo is a raion around a town. */
  static final double URBAN_SHARE_SINGLE_DISTRICT = 0.40;
  /** School numbers from here on are never used, so codes built from them are unknown. */
  static final int FIRST_UNUSED_SCHOOL_NUMBER = 900;

  record Region(int index, String code, String name) {}

  record School(String id, String name, String settlementType, String schoolType, int baseStudents,
      double yearlyGrowth, double pupilsPerTeacher) {
    int students(double yearsSinceStart) {
      return Math.max(5, (int) Math.round(baseStudents * Math.pow(1 + yearlyGrowth, yearsSinceStart)));
    }

    boolean urban() {
      return settlementType.equals("город");
    }
  }

  record District(int index, Region region, String code, String name, String town, boolean city,
      List<School> schools) {}

  private final List<Region> regions;
  private final List<District> districts;

  private Geography(List<Region> regions, List<District> districts) {
    this.regions = regions;
    this.districts = districts;
  }

  List<Region> regions() {
    return regions;
  }

  List<District> districts() {
    return districts;
  }

  List<District> districtsOf(Region region) {
    return districts.stream().filter(d -> d.region().equals(region)).toList();
  }

  static Geography generate(Scale scale, SplittableRandom rng) {
    List<String> regionNames = new ArrayList<>();
    for (String stem : STEMS) {
      regionNames.add(stem + "ая область");
      regionNames.add(stem + "ий край");
    }
    shuffle(regionNames, rng);
    List<Region> regions = new ArrayList<>();
    List<District> districts = new ArrayList<>();
    for (int r = 0; r < scale.regions(); r++) {
      Region region = new Region(r, String.format("%02d", r + 1), regionNames.get(r));
      regions.add(region);
      List<String> stems = new ArrayList<>(STEMS);
      shuffle(stems, rng);
      for (int d = 0; d < scale.districtsPerRegion(); d++) {
        String town = stems.get(d);
        boolean single = scale == Scale.DISTRICT;
        boolean city = !single && rng.nextDouble() < SHARE_CITY_DISTRICTS;
        double urbanShare = single ? URBAN_SHARE_SINGLE_DISTRICT
            : city ? URBAN_SHARE_IN_CITY : URBAN_SHARE_IN_RAION;
        int mean = scale.meanSchoolsPerDistrict();
        int count = single ? mean : Math.max(4,
            (int) Math.round(mean * (city ? 1.2 + 1.3 * rng.nextDouble() : 0.5 + rng.nextDouble())));
        count = Math.min(count, FIRST_UNUSED_SCHOOL_NUMBER - 1);
        String code = region.code() + String.format("%02d", d + 1);
        String name = city ? "Городской округ город " + town : town + "ий муниципальный район";
        districts.add(new District(districts.size(), region, code, name, town, city,
            schools(code, town, count, urbanShare, rng)));
      }
    }
    return new Geography(List.copyOf(regions), List.copyOf(districts));
  }

  private static List<School> schools(String districtCode, String town, int count,
      double urbanShare, SplittableRandom rng) {
    List<School> schools = new ArrayList<>();
    List<String> villages = new ArrayList<>(VILLAGES);
    shuffle(villages, rng);
    int urbanNumber = 0;
    for (int s = 0; s < count; s++) {
      String id = districtCode + String.format("%03d", s + 1);
      boolean urban = rng.nextDouble() < urbanShare;
      String type;
      int students;
      String name;
      if (urban) {
        urbanNumber += 1 + (rng.nextInt(4) == 0 ? 1 : 0);
        double t = rng.nextDouble();
        type = t < 0.70 ? "СОШ" : t < 0.82 ? "гимназия" : t < 0.90 ? "лицей" : t < 0.96 ? "ООШ"
            : "школа-интернат";
        students = switch (type) {
          case "СОШ" -> between(rng, 350, 1100);
          case "гимназия", "лицей" -> between(rng, 450, 1000);
          case "ООШ" -> between(rng, 150, 400);
          default -> between(rng, 80, 250);
        };
        name = urbanName(type, urbanNumber, town, rng);
      } else {
        double t = rng.nextDouble();
        type = t < 0.45 ? "СОШ" : t < 0.83 ? "ООШ" : t < 0.95 ? "НОШ" : "школа-интернат";
        students = switch (type) {
          case "СОШ" -> between(rng, 90, 450);
          case "ООШ" -> between(rng, 25, 160);
          case "НОШ" -> between(rng, 8, 60);
          default -> between(rng, 60, 200);
        };
        name = ruralName(type, villages.get(s % villages.size()), rng);
      }
      if (rng.nextDouble() < 0.03) {
        name = name + " ";   // trailing spaces, as received (domain-facts.md §5)
      }
      double growth = urban ? 0.01 + 0.02 * (rng.nextDouble() - 0.5)
          : -0.02 + 0.03 * (rng.nextDouble() - 0.5);
      double pupilsPerTeacher = urban ? 17 + 4 * rng.nextDouble()
          : students < SMALL_SCHOOL_MAX_STUDENTS ? 5 + 3 * rng.nextDouble()
          : 10 + 3 * rng.nextDouble();
      schools.add(new School(id, name, urban ? "город" : "село", type, students, growth,
          pupilsPerTeacher));
    }
    return List.copyOf(schools);
  }

  private static String urbanName(String type, int number, String town, SplittableRandom rng) {
    String org = rng.nextInt(3) == 0 ? "МАОУ" : "МБОУ";
    return switch (type) {
      case "гимназия" -> org + " «Гимназия № " + number + "»";
      case "лицей" -> rng.nextBoolean() ? org + " «Лицей № " + number + "»"
          : org + " \"Лицей № " + number + "\"";
      case "ООШ" -> "МБОУ «ООШ № " + number + "»";
      case "школа-интернат" -> "ГКОУ «Школа-интернат № " + number + "»";
      default -> switch (rng.nextInt(6)) {
        case 0 -> org + " \"Средняя общеобразовательная школа № " + number + "\"";
        case 1 -> org + " «СОШ № " + number + " имени " + HEROES.get(rng.nextInt(HEROES.size())) + "»";
        case 2 -> org + " «СОШ № " + number + "», г. " + town;
        case 3 -> org + " «СОШ № " + number + " с углублённым изучением отдельных предметов»";
        default -> org + " «СОШ № " + number + "»";
      };
    };
  }

  private static String ruralName(String type, String village, SplittableRandom rng) {
    String place = (rng.nextInt(5) == 0 ? "д. " : rng.nextInt(6) == 0 ? "п. " : "с. ") + village;
    String org = rng.nextInt(4) == 0 ? "МБОУ" : "МКОУ";
    if (type.equals("школа-интернат")) {
      return "ГКОУ «Школа-интернат " + place + "»";
    }
    return switch (rng.nextInt(5)) {
      case 0 -> org + " \"" + type + " " + place + "\"";
      case 1 -> org + " " + type + " " + place;
      case 2 -> "филиал МБОУ «СОШ № 1», " + type + " " + place;
      default -> org + " «" + type + " " + place + "»";
    };
  }

  /** A code of the same district that the registry never holds (a `school_unknown` defect). */
  static String unknownSchoolId(String schoolId, SplittableRandom rng) {
    String prefix = schoolId.length() >= 4 ? schoolId.substring(0, 4) : "9999";
    return prefix + (FIRST_UNUSED_SCHOOL_NUMBER + rng.nextInt(99));
  }

  static int between(SplittableRandom rng, int from, int to) {
    return from + rng.nextInt(to - from + 1);
  }

  static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rng.nextInt(i + 1));
    }
  }

  /** Stems of place names; «Озёрск» gives «Озёрская область», «Озёрский муниципальный район». */
  private static final List<String> STEMS = List.of("Озёрск", "Каменск", "Сосновск",
      "Берёзовск", "Лесогорск", "Белогорск", "Краснохолмск", "Светлоярск", "Приреченск",
      "Заволжск", "Верхнедонск", "Нижнеокск", "Староречинск", "Новоильинск", "Медвежьегорск",
      "Соколовск", "Журавлёвск", "Ольховск", "Дубровск", "Калиновск", "Зареченск", "Луговск",
      "Боровск", "Кедровск", "Полянск", "Ясногорск", "Родниковск", "Ключевск", "Тихореченск",
      "Серебрянск", "Холмогорск", "Ветлужск", "Сухоложск", "Междуреченск", "Приозёрск",
      "Красноборск", "Белозёрск", "Никольск", "Покровск", "Троицк", "Успенск", "Знаменск",
      "Петровск", "Михайловск", "Алексеевск", "Ивановск", "Григорьевск", "Воскресенск",
      "Спасск", "Богородск", "Лебедянск", "Камышинск", "Устьинск", "Шатровск", "Горнозаводск",
      "Верхнеуральск", "Нижнесергинск", "Октябрьск", "Первомайск", "Красногорск", "Ракитянск",
      "Вишнёвск", "Ярцевск", "Бельск", "Дорогобужск", "Ельнинск", "Кардымовск", "Мглинск",
      "Суражск", "Стародубск");

  private static final List<String> VILLAGES = List.of("Ивановка", "Петровка", "Никольское",
      "Покровское", "Михайловка", "Александровка", "Сосновка", "Берёзовка", "Знаменка",
      "Воскресенское", "Красное", "Троицкое", "Успенка", "Дмитриевка", "Садовое", "Заречное",
      "Луговое", "Раздолье", "Октябрьское", "Первомайское", "Калиновка", "Ольховка", "Горки",
      "Дубровка", "Поляна", "Васильевка", "Николаевка", "Ключи", "Верхние Ключи",
      "Нижняя Ольшанка", "Богородское", "Рождествено", "Спасское", "Ильинское", "Введенское",
      "Казанка", "Марьино", "Андреевка", "Степановка", "Павловка", "Григорьевка", "Антоновка",
      "Фёдоровка", "Яблоново", "Вишнёвка", "Подгорное", "Каменка", "Озёрки", "Липовка",
      "Осиновка", "Рябиновка", "Кленовка", "Черёмушки", "Тополёвка", "Славянка", "Журавлёвка",
      "Лебяжье", "Соколовка", "Орловка", "Весёлое", "Сергиевка", "Большая Речка", "Малиновка",
      "Новосёлки", "Студёное", "Хлебное", "Пески", "Борки", "Высокое", "Зелёный Дол");

  private static final List<String> HEROES = List.of("А. С. Пушкина", "М. Ю. Лермонтова",
      "Ю. А. Гагарина", "Л. Н. Толстого", "Героя Советского Союза И. П. Петрова",
      "А. П. Чехова", "С. А. Есенина", "М. В. Ломоносова", "К. Д. Ушинского",
      "Героя России А. В. Соколова", "Г. К. Жукова", "А. Т. Твардовского");
}
