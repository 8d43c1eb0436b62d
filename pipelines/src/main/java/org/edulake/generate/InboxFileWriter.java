package org.edulake.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.edulake.config.WindowId;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.SourceContract;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.generate.GenerationSummary.InjectedDefect;

/**
 * Writes one inbox CSV file of a source: the header from the contract (Russian, canonical English
 * or mixed), values formatted in the file's {@link FileFlavour}, and, with probability
 * {@code defectShare} per data row, exactly one rule violation, recorded as an
 * {@link InjectedDefect}. The file is created with its first row; a file without rows is not
 * written at all.
 */
final class InboxFileWriter implements Closeable {
  static final String RULE_REQUIRED = "required";
  static final String RULE_TYPE_DATE = "type_date";
  static final String RULE_TYPE_DECIMAL = "type_decimal";
  static final String RULE_TYPE_INT = "type_int";
  static final String RULE_RANGE_MAX = "range_max";
  static final String RULE_VOCABULARY = "vocabulary";
  static final String RULE_PERSON_ID_CHECKSUM = "person_id_checksum";
  static final String RULE_SCHOOL_UNKNOWN = "school_unknown";
  static final String RULE_DATE_IN_FUTURE = "date_in_future";
  /** Share of Russian headers written with one of the contract's aliases instead. */
  static final double SHARE_ALIAS_HEADERS = 0.15;
  /** Future dates are put in these years: after any window and after today. */
  static final int FUTURE_YEAR_FROM = 2031;

  private final InboxContext context;
  private final WindowId window;
  private final SourceContract contract;
  private final String fileName;
  private final FileFlavour flavour;
  private final SplittableRandom rng;
  private final SplittableRandom defectRng;
  private final boolean withDefects;
  private final List<ColumnSpec> columns;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<InjectedDefect> defects = new ArrayList<>();
  private CSVPrinter printer;
  private long rows;

  InboxFileWriter(InboxContext context, WindowId window, String source, String fileName,
      FileFlavour flavour, SplittableRandom rng, boolean withDefects) {
    this.context = context;
    this.window = window;
    this.contract = context.contracts().source(source);
    this.fileName = fileName;
    this.flavour = flavour;
    this.rng = rng;
    this.defectRng = rng.split();   // defects never shift the data: same rows at any share
    this.withDefects = withDefects;
    this.columns = contract.columns();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
  }

  /** A new empty row of this file's columns. */
  Row row() {
    return new Row();
  }

  /** A row under construction: values by canonical column name, in Java types. */
  final class Row {
    private final Object[] values = new Object[columns.size()];

    Row set(String column, Object value) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException(contract.source() + " has no column " + column);
      }
      values[i] = value;
      return this;
    }

    void write() {
      InboxFileWriter.this.write(values);
    }
  }

  private void write(Object[] values) {
    String[] cells = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] = format(columns.get(i), values[i]);
    }
    rows++;
    if (withDefects && defectRng.nextDouble() < context.defectShare()) {
      injectDefect(cells, values, rows + 1);
    }
    try {
      if (printer == null) {
        open();
      }
      printer.printRecord((Object[]) cells);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path(), e);
    }
  }

  private String format(ColumnSpec column, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof LocalDate d) {
      return flavour.date(d);
    }
    if (value instanceof Boolean b) {
      if (column.name().equals("is_main_job") && b && flavour.blankMainJob()) {
        return "";
      }
      return flavour.bool(b);
    }
    if (value instanceof Double d) {
      return flavour.decimal(d);
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    String text = value.toString();
    if (column.type().equals("person_id")) {
      boolean dashed = switch (flavour.personIdStyle()) {
        case DASHED -> true;
        case DIGITS -> false;
        case MIXED -> rng.nextBoolean();
      };
      return dashed ? Snils.dashed(text) : text;
    }
    if (column.vocabulary() != null && flavour.synonymRate() > 0
        && rng.nextDouble() < flavour.synonymRate()) {
      return context.spelling(column.vocabulary(), text, rng);
    }
    return text;
  }

  private void injectDefect(String[] cells, Object[] values, long rowNumber) {
    Map<String, List<Integer>> candidates = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i++) {
      ColumnSpec c = columns.get(i);
      if (cells[i].isEmpty()) {
        continue;
      }
      String type = c.type();
      if (c.required() && !type.equals("person_id")) {
        add(candidates, RULE_REQUIRED, i);
      }
      if (type.equals("date") && values[i] instanceof LocalDate) {
        if (!c.name().equals("category_date")) {
          add(candidates, RULE_TYPE_DATE, i);   // an unreadable category date would also warn
        }
        if (!c.name().equals("birth_date")) {
          add(candidates, RULE_DATE_IN_FUTURE, i); // a future birth date breaks a second rule
        }
      }
      if (type.equals("decimal")) {
        add(candidates, RULE_TYPE_DECIMAL, i);
      }
      if (type.equals("int")) {
        add(candidates, RULE_TYPE_INT, i);
      }
      if (c.max() != null && (c.name().equals("ped_experience_years") || c.name().equals("hours"))) {
        add(candidates, RULE_RANGE_MAX, i);
      }
      if (c.vocabulary() != null && !context.isOpenVocabulary(c.vocabulary())) {
        add(candidates, RULE_VOCABULARY, i);
      }
      if (type.equals("person_id")) {
        add(candidates, RULE_PERSON_ID_CHECKSUM, i);
      }
      if (c.name().equals("school_id")) {
        add(candidates, RULE_SCHOOL_UNKNOWN, i);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    List<String> rules = new ArrayList<>(candidates.keySet());
    String rule = rules.get(defectRng.nextInt(rules.size()));
    List<Integer> cols = candidates.get(rule);
    int i = cols.get(defectRng.nextInt(cols.size()));
    ColumnSpec c = columns.get(i);
    cells[i] = switch (rule) {
      case RULE_REQUIRED -> "";
      case RULE_TYPE_DATE -> flavour.impossibleDate((LocalDate) values[i], defectRng.nextBoolean());
      case RULE_DATE_IN_FUTURE -> flavour.date(
          ((LocalDate) values[i]).withYear(FUTURE_YEAR_FROM + defectRng.nextInt(40)));
      case RULE_TYPE_DECIMAL -> cells[i] + (c.name().equals("ped_experience_years") ? " лет" : " процентов");
      case RULE_TYPE_INT -> cells[i] + " ч.";
      case RULE_RANGE_MAX -> Integer.toString(
          (int) Math.round(c.max()) + 1 + defectRng.nextInt((int) Math.round(c.max())));
      case RULE_VOCABULARY -> context.valueOutsideVocabulary(c.vocabulary(), defectRng);
      case RULE_PERSON_ID_CHECKSUM -> {
        String bad = Snils.withWrongCheckSum(cells[i].replaceAll("[^0-9]", ""), defectRng);
        yield cells[i].contains("-") ? Snils.dashed(bad) : bad;
      }
      case RULE_SCHOOL_UNKNOWN -> Geography.unknownSchoolId(cells[i], defectRng);
      default -> throw new IllegalStateException(rule);
    };
    defects.add(new InjectedDefect(window, contract.source(), fileName, rowNumber, c.name(), rule));
  }

  private static void add(Map<String, List<Integer>> candidates, String rule, int column) {
    candidates.computeIfAbsent(rule, r -> new ArrayList<>()).add(column);
  }

  private void open() throws IOException {
    Path path = path();
    Files.createDirectories(path.getParent());
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    if (flavour.bom()) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    Writer writer = new OutputStreamWriter(out, flavour.charset().newEncoder());
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(flavour.delimiter())
        .setRecordSeparator(flavour.recordSeparator())
        .setQuoteMode(QuoteMode.MINIMAL)
        .get();
    printer = new CSVPrinter(writer, format);
    printer.printRecord(headers());
  }

  private List<String> headers() {
    List<String> headers = new ArrayList<>(columns.size());
    for (ColumnSpec c : columns) {
      boolean english = switch (flavour.headers()) {
        case ENGLISH -> true;
        case RUSSIAN -> false;
        case MIXED -> rng.nextBoolean();
      };
      if (english || c.headerRu() == null) {
        headers.add(c.name());
        continue;
      }
      List<String> aliases = c.aliases().stream().filter(a -> !a.equals("ИИН")).toList();
      headers.add(!aliases.isEmpty() && rng.nextDouble() < SHARE_ALIAS_HEADERS
          ? aliases.get(rng.nextInt(aliases.size())) : c.headerRu());
    }
    return headers;
  }

  Path path() {
    return context.outDir().resolve(window.value()).resolve(contract.inboxFolder())
        .resolve(fileName);
  }

  long rows() {
    return rows;
  }

  List<InjectedDefect> defects() {
    return defects;
  }

  /** The file's entry for the summary, or null when no row was written (no file). */
  FileWritten written() {
    if (rows == 0) {
      return null;
    }
    return new FileWritten(window, contract.source(), fileName,
        window.value() + "/" + contract.inboxFolder() + "/" + fileName, rows);
  }

  @Override
  public void close() {
    if (printer != null) {
      try {
        printer.close(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + path(), e);
      }
    }
  }
}
