package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The staff roster of one district, evolved window by window (SPEC §3 staff, domain-facts.md
 * §1.3): initial staff per school, then turnover (age-dependent leavers, mostly young hires),
 * moves between schools, ageing, experience, attestation ({@link CategoryModel}), mentoring, ИОМ,
 * independent assessment, secondary jobs. Writes one staff file per window: the full roster of
 * the district's schools, one row per person and position.
 */
final class StaffRosterGenerator {
  /** domain-facts.md §1.3: ages by band {from, to, share}; mean ≈ 46, ≈ 23 % under 35, ≈ 17 % 60+. */
  static final double[][] AGE_BANDS = {
      {22, 24, 0.05}, {25, 34, 0.18}, {35, 44, 0.20}, {45, 54, 0.22}, {55, 59, 0.18},
      {60, 64, 0.11}, {65, 72, 0.06}};
  /** Ages of new hires: mostly young graduates. */
  static final double[][] HIRE_AGE_BANDS = {
      {21, 24, 0.22}, {25, 29, 0.22}, {30, 39, 0.24}, {40, 54, 0.22}, {55, 64, 0.10}};
  /** Yearly probability of leaving by age: {age below, probability}; ≈ 8 % overall. */
  static final double[][] LEAVE_PER_YEAR = {{30, 0.10}, {55, 0.05}, {60, 0.08}, {65, 0.12},
      {200, 0.25}};
  static final double LEAVE_AVERAGE_PER_YEAR = 0.08;
  /** Teachers moving to another school of the district, per year. */
  static final double MOVE_SCHOOL_PER_YEAR = 0.015;
  /** domain-facts.md §1.3: 87 % women (Kursk 87.2 %); the base rate before subject effects. */
  static final double FEMALE_BASE = 0.91;
  /** domain-facts.md §1.3: ≈ 85 % higher pedagogical education. */
  static final String[] EDUCATION = {"высшее педагогическое", "высшее непедагогическое",
      "среднее профессиональное педагогическое", "среднее профессиональное непедагогическое", "иное"};
  static final double[] EDUCATION_SHARES = {0.85, 0.065, 0.07, 0.01, 0.005};
  static final double SHARE_SECONDARY_JOB = 0.05;
  /** Teachers per district methodist, before noise (SPEC §4.2 norm: ≤ 300). */
  static final int TEACHERS_PER_METHODIST = 330;
  static final String[] SUBJECTS = {"начальные классы", "русский язык и литература", "математика",
      "иностранный язык (английский)", "история и обществознание", "физическая культура",
      "биология", "химия", "физика", "география", "информатика", "технология", "музыка",
      "изобразительное искусство", "ОБЗР", "иностранный язык (немецкий)",
      "родной язык и литература"};
  static final double[] SUBJECT_SHARES = {0.22, 0.14, 0.12, 0.08, 0.07, 0.06, 0.04, 0.03, 0.04,
      0.03, 0.03, 0.03, 0.02, 0.02, 0.02, 0.01, 0.01};

  private final DistrictState state;
  private final List<List<String[]>> plans = new ArrayList<>();   // per school: {position, subject}

  StaffRosterGenerator(DistrictState state) {
    this.state = state;
  }

  /** The roster at the first window: each school staffed to its plan. */
  void initial(LocalDate ref) {
    SplittableRandom rng = state.rng;
    List<Geography.School> schools = state.district.schools();
    int teachers = 0;
    for (Geography.School s : schools) {
      List<String[]> plan = plan(s, rng);
      plans.add(plan);
      teachers += (int) plan.stream().filter(p -> p[0].equals("учитель")).count();
    }
    int methodists = Math.max(1, (int) Math.round(
        teachers / (double) TEACHERS_PER_METHODIST * (0.6 + 0.8 * rng.nextDouble())));
    List<Integer> bySize = new ArrayList<>();
    for (int i = 0; i < schools.size(); i++) {
      bySize.add(i);
    }
    bySize.sort(Comparator.comparingInt((Integer i) -> -schools.get(i).baseStudents()));
    for (int m = 0; m < methodists; m++) {
      plans.get(bySize.get(m % bySize.size())).add(new String[] {"методист", null});
    }
    for (int i = 0; i < schools.size(); i++) {
      for (String[] job : plans.get(i)) {
        Person p = newPerson(i, job, ref, AGE_BANDS, false, rng);
        CategoryModel.initial(p, ref, schools.get(i), rng);
        state.persons.add(p);
      }
    }
    for (Person p : state.persons) {
      maybeSecondJob(p, rng);
    }
  }

  /** Turnover, moves and attestation between the windows ending {@code from} and {@code to}. */
  void evolve(LocalDate from, LocalDate to) {
    SplittableRandom rng = state.rng;
    double years = (to.toEpochDay() - from.toEpochDay()) / 365.25;
    List<Person> stayed = new ArrayList<>();
    List<int[]> vacancies = new ArrayList<>();   // {school}
    List<String[]> vacantJobs = new ArrayList<>();
    for (Person p : state.persons) {
      int age = p.age(to);
      double perYear = 0;
      for (double[] band : LEAVE_PER_YEAR) {
        if (age < band[0]) {
          perYear = band[1];
          break;
        }
      }
      if (CategoryModel.chance(perYear, years, rng)) {
        vacancies.add(new int[] {p.school});
        vacantJobs.add(new String[] {p.position, p.subject});
        continue;
      }
      stayed.add(p);
    }
    state.persons.clear();
    state.persons.addAll(stayed);
    List<Geography.School> schools = state.district.schools();
    for (Person p : state.persons) {
      CategoryModel.evolve(p, from, to, rng);
      evolveAttributes(p, from, to, years, rng);
    }
    // a vacancy is sometimes filled by a teacher of another school of the district, whose own
    // post then falls vacant; the rest are new hires
    for (int v = 0; v < vacancies.size(); v++) {
      int school = vacancies.get(v)[0];
      String[] job = vacantJobs.get(v);
      if (job[0].equals("учитель") && schools.size() > 1
          && rng.nextDouble() < MOVE_SCHOOL_PER_YEAR / LEAVE_AVERAGE_PER_YEAR) {
        Person mover = state.persons.get(rng.nextInt(state.persons.size()));
        if (mover.isTeacher() && mover.school != school && mover.secondSchool != school) {
          vacancies.add(new int[] {mover.school});
          vacantJobs.add(new String[] {mover.position, mover.subject});
          mover.school = school;
          mover.subject = job[1];
          continue;
        }
      }
      Person hire = newPerson(school, job, to, HIRE_AGE_BANDS, true, rng);
      LocalDate hiredOn = CategoryModel.between(from, to, rng);
      if (hire.experience(to) >= 2) {
        CategoryModel.initial(hire, to, schools.get(school), rng);   // brings their category
      } else {
        hire.category = CategoryModel.NONE;
      }
      if (hire.categoryDate != null && hire.categoryDate.isAfter(hiredOn)) {
        hire.categoryDate = hiredOn.minusMonths(1);
      }
      maybeSecondJob(hire, rng);
      state.persons.add(hire);
    }
  }

  private void evolveAttributes(Person p, LocalDate from, LocalDate to, double years,
      SplittableRandom rng) {
    double exp = p.experience(to);
    if (p.hasMentor && exp >= 3 && CategoryModel.chance(0.5, years, rng)) {
      p.hasMentor = false;
    }
    if (!p.isMentor && exp >= 10 && CategoryModel.chance(0.03, years, rng)) {
      p.isMentor = true;
    } else if (p.isMentor && CategoryModel.chance(0.08, years, rng)) {
      p.isMentor = false;
    }
    if ("не проходил".equals(p.independentAssessment) || p.independentAssessment == null) {
      if (CategoryModel.chance(0.04, years, rng)) {
        p.independentAssessment = rng.nextDouble() < 0.75 ? "пройдена" : "не пройдена";
      }
    }
    if (!p.inMethodologicalActive && CategoryModel.chance(0.02, years, rng)) {
      p.inMethodologicalActive = true;
    } else if (p.inMethodologicalActive && CategoryModel.chance(0.10, years, rng)) {
      p.inMethodologicalActive = false;
    }
    if (Double.isNaN(p.iomCapacity) && CategoryModel.chance(0.15, years, rng)) {
      p.iomCapacity = 0.55 + 0.5 * rng.nextDouble();
    }
    if (p.secondSchool >= 0 && CategoryModel.chance(0.15, years, rng)) {
      p.secondSchool = -1;
    }
  }

  private Person newPerson(int school, String[] job, LocalDate ref, double[][] ageBands,
      boolean hire, SplittableRandom rng) {
    String position = job[0];
    String subject = job[1];
    int age = pickAge(ageBands, rng);
    if (position.equals("директор") || position.equals("заместитель директора")
        || position.equals("методист")) {
      age = Math.max(age, 32 + rng.nextInt(12));
    }
    LocalDate birth = ref.minusYears(age).minusDays(rng.nextInt(365));
    boolean female = rng.nextDouble() < femaleShare(position, subject);
    String education = EDUCATION[pick(EDUCATION_SHARES, rng)];
    double startAge = education.startsWith("высшее") ? 22 + exponential(1.5, rng)
        : 19 + exponential(1.5, rng);
    if (rng.nextDouble() < 0.12) {
      startAge += 3 + 17 * rng.nextDouble();   // came to school from another career
    }
    if (hire && age <= 26) {
      startAge = age - rng.nextDouble() * 1.5;   // a graduate: first job or nearly
    }
    startAge = Math.min(startAge, age - 0.1);
    LocalDate start = birth.plusDays((long) (startAge * 365.25));
    Person p = new Person(state.nextSnils(), RussianNames.fullName(rng, female), female, birth,
        education, start);
    p.school = school;
    p.position = position;
    p.subject = subject;
    double exp = p.experience(ref);
    p.hasMentor = exp < 3 ? rng.nextDouble() < 0.7 : age < 35 ? rng.nextDouble() < 0.2
        : rng.nextDouble() < 0.02;
    p.isMentor = exp >= 10 ? rng.nextDouble() < 0.18 : exp >= 5 && rng.nextDouble() < 0.06;
    p.iomCapacity = rng.nextDouble() < 0.65 ? 0.55 + 0.5 * rng.nextDouble() : Double.NaN;
    double a = rng.nextDouble();
    p.independentAssessment = a < 0.08 ? "пройдена" : a < 0.11 ? "не пройдена"
        : a < 0.86 ? "не проходил" : null;
    p.inMethodologicalActive = rng.nextDouble() < (exp >= 10 ? 0.12 : 0.03);
    return p;
  }

  private void maybeSecondJob(Person p, SplittableRandom rng) {
    int n = state.district.schools().size();
    if (n < 2 || rng.nextDouble() >= SHARE_SECONDARY_JOB || p.position.equals("директор")) {
      return;
    }
    int other = rng.nextInt(n - 1);
    p.secondSchool = other >= p.school ? other + 1 : other;
    if (p.isTeacher() && rng.nextDouble() < 0.75) {
      p.secondPosition = "учитель";
      p.secondSubject = p.subject;
    } else {
      p.secondPosition = "педагог дополнительного образования";
      p.secondSubject = null;
    }
  }

  /** Positions of a school by its size: leaders, specialists, and teachers by subject. */
  private static List<String[]> plan(Geography.School s, SplittableRandom rng) {
    int students = s.baseStudents();
    int teachers = Math.max(4, (int) Math.round(students / s.pupilsPerTeacher()));
    List<String[]> plan = new ArrayList<>();
    plan.add(new String[] {"директор", null});
    int deputies = teachers < 10 ? (rng.nextBoolean() ? 1 : 0) : teachers < 35 ? 1 + rng.nextInt(2)
        : 2 + rng.nextInt(3);
    for (int i = 0; i < deputies; i++) {
      plan.add(new String[] {"заместитель директора", null});
    }
    addIf(plan, "педагог-психолог", teachers >= 10 && rng.nextDouble() < 0.8);
    addIf(plan, "педагог-психолог", teachers >= 50);
    addIf(plan, "социальный педагог", teachers >= 18 && rng.nextDouble() < 0.7);
    addIf(plan, "учитель-логопед", teachers >= 22 && rng.nextDouble() < 0.6);
    addIf(plan, "советник директора по воспитанию", teachers >= 15 && rng.nextDouble() < 0.6);
    addIf(plan, "педагог-организатор", teachers >= 25 && rng.nextDouble() < 0.5);
    addIf(plan, "педагог-библиотекарь", teachers >= 30 && rng.nextDouble() < 0.4);
    addIf(plan, "тьютор", teachers >= 45 && rng.nextDouble() < 0.3);
    int pdo = teachers >= 25 ? rng.nextInt(4) : teachers >= 10 ? rng.nextInt(2) : 0;
    for (int i = 0; i < pdo; i++) {
      plan.add(new String[] {"педагог дополнительного образования", null});
    }
    int educators = s.schoolType().equals("школа-интернат") ? Math.max(2, teachers / 4)
        : teachers >= 20 && rng.nextBoolean() ? 1 + rng.nextInt(2) : 0;
    for (int i = 0; i < educators; i++) {
      plan.add(new String[] {"воспитатель", null});
    }
    for (int i = 0; i < teachers; i++) {
      String subject = s.schoolType().equals("НОШ") && rng.nextDouble() < 0.8 ? SUBJECTS[0]
          : SUBJECTS[pick(SUBJECT_SHARES, rng)];
      plan.add(new String[] {"учитель", subject});
    }
    return plan;
  }

  private static void addIf(List<String[]> plan, String position, boolean condition) {
    if (condition) {
      plan.add(new String[] {position, null});
    }
  }

  static double femaleShare(String position, String subject) {
    if (position.equals("директор")) {
      return 0.72;
    }
    if (subject == null) {
      return FEMALE_BASE;
    }
    return switch (subject) {
      case "начальные классы" -> 0.99;
      case "физическая культура" -> 0.45;
      case "ОБЗР" -> 0.25;
      case "технология" -> 0.55;
      case "информатика" -> 0.72;
      default -> FEMALE_BASE;
    };
  }

  static int pickAge(double[][] bands, SplittableRandom rng) {
    double u = rng.nextDouble();
    double acc = 0;
    for (double[] b : bands) {
      acc += b[2];
      if (u < acc) {
        return (int) b[0] + rng.nextInt((int) (b[1] - b[0]) + 1);
      }
    }
    double[] last = bands[bands.length - 1];
    return (int) last[0];
  }

  static int pick(double[] shares, SplittableRandom rng) {
    double total = 0;
    for (double s : shares) {
      total += s;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < shares.length; i++) {
      u -= shares[i];
      if (u < 0) {
        return i;
      }
    }
    return shares.length - 1;
  }

  static double exponential(double mean, SplittableRandom rng) {
    return -mean * Math.log(1 - rng.nextDouble());
  }

  /** One row per person and position: the main job, then a secondary job if any. */
  void write(InboxFileWriter out, LocalDate ref, boolean wholeYears) {
    List<Geography.School> schools = state.district.schools();
    for (Person p : state.persons) {
      writeRow(out, p, schools.get(p.school).id(), p.position, p.subject, true, ref, wholeYears);
      if (p.secondSchool >= 0) {
        writeRow(out, p, schools.get(p.secondSchool).id(), p.secondPosition, p.secondSubject, false,
            ref, wholeYears);
      }
    }
  }

  private static void writeRow(InboxFileWriter out, Person p, String schoolId, String position,
      String subject, boolean main, LocalDate ref, boolean wholeYears) {
    double exp = p.experience(ref);
    double iom = Double.NaN;
    if (!Double.isNaN(p.iomCapacity)) {
      // ИОМ is yearly: about half done in January, nearly all by May
      double progress = ref.getMonthValue() >= 3 && ref.getMonthValue() <= 8 ? 0.95 : 0.5;
      iom = Math.min(100, Math.round(p.iomCapacity * progress * 1000) / 10.0);
    }
    out.row()
        .set("person_id", p.snils)
        .set("full_name", p.fullName)
        .set("birth_date", p.birthDate)
        .set("gender", p.female ? "Ж" : "М")
        .set("school_id", schoolId)
        .set("position", position)
        .set("subject", subject)
        .set("education", p.education)
        .set("ped_experience_years", wholeYears ? Math.floor(exp) : Math.floor(exp * 10) / 10)
        .set("category", p.category)
        .set("category_date", p.categoryDate)
        .set("is_mentor", p.isMentor)
        .set("has_mentor", p.hasMentor)
        .set("iom_completion_pct", Double.isNaN(iom) ? null : iom)
        .set("independent_assessment", p.independentAssessment)
        .set("in_methodological_active", p.inMethodologicalActive)
        .set("is_main_job", main)
        .write();
  }
}
