package org.edulake.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited text file as rows: detects the encoding (BOM, strict UTF-8, else
 * Windows-1251) and the delimiter (; , or tab, from the header line). Row numbers count records
 * the way a spreadsheet shows them (header = 1), blank lines included.
 */
public final class CsvSheet {
  private static final Charset CP1251 = Charset.forName("windows-1251");

  private CsvSheet() {}

  public record Decoded(String encoding, String text) {}

  /** Encoding name of a UTF-8 file with a few damaged bytes (they become U+FFFD). */
  public static final String UTF8_DAMAGED = "UTF-8 (есть повреждённые байты)";
  /** The replacement character a damaged byte decodes to. */
  public static final char DAMAGED = '\uFFFD';

  public static Decoded decode(byte[] bytes) throws FileUnreadableException {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return utf8(bytes, 3, "UTF-8 BOM");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded("UTF-16LE", new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded("UTF-16BE", new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
    }
    String utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return new Decoded(utf16, new String(bytes, Charset.forName(utf16)));
    }
    int controls = 0;
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v == 0 || (v < 0x20 && v != '\n' && v != '\r' && v != '\t')) {
        controls++;
      }
    }
    if (controls > 0 && controls * 200L > bytes.length || containsZero(bytes)) {
      throw new FileUnreadableException(
          "файл содержит двоичные данные, а не текст таблицы (возможно, это не CSV)", null);
    }
    return utf8(bytes, 0, "UTF-8");
  }

  /**
   * Strict UTF-8; a file that is UTF-8 but for a few damaged bytes is read as UTF-8 with those
   * bytes replaced (their rows are quarantined later); anything else is Windows-1251.
   */
  private static Decoded utf8(byte[] bytes, int offset, String name) {
    try {
      return new Decoded(name, strictUtf8(bytes, offset));
    } catch (FileUnreadableException notUtf8) {
      int[] counts = utf8Sequences(bytes, offset);
      int valid = counts[0];
      int invalid = counts[1];
      if (valid >= 10 && invalid * 20L <= valid) {
        return new Decoded(UTF8_DAMAGED,
            new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8));
      }
      return new Decoded("windows-1251", new String(bytes, offset, bytes.length - offset, CP1251));
    }
  }

  /** {valid multi-byte UTF-8 sequences, invalid bytes}. */
  static int[] utf8Sequences(byte[] b, int offset) {
    int valid = 0;
    int invalid = 0;
    int i = offset;
    while (i < b.length) {
      int v = b[i] & 0xFF;
      int len = v < 0x80 ? 1 : v >= 0xC2 && v <= 0xDF ? 2 : v >= 0xE0 && v <= 0xEF ? 3
          : v >= 0xF0 && v <= 0xF4 ? 4 : 0;
      if (len == 1) {
        i++;
        continue;
      }
      boolean ok = len > 0 && i + len <= b.length;
      for (int k = 1; ok && k < len; k++) {
        ok = (b[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += len;
      } else {
        invalid++;
        i++;
      }
    }
    return new int[] {valid, invalid};
  }

  /** UTF-16 without a byte-order mark: every other byte of the start is zero. */
  private static String utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 512) & ~1;
    if (n < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      evenZero += bytes[i] == 0 ? 1 : 0;
      oddZero += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddZero * 10 >= pairs * 9 && evenZero * 10 <= pairs) {
      return "UTF-16LE";
    }
    if (evenZero * 10 >= pairs * 9 && oddZero * 10 <= pairs) {
      return "UTF-16BE";
    }
    return null;
  }

  private static boolean containsZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static String strictUtf8(byte[] bytes, int offset) throws FileUnreadableException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    } catch (CharacterCodingException e) {
      throw new FileUnreadableException("файл не в кодировке UTF-8", e);
    }
  }

  /** The delimiter that splits the header line into the most cells, outside quotes. */
  public static char detectDelimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    char best = ';';
    int bestCount = 0;
    for (char d : new char[] {';', '\t', ','}) {
      int count = 0;
      boolean quoted = false;
      for (int i = 0; i < header.length(); i++) {
        char c = header.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == d && !quoted) {
          count++;
        }
      }
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * Streams rows to {@code sink}; the first row is the header. A last record the file ends
   * inside (fewer cells than the header and no line break at the end, or an opened quote with
   * no line break after it) comes out as a truncated row; any other structural damage (an
   * unclosed quote, text after a closing quote) makes the whole file unreadable, with the row
   * and cell where it starts.
   */
  public static void read(String text, char delimiter, Consumer<SheetRow> sink)
      throws FileUnreadableException {
    long[] row = {0};
    SheetRow[] pending = {null};
    int[] headerCells = {-1};
    Consumer<SheetRow> delayed = r -> {
      if (pending[0] != null) {
        sink.accept(pending[0]);
      }
      if (headerCells[0] < 0) {
        headerCells[0] = r.cells().size();
      }
      pending[0] = r;
    };
    try {
      parse(text, delimiter, row, delayed);
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      Damage damage = locate(text, delimiter);
      if (damage == null) {
        throw new FileUnreadableException("нарушена структура CSV после строки " + row[0], e);
      }
      if (damage.unclosedQuote() && damage.lastLine()) {
        // the file was cut inside a quoted cell: close the quote to read what arrived
        List<SheetRow> partial = new ArrayList<>();
        try {
          parse(text.substring(damage.recordStart()) + '"', delimiter, new long[] {0}, partial::add);
        } catch (IOException | RuntimeException again) {
          partial.clear();
        }
        if (pending[0] != null) {
          sink.accept(pending[0]);
          pending[0] = null;
        }
        sink.accept(new SheetRow(damage.row(),
            partial.isEmpty() ? List.of() : partial.get(0).cells(), true));
        return;
      }
      throw new FileUnreadableException(damage.unclosedQuote()
          ? "в строке " + damage.row() + " открыта кавычка, которая не закрыта до конца файла"
          : "в строке " + damage.row() + " после закрывающей кавычки идут другие символы "
              + "(кавычку внутри значения нужно удваивать)", damage.row(), damage.cell(), e);
    }
    if (pending[0] != null) {
      SheetRow last = pending[0];
      boolean endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
      boolean cut = !endsWithBreak && last.rowNumber() > 1 && !last.isBlank()
          && last.cells().size() < headerCells[0];
      sink.accept(cut ? new SheetRow(last.rowNumber(), last.cells(), true) : last);
    }
  }

  private static void parse(String text, char delimiter, long[] row, Consumer<SheetRow> sink)
      throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .setTrim(false)
        .get();
    try (Reader reader = new java.io.StringReader(text);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        row[0]++;
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        sink.accept(new SheetRow(row[0], cells));
      }
    }
  }

  /** Where a CSV's structure breaks: row (header = 1), cell index, and the record's offset. */
  record Damage(long row, int cell, int recordStart, boolean unclosedQuote, boolean lastLine) {}

  /** Scans like the parser does (quotes open only at a cell's start; "" inside is a quote). */
  static Damage locate(String text, char delimiter) {
    int n = text.length();
    long rec = 1;
    int field = 0;
    int recordStart = 0;
    boolean fieldStart = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (fieldStart && c == '"') {
        int open = i++;
        boolean closed = false;
        while (i < n) {
          if (text.charAt(i) == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          i++;
        }
        if (!closed) {
          boolean lastLine = text.indexOf('\n', open) < 0 && text.indexOf('\r', open) < 0;
          return new Damage(rec, field, recordStart, true, lastLine);
        }
        while (i < n && text.charAt(i) != delimiter && (text.charAt(i) == ' '
            || text.charAt(i) == '\t')) {
          i++;
        }
        if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n'
            && text.charAt(i) != '\r') {
          return new Damage(rec, field, recordStart, false, false);
        }
        fieldStart = false;
        continue;
      }
      if (c == delimiter) {
        field++;
        fieldStart = true;
        i++;
      } else if (c == '\r' || c == '\n') {
        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        rec++;
        field = 0;
        fieldStart = true;
        recordStart = i;
      } else {
        fieldStart = false;
        i++;
      }
    }
    return null;
  }
}
