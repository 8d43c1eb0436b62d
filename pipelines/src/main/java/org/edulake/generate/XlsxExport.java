package org.edulake.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet of text cells as an XLSX workbook the way Excel stores what people type:
 * a date as a date cell, a number in a numeric column as a number, everything else (codes,
 * СНИЛС, answers) as text. Streaming (SXSSF), so a large roster needs little memory.
 */
final class XlsxExport {
  /** How a column is stored: as typed text, as a number when it is one, or as a date. */
  enum Kind { TEXT, NUMBER, DATE, DATE_TIME }

  private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
  private static final DateTimeFormatter RU_DATE_TIME = DateTimeFormatter.ofPattern("d.M.uuuu H:mm:ss");
  private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private static final java.util.Date FIXED_TIME = new java.util.Date(1_672_531_200_000L); // 2023-01-01

  private XlsxExport() {}

  /** Copies the zip {@code from} to {@code to}, every entry stamped with the same time. */
  private static void copyWithFixedEntryTimes(Path from, Path to) throws IOException {
    try (var in = new java.util.zip.ZipFile(from.toFile());
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
      for (var e : java.util.Collections.list(in.entries())) {
        var copy = new java.util.zip.ZipEntry(e.getName());
        copy.setTime(FIXED_TIME.getTime());
        out.putNextEntry(copy);
        try (var data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  static void write(Path path, String sheetName, List<String> header, List<Kind> kinds,
      List<List<String>> rows) {
    try {
      Files.createDirectories(path.getParent());
      // POI's zip writer stamps every entry "now": the workbook goes to a scratch file first
      Path scratch = Files.createTempFile("edulake-xlsx", ".zip");
      try {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(scratch)) {
          // the same seed gives the same bytes: fixed document dates (POI stamps "now")
          var props = wb.getXSSFWorkbook().getProperties().getCoreProperties();
          props.setCreated(java.util.Optional.of(FIXED_TIME));
          props.setModified(java.util.Optional.of(FIXED_TIME));
          CellStyle date = wb.createCellStyle();
          date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
          CellStyle stamp = wb.createCellStyle();
          stamp.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy hh:mm:ss"));
          Sheet sheet = wb.createSheet(sheetName);
          Row h = sheet.createRow(0);
          for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
          }
          for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<String> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
              String v = cells.get(i);
              if (v == null || v.isEmpty()) {
                continue;
              }
              Cell cell = row.createCell(i);
              Kind kind = i < kinds.size() ? kinds.get(i) : Kind.TEXT;
              if (!typed(cell, kind, v, date, stamp)) {
                cell.setCellValue(v);   // as typed: a defect stays a defect
              }
            }
          }
          wb.write(out);
          wb.dispose();
        }
        copyWithFixedEntryTimes(scratch, path);
      } finally {
        Files.deleteIfExists(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static boolean typed(Cell cell, Kind kind, String v, CellStyle date, CellStyle stamp) {
    switch (kind) {
      case NUMBER -> {
        String n = v.replace(',', '.');
        if (n.matches("-?[0-9]+(\\.[0-9]+)?")) {
          cell.setCellValue(Double.parseDouble(n));
          return true;
        }
        return false;
      }
      case DATE -> {
        LocalDate d = parseDate(v);
        if (d != null && d.getYear() >= 1900) {
          cell.setCellValue(d);
          cell.setCellStyle(date);
          return true;
        }
        return false;
      }
      case DATE_TIME -> {
        for (DateTimeFormatter f : List.of(RU_DATE_TIME, ISO_DATE_TIME)) {
          try {
            cell.setCellValue(LocalDateTime.parse(v, f));
            cell.setCellStyle(stamp);
            return true;
          } catch (DateTimeParseException e) {
            // try the next form
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  static LocalDate parseDate(String v) {
    for (DateTimeFormatter f : List.of(RU_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
      try {
        return LocalDate.parse(v, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }
}
