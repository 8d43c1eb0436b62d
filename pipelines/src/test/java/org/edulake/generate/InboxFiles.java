package org.edulake.generate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a generated inbox file as a steward's tool would: BOM, UTF-8 or cp1251, any delimiter. */
final class InboxFiles {
  private InboxFiles() {}

  record Parsed(String encoding, char delimiter, List<String> header, List<String[]> rows) {}

  static Parsed read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String encoding;
    String text;
    if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      encoding = "utf-8-bom";
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else {
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
        encoding = "utf-8";
      } catch (CharacterCodingException e) {
        text = new String(bytes, FileFlavour.WINDOWS_1251);
        encoding = "windows-1251";
      }
    }
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = ';';
    long best = -1;
    for (char d : new char[] {';', '\t', ','}) {
      long n = firstLine.chars().filter(c -> c == d).count();
      if (n > best) {
        best = n;
        delimiter = d;
      }
    }
    List<String> header;
    List<String[]> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
      List<CSVRecord> records = parser.getRecords();
      header = Arrays.asList(records.get(0).values());
      for (CSVRecord r : records.subList(1, records.size())) {
        rows.add(r.values());
      }
    }
    return new Parsed(encoding, delimiter, header, rows);
  }
}
