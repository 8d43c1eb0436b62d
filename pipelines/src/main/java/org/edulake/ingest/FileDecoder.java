package org.edulake.ingest;

import java.io.IOException;
import java.io.InputStream;
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

  public ProbedFile probe(InboxFile file) {
    byte[] bytes;
    try {
      bytes = readAll(file.uri());
    } catch (IOException e) {
      return reject(file, "", null, "file_unreadable", null, "файл не удалось открыть");
    }
    String sha = sha256(bytes);
    if (bytes.length == 0) {
      return reject(file, sha, null, "file_empty", null, "файл не содержит ни одного байта");
    }
    List<SheetRow> header = new ArrayList<>(1);
    String encoding;
    String delimiter;
    try {
      if (file.isXlsx()) {
        encoding = "xlsx";
        delimiter = null;
        firstRow(bytes, header);
      } else {
        CsvSheet.Decoded decoded = CsvSheet.decode(bytes);
        encoding = decoded.encoding();
        char d = CsvSheet.detectDelimiter(decoded.text());
        delimiter = String.valueOf(d);
        int end = decoded.text().indexOf('\n');
        String firstLine = end < 0 ? decoded.text() : decoded.text().substring(0, end);
        CsvSheet.read(firstLine, d, header::add);
      }
    } catch (FileUnreadableException e) {
      return reject(file, sha, null, "file_unreadable", null, e.detailRu());
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
      String text = cells.get(i) == null ? "" : cells.get(i).strip();
      if (text.isEmpty()) {
        continue;
      }
      ColumnSpec match = match(text);
      if (match == null) {
        unknown.add(text);
        unknownIndex.putIfAbsent(text, i);
      } else if (index.containsKey(match.name())) {
        return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
            "file_duplicate_column", match.name(), "столбец «" + text + "» повторяет столбец «"
            + headerOf.get(match.name()) + "» (" + match.name() + ")", 0);
      } else {
        index.put(match.name(), i);
        headerOf.put(match.name(), text);
      }
    }
    for (ColumnSpec c : contract.columns()) {
      if (c.required() && !index.containsKey(c.name())) {
        return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
            "file_missing_required_column", c.name(), "нет столбца «" + c.headerRu() + "» ("
            + c.name() + ")", 0);
      }
    }
    // A full pass finds structural damage (an unclosed quote, a cut line) before anything loads.
    int[] dataRows = {0};
    try {
      rows(bytes, file.isXlsx(), delimiter, row -> dataRows[0]++);
    } catch (FileUnreadableException e) {
      return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
          "file_unreadable", null, e.detailRu(), 0);
    }
    return new ProbedFile(file, sha, encoding, delimiter, index, headerOf, unknown, unknownIndex,
        null, null, null, dataRows[0]);
  }

  /** Streams the data rows of a probed, accepted file (blank rows skipped). */
  public void rows(ProbedFile probed, Consumer<DecodedRow> sink) throws FileUnreadableException {
    byte[] bytes;
    try {
      bytes = readAll(probed.file().uri());
    } catch (IOException e) {
      throw new FileUnreadableException("файл не удалось открыть", e);
    }
    rows(bytes, probed.file().isXlsx(), probed.delimiter(), row -> sink.accept(decode(probed, row)));
  }

  /** Data rows of a file (the header row and blank rows skipped). */
  private static void rows(byte[] bytes, boolean xlsx, String delimiter, Consumer<SheetRow> sink)
      throws FileUnreadableException {
    Consumer<SheetRow> dataOnly = row -> {
      if (row.rowNumber() > 1 && !row.isBlank()) {
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
    String issue = null;
    List<String> cells = row.cells();
    for (Map.Entry<String, Integer> e : probed.columnIndex().entrySet()) {
      int i = e.getValue();
      String v = i < cells.size() ? cells.get(i) : null;
      if (v != null && v.length() > MAX_CELL_CHARS) {
        issue = "cell_too_long:" + e.getKey();
        v = null;
      }
      values.put(e.getKey(), v);
    }
    Map<String, String> extra = new LinkedHashMap<>();
    // unknown columns stay in bronze by their header text (free-text answers never leave bronze)
    for (Map.Entry<String, Integer> e : probed.unknownIndex().entrySet()) {
      String v = e.getValue() < cells.size() ? cells.get(e.getValue()) : null;
      if (v != null && !v.isEmpty()) {
        extra.put(e.getKey(), v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS) : v);
      }
    }
    return new DecodedRow(row.rowNumber(), values, extra, issue);
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

  static byte[] readAll(String uri) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(new Configuration());
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
