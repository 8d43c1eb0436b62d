package org.edulake.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.edulake.config.WindowId;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.Contracts;
import org.edulake.contract.HeaderMatcher;
import org.edulake.contract.SourceContract;
import org.edulake.contract.Vocabulary;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.generate.GenerationSummary.InjectedDefect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The district-scale inbox of one seed, generated once for the class and read back as files:
 * layout, headers, encodings, check sums, realistic shares, and defects that are exactly the rule
 * violations a validator finds, one per defective row.
 */
class DemoDataGeneratorTest {
  static final long SEED = 20260131L;
  static final List<WindowId> THREE_WINDOWS = DemoDataGenerator.DEFAULT_WINDOWS.subList(0, 3);
  private static final DateTimeFormatter RU_DATE =
      DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

  @TempDir static Path inbox;
  static GenerationSummary summary;
  static Contracts contracts;

  @BeforeAll
  static void generateDistrict() {
    contracts = Contracts.load();
    summary = DemoDataGenerator.generate(Scale.DISTRICT, SEED, inbox, 0.02,
        DemoDataGenerator.DEFAULT_WINDOWS);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path a, @TempDir Path b,
      @TempDir Path c) throws IOException {
    GenerationSummary first = DemoDataGenerator.generate(Scale.DISTRICT, 7, a, 0.02, THREE_WINDOWS);
    GenerationSummary again = DemoDataGenerator.generate(Scale.DISTRICT, 7, b, 0.02, THREE_WINDOWS);
    DemoDataGenerator.generate(Scale.DISTRICT, 8, c, 0.02, THREE_WINDOWS);
    assertEquals(treeHashes(a), treeHashes(b));
    assertEquals(first, again);
    assertNotEquals(treeHashes(a), treeHashes(c));
  }

  @Test
  void everyWindowHasTheRegistryAndOneFilePerDistrictSource() {
    for (WindowId w : DemoDataGenerator.DEFAULT_WINDOWS) {
      assertEquals(1, summary.fileCount("schools", w), w.value());
      for (String source : DemoDataGenerator.DISTRICT_SOURCES) {
        assertEquals(1, summary.fileCount(source, w), w + " " + source);
      }
      assertEquals(25, summary.rows("schools", w));
      for (FileWritten f : summary.files()) {
        assertTrue(Files.isRegularFile(inbox.resolve(f.path())), f.path());
        assertEquals(f.window().value() + "/" + contracts.source(f.source()).inboxFolder() + "/"
            + f.file(), f.path());
      }
    }
  }

  @Test
  void headersMapToEveryContractColumnOnceInMixedEncodingsAndDelimiters() throws IOException {
    Set<String> encodings = new TreeSet<>();
    Set<Character> delimiters = new TreeSet<>();
    int english = 0;
    for (FileWritten f : summary.files()) {
      InboxFiles.Parsed parsed = InboxFiles.read(inbox.resolve(f.path()));
      encodings.add(parsed.encoding());
      delimiters.add(parsed.delimiter());
      List<String> columns = columnsOf(contracts.source(f.source()), parsed.header());
      assertEquals(contracts.source(f.source()).columnNames(), columns, f.path());
      english += parsed.header().equals(columns) ? 1 : 0;
      assertEquals(f.rows(), parsed.rows().size(), f.path());
    }
    assertEquals(Set.of("utf-8", "utf-8-bom", "windows-1251"), encodings);
    assertEquals(Set.of(',', ';', '\t'), delimiters);
    assertTrue(english > 0 && english < summary.files().size() / 2, "English headers: " + english);
  }

  @Test
  void defectsAreExactlyTheRuleViolationsOnePerRow() throws IOException {
    Set<String> found = new TreeSet<>();
    for (FileWritten f : summary.files()) {
      found.addAll(violations(f));
    }
    Set<String> injected = new TreeSet<>();
    Set<String> rows = new HashSet<>();
    for (InjectedDefect d : summary.defects()) {
      injected.add(key(d.window(), d.file(), d.rowNumber(), d.column(), d.rule()));
      assertTrue(rows.add(d.window() + d.file() + d.rowNumber()), "two defects in one row: " + d);
      contracts.builtinRule(d.rule());   // every rule id is declared
    }
    assertEquals(injected, found);
    Set<String> rules = new TreeSet<>();
    summary.defects().forEach(d -> rules.add(d.rule()));
    assertEquals(new TreeSet<>(List.of("required", "type_date", "type_decimal", "type_int",
        "range_max", "vocabulary", "person_id_checksum", "school_unknown", "date_in_future")),
        rules);
  }

  @Test
  void defectShareIsAboutTheRequestedShareOfDataRows() {
    long dataRows = summary.totalRows() - summary.rows("schools");
    double share = summary.defects().size() / (double) dataRows;
    assertTrue(share > 0.015 && share < 0.025, "share " + share);
  }

  @Test
  void zeroShareGivesACleanInboxWithTheSameRows(@TempDir Path clean) throws IOException {
    GenerationSummary noDefects =
        DemoDataGenerator.generate(Scale.DISTRICT, SEED, clean, 0.0, THREE_WINDOWS);
    assertEquals(List.of(), noDefects.defects());
    for (FileWritten f : noDefects.files()) {
      assertEquals(List.of(), violations(clean, f), f.path());
    }
    GenerationSummary withDefects = summary;
    for (WindowId w : THREE_WINDOWS) {
      assertEquals(withDefects.rows("staff", w), noDefects.rows("staff", w));
    }
  }

  @Test
  void everySnilsHasAValidCheckSumExceptInjectedChecksumDefects() throws IOException {
    Set<String> checksumDefects = new HashSet<>();
    for (InjectedDefect d : summary.defects()) {
      if (d.rule().equals("person_id_checksum")) {
        checksumDefects.add(d.window() + "/" + d.file() + "/" + d.rowNumber());
      }
    }
    int checked = 0;
    int dashed = 0;
    int leadingZero = 0;
    for (FileWritten f : summary.files()) {
      InboxFiles.Parsed parsed = InboxFiles.read(inbox.resolve(f.path()));
      SourceContract c = contracts.source(f.source());
      int col = c.columnNames().indexOf("person_id");
      if (col < 0) {
        continue;
      }
      int at = columnsOf(c, parsed.header()).indexOf("person_id");
      for (int r = 0; r < parsed.rows().size(); r++) {
        String v = parsed.rows().get(r)[at];
        if (v.isEmpty()) {
          continue;
        }
        assertTrue(v.matches("\\d{11}|\\d{3}-\\d{3}-\\d{3} \\d{2}"), v.length() + " chars");
        boolean defect = checksumDefects.contains(f.window() + "/" + f.file() + "/" + (r + 2));
        assertEquals(!defect, Snils.isValid(v), f.path() + " row " + (r + 2));
        checked++;
        dashed += v.contains("-") ? 1 : 0;
        leadingZero += v.startsWith("0") ? 1 : 0;
      }
    }
    assertTrue(checked > 10_000 && dashed > 0 && dashed < checked && leadingZero > 0);
  }

  @Test
  void rosterSharesAreRealisticInEveryWindow() throws IOException {
    for (WindowId w : DemoDataGenerator.DEFAULT_WINDOWS) {
      LocalDate ref = w.lastDay();
      List<Map<String, String>> staff = rows(w, "staff");
      Vocabulary bool = contracts.vocabulary("boolean", "ru");
      Vocabulary category = contracts.vocabulary("qualification_category", "ru");
      Vocabulary gender = contracts.vocabulary("gender", "ru");
      Set<String> persons = new HashSet<>();
      int young = 0;
      int old = 0;
      int withCategory = 0;
      int women = 0;
      int main = 0;
      for (Map<String, String> r : staff) {
        String isMain = bool.lookup().get(HeaderMatcher.normalize(r.get("is_main_job")));
        LocalDate birth = date(r.get("birth_date"));
        String cat = category.lookup().get(HeaderMatcher.normalize(r.get("category")));
        if ("false".equals(isMain) || birth == null || cat == null) {
          continue;   // secondary rows and rows with an injected defect
        }
        main++;
        persons.add(r.get("person_id").replaceAll("\\D", ""));
        int age = birth.until(ref).getYears();
        young += age < 35 ? 1 : 0;
        old += age >= 60 ? 1 : 0;
        LocalDate d = date(r.get("category_date"));
        boolean rankAtLeastOne = category.entry(cat).rank() >= 1;
        boolean valid = d != null && (!d.isBefore(CategoryModel.ORDER_196_FROM)
            || d.plusYears(5).isAfter(ref));
        withCategory += rankAtLeastOne && valid ? 1 : 0;
        women += "Ж".equals(gender.lookup().get(HeaderMatcher.normalize(r.get("gender")))) ? 1 : 0;
      }
      assertTrue(persons.size() > 550 && persons.size() < 900, w + ": " + persons.size());
      assertBetween(w + " under 35", young / (double) main, 0.17, 0.32);
      assertBetween(w + " aged 60+", old / (double) main, 0.11, 0.25);
      assertBetween(w + " with a category", withCategory / (double) main, 0.40, 0.72);
      assertBetween(w + " women", women / (double) main, 0.82, 0.92);
    }
  }

  @Test
  void laterWindowsUpdateHelpRequestsAndCompetitionResultsByNaturalKey() throws IOException {
    assertTrue(updatedKeys("help_requests", List.of("person_id", "request_date", "topic"),
        "status") > 0);
    assertTrue(updatedKeys("competitions", List.of("event_name", "participant_kind", "person_id",
        "student_ref", "event_date"), "result") > 0);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static void assertBetween(String what, double value, double low, double high) {
    assertTrue(value >= low && value <= high, what + " = " + value);
  }

  /** Keys whose value column differs between two windows' folders. */
  private static int updatedKeys(String source, List<String> key, String valueColumn)
      throws IOException {
    Map<String, String> first = new HashMap<>();
    int updated = 0;
    for (WindowId w : DemoDataGenerator.DEFAULT_WINDOWS) {
      for (Map<String, String> r : rows(w, source)) {
        StringBuilder k = new StringBuilder();
        for (String column : key) {
          String v = r.get(column);
          LocalDate d = column.endsWith("_date") ? date(v) : null;
          k.append(d != null ? d.toString() : v.replaceAll("[-\\s]", "")).append('|');
        }
        String value = HeaderMatcher.normalize(r.get(valueColumn));
        String before = first.putIfAbsent(k.toString(), w + "=" + value);
        if (before != null && !before.startsWith(w + "=") && !before.endsWith("=" + value)) {
          updated++;
        }
      }
    }
    return updated;
  }

  private static List<Map<String, String>> rows(WindowId w, String source) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    for (FileWritten f : summary.files()) {
      if (!f.window().equals(w) || !f.source().equals(source)) {
        continue;
      }
      InboxFiles.Parsed parsed = InboxFiles.read(inbox.resolve(f.path()));
      List<String> columns = columnsOf(contracts.source(source), parsed.header());
      for (String[] row : parsed.rows()) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          m.put(columns.get(i), row[i]);
        }
        out.add(m);
      }
    }
    return out;
  }

  /** Canonical column of each header, by HeaderMatcher.normalize against acceptedHeaders(). */
  static List<String> columnsOf(SourceContract contract, List<String> header) {
    List<String> columns = new ArrayList<>();
    for (String h : header) {
      String match = null;
      for (ColumnSpec c : contract.columns()) {
        for (String accepted : c.acceptedHeaders()) {
          if (HeaderMatcher.normalize(accepted).equals(HeaderMatcher.normalize(h))) {
            match = c.name();
          }
        }
      }
      assertTrue(match != null, "header «" + h + "» is not in contract " + contract.source());
      columns.add(match);
    }
    return columns;
  }

  private List<String> violations(FileWritten f) throws IOException {
    return violations(inbox, f);
  }

  /**
   * A small independent validator: every cell checked against its contract column (required,
   * type, range, vocabulary, СНИЛС check sum, school in the window's registry, date not after
   * the window's reference date). Returns keys window|file|row|column|rule.
   */
  private static List<String> violations(Path root, FileWritten f) throws IOException {
    List<String> found = new ArrayList<>();
    if (f.source().equals("schools")) {
      return found;
    }
    SourceContract contract = contracts.source(f.source());
    InboxFiles.Parsed parsed = InboxFiles.read(root.resolve(f.path()));
    List<String> columns = columnsOf(contract, parsed.header());
    Set<String> registry = registry(root, f.window());
    LocalDate ref = f.window().lastDay();
    for (int r = 0; r < parsed.rows().size(); r++) {
      String[] row = parsed.rows().get(r);
      for (int i = 0; i < columns.size(); i++) {
        ColumnSpec c = contract.column(columns.get(i)).orElseThrow();
        String rule = violation(c, row[i].trim(), registry, ref);
        if (rule != null) {
          found.add(key(f.window(), f.file(), r + 2, c.name(), rule));
        }
      }
    }
    return found;
  }

  private static String violation(ColumnSpec c, String v, Set<String> registry, LocalDate ref) {
    if (v.isEmpty()) {
      return c.required() ? "required" : null;
    }
    switch (c.type()) {
      case "date" -> {
        LocalDate d = date(v);
        if (d == null) {
          return "type_date";
        }
        return d.isAfter(ref) ? "date_in_future" : null;
      }
      case "decimal", "int" -> {
        double x;
        try {
          x = Double.parseDouble(v.replace(',', '.'));
        } catch (NumberFormatException e) {
          return c.type().equals("int") ? "type_int" : "type_decimal";
        }
        if (c.type().equals("int") && x != Math.rint(x)) {
          return "type_int";
        }
        if (c.max() != null && x > c.max()) {
          return "range_max";
        }
        return c.min() != null && x < c.min() ? "range_min" : null;
      }
      case "boolean" -> {
        return contracts.vocabulary("boolean", "ru").lookup()
            .containsKey(HeaderMatcher.normalize(v)) ? null : "type_boolean";
      }
      case "person_id" -> {
        return Snils.isValid(v) ? null : "person_id_checksum";
      }
      default -> { }
    }
    if (c.name().equals("school_id") || c.name().equals("organiser_school_id")) {
      return registry.contains(v) ? null : "school_unknown";
    }
    if (c.vocabulary() != null) {
      Vocabulary vocabulary = contracts.vocabulary(c.vocabulary(), "ru");
      if (!vocabulary.open() && !vocabulary.lookup().containsKey(HeaderMatcher.normalize(v))) {
        return "vocabulary";
      }
    }
    return null;
  }

  private static final Map<String, Set<String>> REGISTRIES = new HashMap<>();

  private static Set<String> registry(Path root, WindowId w) throws IOException {
    String k = root + "|" + w;
    if (!REGISTRIES.containsKey(k)) {
      Set<String> ids = new HashSet<>();
      try (Stream<Path> files = Files.list(root.resolve(w.value()).resolve("schools"))) {
        for (Path p : files.toList()) {
          InboxFiles.Parsed parsed = InboxFiles.read(p);
          int at = columnsOf(contracts.source("schools"), parsed.header()).indexOf("school_id");
          parsed.rows().forEach(r -> ids.add(r[at]));
        }
      }
      REGISTRIES.put(k, ids);
    }
    return REGISTRIES.get(k);
  }

  static LocalDate date(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return v.contains("-") ? LocalDate.parse(v) : LocalDate.parse(v, RU_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String key(WindowId w, String file, long row, String column, String rule) {
    return w + "|" + file + "|" + row + "|" + column + "|" + rule;
  }

  private static Map<String, String> treeHashes(Path root) throws IOException {
    Map<String, String> hashes = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    assertFalse(hashes.isEmpty());
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
