package org.edulake.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;
import org.edulake.contract.HeaderMatcher;
import org.edulake.contract.SourceContract;
import org.edulake.contract.SurveyDefinition;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.ingest.FileDecoder;
import org.edulake.ingest.FileUnreadableException;
import org.edulake.ingest.InboxFile;
import org.edulake.ingest.ProbedFile;

/**
 * The seed-004 questionnaire's exports for the demo: per window and district one file as the
 * form service gives it, in turn Yandex Forms CSV, Yandex Forms XLSX, Google Forms CSV, Google
 * Forms XLSX. Respondents are drawn from the roster the generator already wrote (read back from
 * the inbox, so this class needs nothing of the simulation): each school has a steady answer
 * quality and response rate (some below the 30 % that marks low confidence), most answers give
 * the school's code, some its name, a few a misspelt name; «Затрудняюсь ответить» and a
 * free-text column appear as they do in real exports.
 */
final class SurveyExportGenerator {
  static final String FREE_TEXT = "Ваши предложения по организации методической работы";
  static final double NO_OPINION = 0.07;
  static final double SKIPPED = 0.03;
  static final double NAME_INSTEAD_OF_CODE = 0.2;
  static final double MISSPELT_NAME = 0.05;
  static final double FREE_TEXT_SHARE = 0.15;
  static final List<String> TEACHER_ROLES = List.of("учитель", "учитель", "учитель", "учитель",
      "педагог дополнительного образования", "педагог-психолог", "методист",
      "руководитель ШМО");
  static final List<String> SUGGESTIONS = List.of("Больше практических семинаров",
      "Нужны курсы по формирующему оцениванию", "Проводить методические дни в сельских школах",
      "Спасибо за поддержку", "Нужна помощь молодым педагогам");
  private static final DateTimeFormatter YANDEX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter GOOGLE_TIME = DateTimeFormatter.ofPattern("d.MM.yyyy H:mm:ss");

  enum Format { YANDEX_CSV, YANDEX_XLSX, GOOGLE_CSV, GOOGLE_XLSX }

  record School(String id, String name, String district) {}

  private SurveyExportGenerator() {}

  static List<FileWritten> write(Path outDir, List<WindowId> windows, long seed, Contracts contracts) {
    SurveyDefinition survey = contracts.survey("surveys");
    SourceContract surveys = contracts.source("surveys");
    List<FileWritten> written = new ArrayList<>();
    for (int w = 0; w < windows.size(); w++) {
      WindowId window = windows.get(w);
      Map<String, School> schools = registry(outDir, window, contracts.source("schools"));
      Map<String, Integer> headcount = headcount(outDir, window, contracts.source("staff"));
      Map<String, List<School>> byDistrict = new TreeMap<>();
      schools.values().forEach(s -> byDistrict.computeIfAbsent(s.district(), k -> new ArrayList<>()).add(s));
      int d = 0;
      for (Map.Entry<String, List<School>> e : byDistrict.entrySet()) {
        Format format = Format.values()[(w + d) % Format.values().length];
        SplittableRandom rng = new SplittableRandom(seed * 31 + window.value().hashCode() * 7L + d);
        List<List<String>> rows = new ArrayList<>();
        for (School s : e.getValue()) {
          rows.addAll(responses(s, headcount.getOrDefault(s.id(), 0), w, window, survey, seed, rng));
        }
        rows.sort(java.util.Comparator.comparing(r -> r.get(0)));   // by time, as exported
        String name = String.format("monitoring_%02d.%s", d + 1,
            format == Format.YANDEX_XLSX || format == Format.GOOGLE_XLSX ? "xlsx" : "csv");
        Path path = outDir.resolve(window.value()).resolve(surveys.inboxFolder()).resolve(name);
        export(path, format, survey, w, rows);
        written.add(new FileWritten(window, "surveys", name,
            window.value() + "/" + surveys.inboxFolder() + "/" + name, rows.size()));
        d++;
      }
    }
    return written;
  }

  /** One school's responses: time, school answer, role, q01…q12, free text. */
  private static List<List<String>> responses(School s, int staff, int windowIndex, WindowId window,
      SurveyDefinition survey, long seed, SplittableRandom rng) {
    // steady per school across windows: answer quality and the usual response rate
    SplittableRandom steady = new SplittableRandom(seed ^ s.id().hashCode());
    double quality = 0.35 + 0.5 * steady.nextDouble() + 0.015 * windowIndex;
    double rate = steady.nextDouble() < 0.15 ? 0.1 + 0.15 * steady.nextDouble()
        : 0.45 + 0.5 * steady.nextDouble();
    boolean actsApproved = steady.nextDouble() < quality;
    int n = (int) Math.round(staff * Math.min(1.0, Math.max(0.0, rate + 0.1 * (rng.nextDouble() - 0.5))));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> row = new ArrayList<>();
      LocalDateTime at = window.yearMonth().atDay(1 + rng.nextInt(20)).atTime(8 + rng.nextInt(10),
          rng.nextInt(60), rng.nextInt(60));
      row.add(at.toString());
      row.add(schoolAnswer(s, rng));
      String role = i == 0 && rng.nextDouble() < 0.7 ? "директор"
          : i == 1 && rng.nextDouble() < 0.5 ? "заместитель директора"
          : TEACHER_ROLES.get(rng.nextInt(TEACHER_ROLES.size()));
      row.add(role);
      boolean administration = survey.role().administration().contains(survey.roleOf(role));
      for (SurveyDefinition.Question q : survey.questions()) {
        row.add(answer(q, q.perSchool() && administration ? (actsApproved ? 1.0 : 0.0) : quality,
            survey, rng));
      }
      row.add(rng.nextDouble() < FREE_TEXT_SHARE ? SUGGESTIONS.get(rng.nextInt(SUGGESTIONS.size())) : "");
      out.add(row);
    }
    return out;
  }

  private static String schoolAnswer(School s, SplittableRandom rng) {
    double r = rng.nextDouble();
    if (r < MISSPELT_NAME) {
      String name = s.name();
      int at = name.length() / 2;
      return name.substring(0, at) + name.substring(at + 1);   // one letter lost
    }
    return r < MISSPELT_NAME + NAME_INSTEAD_OF_CODE ? s.name() : s.id();
  }

  private static String answer(SurveyDefinition.Question q, double positiveShare,
      SurveyDefinition survey, SplittableRandom rng) {
    double r = rng.nextDouble();
    if (r < SKIPPED) {
      return "";
    }
    if (r < SKIPPED + NO_OPINION) {
      return survey.noOpinion().get(0);
    }
    boolean positive = rng.nextDouble() < positiveShare;
    if (q.multiple()) {
      if (!positive) {
        return q.answers().stream().filter(SurveyDefinition.Answer::exclusive).findFirst()
            .map(SurveyDefinition.Answer::text).orElse("");
      }
      double[] chance = {0.85, 0.45, 0.2, 0.05};
      List<String> chosen = new ArrayList<>();
      List<SurveyDefinition.Answer> levels = q.answers().stream().filter(a -> !a.exclusive()).toList();
      for (int i = 0; i < levels.size(); i++) {
        if (rng.nextDouble() < chance[Math.min(i, chance.length - 1)]) {
          chosen.add(levels.get(i).text());
        }
      }
      if (chosen.isEmpty()) {
        chosen.add(levels.get(0).text());
      }
      return String.join(SurveyDefinition.CHOICE_SEPARATOR, chosen);
    }
    List<SurveyDefinition.Answer> pool = q.answers().stream()
        .filter(a -> a.positive() == positive).toList();
    if (pool.isEmpty()) {
      pool = q.answers();
    }
    return pool.get(rng.nextInt(pool.size())).text();
  }

  private static void export(Path path, Format format, SurveyDefinition survey, int windowIndex,
      List<List<String>> rows) {
    boolean yandex = format == Format.YANDEX_CSV || format == Format.YANDEX_XLSX;
    List<String> header = new ArrayList<>();
    if (yandex) {
      header.add("ID");
      header.add("Время создания");
    } else {
      header.add("Отметка времени");
    }
    header.add(survey.school().text());
    header.add(survey.role().text());
    for (SurveyDefinition.Question q : survey.questions()) {
      // the wording changed after the first year: early windows ask q01 in its older form
      header.add(windowIndex < 2 && !q.aliases().isEmpty() && q.code().equals("q01")
          ? q.aliases().get(0) : q.text());
    }
    header.add(FREE_TEXT);
    List<List<String>> cells = new ArrayList<>();
    int id = 100_000 + windowIndex * 10_000;
    for (List<String> r : rows) {
      List<String> c = new ArrayList<>();
      LocalDateTime at = LocalDateTime.parse(r.get(0));
      if (yandex) {
        c.add(Integer.toString(++id));
        c.add(YANDEX_TIME.format(at));
      } else {
        c.add(GOOGLE_TIME.format(at));
      }
      c.addAll(r.subList(1, r.size()));
      cells.add(c);
    }
    try {
      Files.createDirectories(path.getParent());
      if (format == Format.YANDEX_XLSX || format == Format.GOOGLE_XLSX) {
        List<XlsxExport.Kind> kinds = new ArrayList<>();
        header.forEach(h -> kinds.add(XlsxExport.Kind.TEXT));
        kinds.set(yandex ? 1 : 0, XlsxExport.Kind.DATE_TIME);
        if (yandex) {
          kinds.set(0, XlsxExport.Kind.NUMBER);
        }
        XlsxExport.write(path, yandex ? "Ответы" : "Ответы на форму (1)", header, kinds, cells);
        return;
      }
      try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
              .setQuoteMode(yandex ? QuoteMode.ALL : QuoteMode.MINIMAL).get())) {
        printer.printRecord(header);
        for (List<String> c : cells) {
          printer.printRecord(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static boolean blank(String v) {
    return v == null || v.isBlank();
  }

  // ---- reading back what the generator wrote ---------------------------------------------------

  private static Map<String, School> registry(Path outDir, WindowId window, SourceContract schools) {
    Map<String, School> out = new LinkedHashMap<>();
    for (Map<String, String> r : read(outDir, window, schools)) {
      if (!blank(r.get("school_id")) && blank(r.get("closed_date"))) {
        out.put(r.get("school_id"), new School(r.get("school_id"), r.get("school_name"), r.get("district")));
      }
    }
    return out;
  }

  /** Persons at their main workplace per school (a blank «основное место» means yes). */
  private static Map<String, Integer> headcount(Path outDir, WindowId window, SourceContract staff) {
    Set<String> notMain = Set.of("нет", "0", "false", "-");
    Map<String, Set<String>> persons = new HashMap<>();
    for (Map<String, String> r : read(outDir, window, staff)) {
      String main = r.get("is_main_job");
      if (blank(r.get("school_id")) || main != null && notMain.contains(HeaderMatcher.normalize(main))) {
        continue;
      }
      persons.computeIfAbsent(r.get("school_id"), k -> new HashSet<>()).add(r.get("person_id"));
    }
    Map<String, Integer> out = new HashMap<>();
    persons.forEach((k, v) -> out.put(k, v.size()));
    return out;
  }

  private static List<Map<String, String>> read(Path outDir, WindowId window, SourceContract c) {
    Path folder = outDir.resolve(window.value()).resolve(c.inboxFolder());
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return rows;
    }
    FileDecoder decoder = new FileDecoder(c);
    try (var files = Files.list(folder)) {
      for (Path p : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        InboxFile f = new InboxFile(window.value(), c.source(), p.toUri().toString(),
            c.inboxFolder() + "/" + p.getFileName(), bytes.length, 0L);
        ProbedFile probed = decoder.probe(f, bytes);
        if (!probed.rejected()) {
          decoder.rows(probed, bytes, d -> rows.add(d.values()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    } catch (FileUnreadableException e) {
      throw new IllegalStateException("generated file unreadable in " + folder + ": " + e.detailRu(), e);
    }
    return rows;
  }
}
