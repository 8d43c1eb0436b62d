package org.edulake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.HeaderMatcher;
import org.edulake.contract.SourceContract;

/**
 * Turns one received file into rows keyed by contract columns. Runs on executors (it is
 * serialisable and opens files through Hadoop's FileSystem), so decoding scales out with the
 * number of files. File-level problems become a rejected {@link ProbedFile}, never an exception.
 */
public final class FileDecoder implements Serializable {
  /** Excel's own limit for a cell; a longer value is a decode issue of that row. */
  public static final int MAX_CELL_CHARS = 32_767;

  private final SourceContract contract;

  public FileDecoder(SourceContract contract) {
    this.contract = contract;
  }

  /** One decoded data row: cells by canonical column, unknown columns, and a row-level issue. */
  public record DecodedRow(long rowNumber, Map<String, String> values, Map<String, String> extra,
      String decodeIssue) implements Serializable {}

  /** Row-level rules found while decoding (schemas/quality/builtin_rules.yml). */
  public static final String CELL_TOO_LONG = "cell_too_long";
  public static final String CELL_FORMULA = "cell_formula";
  public static final String CELL_BAD_ENCODING = "cell_bad_encoding";
  public static final String ROW_TRUNCATED = "row_truncated";
  /** Separates several "rule:column" decode issues of one row. */
  public static final String ISSUE_SEPARATOR = ";";

  /** Bytes enough for any header line when trying other encodings. */
  private static final int HEADER_BYTES = 1 << 16;
  private static final Charset CP1251 = Charset.forName("windows-1251");
  /** Encodings a Russian file may really be in when its header does not read (SPEC §3). */
  private static final List<String> OTHER_ENCODINGS = List.of("KOI8-R", "IBM866",
      "x-MacCyrillic", "ISO-8859-5");

  public ProbedFile probe(InboxFile file) {
    return probe(file, new Configuration());
  }

  /**
   * Reads and probes a file through Hadoop's FileSystem with {@code hadoopConf}: on executors
   * this must be the driver's configuration (shipped by the caller), or Hadoop settings given
   * to Spark ({@code spark.hadoop.*}: object store endpoints, credentials) would be missing there.
   */
  public ProbedFile probe(InboxFile file, Configuration hadoopConf) {
    byte[] bytes;
    try {
      bytes = readAll(file.uri(), hadoopConf);
    } catch (IOException e) {
      return reject(file, "", null, "file_unreadable", null, "файл не удалось открыть");
    }
    return probe(file, bytes);
  }

  /** Probes a file already in memory; never throws for any content. */
  public ProbedFile probe(InboxFile file, byte[] bytes) {
    String sha = sha256(bytes);
    if (bytes.length == 0) {
      return reject(file, sha, null, "file_empty", null, "файл не содержит ни одного байта");
    }
    String format = formatMismatch(bytes, file.isXlsx());
    if (format != null) {
      return reject(file, sha, null, "file_unreadable", null, format);
    }
    List<SheetRow> header = new ArrayList<>(1);
    String encoding;
    String delimiter;
    String text = null;
    try {
      if (file.isXlsx()) {
        encoding = "xlsx";
        delimiter = null;
        firstRow(bytes, header);
      } else {
        CsvSheet.Decoded decoded = CsvSheet.decode(bytes);
        encoding = decoded.encoding();
        text = decoded.text();
        char d = CsvSheet.detectDelimiter(text);
        delimiter = String.valueOf(d);
        CsvSheet.read(firstLine(text), d, header::add);
      }
    } catch (FileUnreadableException e) {
      return reject(file, sha, null, "file_unreadable", null, e.detailRu());
    } catch (RuntimeException | StackOverflowError e) {
      return reject(file, sha, null, "file_unreadable", null, "файл не удалось разобрать");
    }
    if (header.isEmpty() || header.get(0).isBlank()) {
      return reject(file, sha, encoding, "file_empty", null, "в первой строке нет заголовка");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, String> headerOf = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Map<String, Integer> unknownIndex = new LinkedHashMap<>();
    List<String> cells = header.get(0).cells();
    for (int i = 0; i < cells.size(); i++) {
      String cellText = cells.get(i) == null ? "" : cells.get(i).strip();
      if (cellText.isEmpty()) {
        continue;
      }
      ColumnSpec match = match(cellText);
      if (match == null) {
        unknown.add(cellText);
        unknownIndex.putIfAbsent(cellText, i);
      } else if (index.containsKey(match.name())) {
        return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
            "file_duplicate_column", match.name(), "столбец «" + cellText + "» повторяет столбец «"
            + headerOf.get(match.name()) + "» (" + match.name() + ")", 0);
      } else {
        index.put(match.name(), i);
        headerOf.put(match.name(), cellText);
      }
    }
    List<ColumnSpec> missing = contract.columns().stream()
        .filter(c -> c.required() && !index.containsKey(c.name())).toList();
    if (!missing.isEmpty()) {
      String guess = text == null ? null : betterEncoding(bytes, text, index.size());
      if (guess != null) {
        return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown,
            unknownIndex, "file_wrong_encoding", null, "заголовок не читается в кодировке "
            + encoding + ", но читается в кодировке " + guess, 0);
      }
      StringBuilder detail = new StringBuilder(missing.size() == 1 ? "нет столбца " : "нет столбцов ");
      for (int i = 0; i < missing.size(); i++) {
        ColumnSpec c = missing.get(i);
        detail.append(i == 0 ? "" : ", ").append('«').append(c.headerRu() == null ? c.name()
            : c.headerRu()).append("» (").append(c.name()).append(')');
      }
      return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
          "file_missing_required_column", missing.get(0).name(), detail.toString(), 0);
    }
    // A full pass finds structural damage (an unclosed quote, a cut line) before anything loads.
    int[] dataRows = {0};
    try {
      rows(bytes, file.isXlsx(), delimiter, row -> dataRows[0]++);
    } catch (FileUnreadableException e) {
      String column = null;
      String detail = e.detailRu();
      if (e.cellIndex() >= 0) {
        String where = headerText(cells, e.cellIndex());
        column = index.entrySet().stream().filter(x -> x.getValue() == e.cellIndex())
            .map(Map.Entry::getKey).findFirst().orElse(null);
        detail = detail + ", столбец «" + where + "»";
      }
      return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
          "file_unreadable", column, detail, 0);
    } catch (RuntimeException | StackOverflowError e) {
      return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
          "file_unreadable", null, "файл не удалось разобрать", 0);
    }
    return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
        null, null, null, dataRows[0]);
  }

  private static String headerText(List<String> cells, int i) {
    String t = i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
    return t.isEmpty() ? "№ " + (i + 1) : t;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** Another format under this extension: a workbook named .csv, a text named .xlsx, old XLS. */
  static String formatMismatch(byte[] bytes, boolean xlsx) {
    boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3
        && bytes[3] == 4;
    boolean ole = bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
        && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    if (ole) {
      return "файл в старом формате Excel (XLS) или Word; сохраните его как книгу XLSX или CSV";
    }
    if (xlsx && !zip) {
      return "файл с расширением .xlsx не является книгой Excel (возможно, это CSV или текст)";
    }
    if (!xlsx && zip) {
      return "файл с расширением CSV является архивом или книгой Excel; сохраните его как CSV "
          + "или пришлите с расширением .xlsx";
    }
    return null;
  }

  /**
   * When the header does not match in the guessed encoding: the encoding in which more contract
   * columns match (KOI8-R, DOS 866, Mac, ISO, or UTF-8 read twice as Windows-1251), else null.
   */
  private String betterEncoding(byte[] bytes, String decoded, int matchedNow) {
    String best = null;
    int bestCount = matchedNow;
    Map<String, String> candidates = new LinkedHashMap<>();
    for (String cs : OTHER_ENCODINGS) {
      if (Charset.isSupported(cs)) {
        candidates.put(cs, new String(bytes, 0, Math.min(bytes.length, HEADER_BYTES),
            Charset.forName(cs)));
      }
    }
    candidates.put("UTF-8, перекодированный дважды (как Windows-1251)",
        new String(firstLine(decoded).getBytes(CP1251), StandardCharsets.UTF_8));
    candidates.put("UTF-8, перекодированный дважды (как Latin-1)",
        new String(firstLine(decoded).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    for (Map.Entry<String, String> e : candidates.entrySet()) {
      String line = firstLine(e.getValue());
      List<SheetRow> header = new ArrayList<>(1);
      try {
        CsvSheet.read(line, CsvSheet.detectDelimiter(line), header::add);
      } catch (FileUnreadableException | RuntimeException ex) {
        continue;
      }
      if (header.isEmpty()) {
        continue;
      }
      int count = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String cell : header.get(0).cells()) {
        ColumnSpec c = cell == null ? null : match(cell.strip());
        if (c != null && seen.add(c.name())) {
          count++;
        }
      }
      if (count > bestCount) {
        best = e.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  /** Streams the data rows of a probed, accepted file (blank rows skipped). */
  public void rows(ProbedFile probed, Consumer<DecodedRow> sink) throws FileUnreadableException {
    rows(probed, new Configuration(), sink);
  }

  /** The same, reading the file with {@code hadoopConf} (see {@link #probe(InboxFile, Configuration)}). */
  public void rows(ProbedFile probed, Configuration hadoopConf, Consumer<DecodedRow> sink)
      throws FileUnreadableException {
    byte[] bytes;
    try {
      bytes = readAll(probed.file().uri(), hadoopConf);
    } catch (IOException e) {
      throw new FileUnreadableException("файл не удалось открыть", e);
    }
    rows(probed, bytes, sink);
  }

  /** Streams the data rows of a probed, accepted file already in memory. */
  public void rows(ProbedFile probed, byte[] bytes, Consumer<DecodedRow> sink)
      throws FileUnreadableException {
    rows(bytes, probed.file().isXlsx(), probed.delimiter(), row -> sink.accept(decode(probed, row)));
  }

  /** Data rows of a file (the header row and blank rows skipped). */
  private static void rows(byte[] bytes, boolean xlsx, String delimiter, Consumer<SheetRow> sink)
      throws FileUnreadableException {
    Consumer<SheetRow> dataOnly = row -> {
      if (row.rowNumber() > 1 && (!row.isBlank() || row.truncated())) {
        sink.accept(row);
      }
    };
    if (xlsx) {
      XlsxSheet.read(bytes, dataOnly);
    } else {
      CsvSheet.read(CsvSheet.decode(bytes).text(), delimiter.charAt(0), dataOnly);
    }
  }

  private DecodedRow decode(ProbedFile probed, SheetRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> issues = new ArrayList<>();
    List<String> cells = row.cells();
    String firstMissing = null;
    for (Map.Entry<String, Integer> e : probed.columnIndex().entrySet()) {
      int i = e.getValue();
      String v = i < cells.size() ? cells.get(i) : null;
      if (i >= cells.size() && (firstMissing == null
          || i < probed.columnIndex().get(firstMissing))) {
        firstMissing = e.getKey();
      }
      if (v != null && v.length() > MAX_CELL_CHARS) {
        issues.add(CELL_TOO_LONG + ":" + e.getKey());
        v = null;
      } else if (v != null && v.indexOf(CsvSheet.DAMAGED) >= 0) {
        issues.add(CELL_BAD_ENCODING + ":" + e.getKey());
      } else if (isFormula(v)) {
        issues.add(CELL_FORMULA + ":" + e.getKey());   // kept as text, never evaluated
      }
      values.put(e.getKey(), v);
    }
    if (row.truncated()) {
      String column = firstMissing != null ? firstMissing : lastColumn(probed, cells.size());
      issues.add(0, ROW_TRUNCATED + ":" + column);
    }
    Map<String, String> extra = new LinkedHashMap<>();
    // unknown columns stay in bronze by their header text (free-text answers never leave bronze)
    for (Map.Entry<String, Integer> e : probed.unknownIndex().entrySet()) {
      String v = e.getValue() < cells.size() ? cells.get(e.getValue()) : null;
      if (v != null && !v.isEmpty()) {
        extra.put(e.getKey(), v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS) : v);
      }
    }
    return new DecodedRow(row.rowNumber(), values, extra,
        issues.isEmpty() ? null : String.join(ISSUE_SEPARATOR, issues));
  }

  /** The contract column of the last cell that arrived (where a cut row ends). */
  private static String lastColumn(ProbedFile probed, int cellsArrived) {
    String best = null;
    int bestIndex = -1;
    for (Map.Entry<String, Integer> e : probed.columnIndex().entrySet()) {
      if (e.getValue() < cellsArrived && e.getValue() > bestIndex) {
        best = e.getKey();
        bestIndex = e.getValue();
      }
    }
    return best != null ? best : probed.columnIndex().keySet().iterator().next();
  }

  /** A cell a spreadsheet would take for a formula: «=» followed by more text. */
  public static boolean isFormula(String v) {
    if (v == null) {
      return false;
    }
    String t = v.stripLeading();
    return t.length() > 1 && t.charAt(0) == '=';
  }

  private ColumnSpec match(String headerText) {
    String key = HeaderMatcher.normalize(headerText);
    for (ColumnSpec c : contract.columns()) {
      for (String accepted : c.acceptedHeaders()) {
        if (HeaderMatcher.normalize(accepted).equals(key)) {
          return c;
        }
      }
    }
    return null;
  }

  private static void firstRow(byte[] bytes, List<SheetRow> out) throws FileUnreadableException {
    XlsxSheet.read(bytes, row -> {
      if (out.isEmpty() && !row.isBlank()) {
        out.add(row);
      }
    });
  }

  private ProbedFile reject(InboxFile file, String sha, String encoding, String rule,
      String column, String detail) {
    return new ProbedFile(file, sha, encoding, null, Map.of(), Map.of(), List.of(),
        Map.of(), rule, column, detail, 0);
  }

  static byte[] readAll(String uri, Configuration hadoopConf) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(hadoopConf);
    try (InputStream in = fs.open(path)) {
      return in.readAllBytes();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
