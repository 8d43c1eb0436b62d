package org.edulake.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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

  public static Decoded decode(byte[] bytes) throws FileUnreadableException {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return new Decoded("UTF-8 BOM", strictUtf8(bytes, 3));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded("UTF-16LE", new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded("UTF-16BE", new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
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
    try {
      return new Decoded("UTF-8", strictUtf8(bytes, 0));
    } catch (FileUnreadableException notUtf8) {
      return new Decoded("windows-1251", new String(bytes, CP1251));
    }
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

  /** Streams rows to {@code sink}; the first row is the header. */
  public static void read(String text, char delimiter, Consumer<SheetRow> sink)
      throws FileUnreadableException {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .setTrim(false)
        .get();
    long row = 0;
    try (Reader reader = new java.io.StringReader(text);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        row++;
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        sink.accept(new SheetRow(row, cells));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new FileUnreadableException("нарушена структура CSV после строки " + row
          + " (например, незакрытая кавычка)", e);
    } catch (IOException e) {
      throw new FileUnreadableException("нарушена структура CSV после строки " + row, e);
    }
  }

  static Reader reader(byte[] bytes, Charset charset) {
    return new InputStreamReader(new ByteArrayInputStream(bytes), charset);
  }
}
