package org.edulake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.edulake.contract.Contracts;
import org.edulake.contract.SourceContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of randomly damaged versions of valid files (bytes flipped, lines cut or repeated,
 * cells shuffled, quotes and zero bytes inserted, the file cut anywhere) go through
 * FileDecoder.probe and rows, in memory and without Spark: nothing may crash, every rejection
 * names a declared rule with a Russian detail, and every accepted file reads to the end with
 * the row count the probe announced and only declared row-level rules.
 */
class FileDecoderFuzzTest {
  static final long SEED = 20250531L;
  static final int TEXT_CASES = 3000;
  static final int XLSX_CASES = 300;
  static final Path GOLDEN = Path.of("pipelines/src/test/resources/fixtures/golden/inbox/2025-05");
  static final Path BAD = Path.of("pipelines/src/test/resources/fixtures/bad_input");

  static Contracts contracts;
  static Set<String> rules;
  static List<Object[]> seeds = new ArrayList<>();   // {source, name, bytes}

  @BeforeAll
  static void validFiles() throws IOException {
    contracts = Contracts.load();
    rules = contracts.builtinRules().keySet();
    seeds.add(new Object[] {"staff", "north.csv", Files.readAllBytes(GOLDEN.resolve("staff/north.csv"))});
    seeds.add(new Object[] {"staff", "south.csv", Files.readAllBytes(GOLDEN.resolve("staff/south.csv"))});
    seeds.add(new Object[] {"pd_courses", "pd.tsv", Files.readAllBytes(GOLDEN.resolve("pd_courses/pd.tsv"))});
    seeds.add(new Object[] {"schools", "registry.csv", Files.readAllBytes(GOLDEN.resolve("schools/registry.csv"))});
    seeds.add(new Object[] {"surveys", "export.csv",
        Files.readAllBytes(BAD.resolve("survey_school_and_answers/surveys/export.csv"))});
  }

  @Test
  void damagedTextFilesNeverCrashTheDecoder() {
    SplittableRandom rng = new SplittableRandom(SEED);
    int rejected = 0;
    for (int i = 0; i < TEXT_CASES; i++) {
      Object[] seed = seeds.get(rng.nextInt(seeds.size()));
      byte[] damaged = damage((byte[]) seed[2], rng);
      rejected += check((String) seed[0], "fuzz_" + i + "_" + seed[1], damaged) ? 0 : 1;
    }
    // the damage is real: a good share is rejected, a good share still loads
    assertTrue(rejected > TEXT_CASES / 20, "rejected " + rejected);
    assertTrue(rejected < TEXT_CASES * 19 / 20, "rejected " + rejected);
  }

  @Test
  void damagedWorkbooksNeverCrashTheDecoder() throws IOException {
    byte[] book = workbook();
    assertTrue(check("staff", "valid.xlsx", book), "the undamaged workbook loads");
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    for (int i = 0; i < XLSX_CASES; i++) {
      byte[] damaged = book.clone();
      int flips = 1 + rng.nextInt(8);
      for (int k = 0; k < flips; k++) {
        damaged[rng.nextInt(damaged.length)] = (byte) rng.nextInt(256);
      }
      if (rng.nextInt(4) == 0) {
        damaged = Arrays.copyOf(damaged, rng.nextInt(damaged.length));
      }
      check("staff", "fuzz_" + i + ".xlsx", damaged);
    }
  }

  /** True when the file was accepted. */
  private static boolean check(String source, String name, byte[] bytes) {
    SourceContract contract = contracts.source(source);
    FileDecoder decoder = new FileDecoder(contract);
    InboxFile file = new InboxFile("2025-05", source, "memory:" + name,
        contract.inboxFolder() + "/" + name, bytes.length, 0L);
    ProbedFile probed;
    try {
      probed = decoder.probe(file, bytes);
    } catch (Throwable t) {
      throw new AssertionError("probe threw on " + name + ": " + t, t);
    }
    assertNotNull(probed.sha256(), name);
    if (probed.rejected()) {
      assertTrue(rules.contains(probed.rejectRule()), name + ": undeclared rule " + probed.rejectRule());
      assertNotNull(probed.rejectDetail(), name);
      assertFalse(probed.rejectDetail().isBlank(), name);
      assertTrue(probed.rejectDetail().matches("(?s).*[а-яА-Я].*"), name + ": " + probed.rejectDetail());
      return false;
    }
    int[] rows = {0};
    try {
      decoder.rows(probed, bytes, row -> {
        rows[0]++;
        if (row.decodeIssue() != null) {
          for (String issue : row.decodeIssue().split(FileDecoder.ISSUE_SEPARATOR)) {
            String[] parts = issue.split(":", 2);
            assertTrue(rules.contains(parts[0]), name + ": undeclared rule " + parts[0]);
            assertTrue(contract.hasColumn(parts[1]), name + ": unknown column " + parts[1]);
          }
        }
      });
    } catch (FileUnreadableException e) {
      fail(name + ": accepted by the probe but unreadable: " + e.detailRu());
    } catch (Throwable t) {
      throw new AssertionError("rows threw on " + name + ": " + t, t);
    }
    assertEquals(probed.dataRows(), rows[0], name + ": rows announced by the probe");
    return true;
  }

  /** One to three kinds of damage to a text file. */
  static byte[] damage(byte[] valid, SplittableRandom rng) {
    byte[] b = valid.clone();
    int kinds = 1 + rng.nextInt(3);
    for (int k = 0; k < kinds; k++) {
      switch (rng.nextInt(8)) {
        case 0 -> {   // flip bytes
          int flips = 1 + rng.nextInt(6);
          for (int i = 0; i < flips && b.length > 0; i++) {
            b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
          }
        }
        case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : rng.nextInt(b.length));   // cut
        case 2 -> b = lines(b, rng, 0);    // drop a line
        case 3 -> b = lines(b, rng, 1);    // repeat a line
        case 4 -> b = lines(b, rng, 2);    // shuffle the cells of a line
        case 5 -> b = insert(b, rng, new byte[] {'"'});
        case 6 -> b = insert(b, rng, new byte[] {0, 0});
        default -> b = insert(b, rng, "=HYPERLINK(\"http://x\")".getBytes(StandardCharsets.UTF_8));
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, SplittableRandom rng, byte[] what) {
    int at = b.length == 0 ? 0 : rng.nextInt(b.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.write(what, 0, what.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  /** Works on lines as bytes (so any encoding survives): drop, repeat or shuffle cells. */
  private static byte[] lines(byte[] b, SplittableRandom rng, int mode) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      lines.add(Arrays.copyOfRange(b, start, b.length));
    }
    if (lines.isEmpty()) {
      return b;
    }
    int i = rng.nextInt(lines.size());
    if (mode == 0) {
      lines.remove(i);
    } else if (mode == 1) {
      lines.add(i, lines.get(i));
    } else {
      String line = new String(lines.get(i), StandardCharsets.ISO_8859_1);
      String sep = line.contains(";") ? ";" : line.contains("\t") ? "\t" : ",";
      List<String> cells = new ArrayList<>(Arrays.asList(line.strip().split(sep, -1)));
      for (int k = cells.size() - 1; k > 0; k--) {
        int j = rng.nextInt(k + 1);
        String t = cells.get(k);
        cells.set(k, cells.get(j));
        cells.set(j, t);
      }
      lines.set(i, (String.join(sep, cells) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(l -> out.write(l, 0, l.length));
    return out.toByteArray();
  }

  /** The baseline roster of the bad-input fixtures as a workbook. */
  static byte[] workbook() throws IOException {
    List<String> text = Files.readAllLines(BAD.resolve("_baseline/2025-05/staff/roster.csv"));
    try (SXSSFWorkbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Лист1");
      for (int r = 0; r < text.size(); r++) {
        String[] cells = text.get(r).split(";", -1);
        var row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void everyRowLevelDecodeRuleIsDeclared() {
    assertTrue(rules.containsAll(Set.of(FileDecoder.CELL_FORMULA, FileDecoder.CELL_TOO_LONG,
        FileDecoder.CELL_BAD_ENCODING, FileDecoder.ROW_TRUNCATED)), rules.toString());
  }
}
