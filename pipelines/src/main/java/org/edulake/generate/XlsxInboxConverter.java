package org.edulake.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.edulake.contract.ColumnSpec;
import org.edulake.contract.Contracts;
import org.edulake.contract.HeaderMatcher;
import org.edulake.contract.SourceContract;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.generate.GenerationSummary.InjectedDefect;
import org.edulake.ingest.CsvSheet;
import org.edulake.ingest.FileUnreadableException;
import org.edulake.ingest.SheetRow;

/**
 * Schools send spreadsheets as often as CSV (seed 004): turns every {@value #EVERY}-th roster
 * and log file of the generated inbox (by path order, so deterministically) and the registry of
 * the last window into XLSX, with dates and numbers stored as Excel stores them. Row numbers do
 * not change (the header stays row 1), so the injected defects keep their rows; their file
 * names follow the new extension.
 */
final class XlsxInboxConverter {
  static final int EVERY = 4;

  private XlsxInboxConverter() {}

  static GenerationSummary convert(GenerationSummary summary, Path outDir, Contracts contracts) {
    List<FileWritten> files = new ArrayList<>();
    List<InjectedDefect> defects = new ArrayList<>(summary.defects());
    String lastWindow = summary.files().stream().map(f -> f.window().value()).max(String::compareTo)
        .orElse("");
    List<FileWritten> sorted = summary.files().stream()
        .sorted(java.util.Comparator.comparing(FileWritten::path)).toList();
    int i = 0;
    for (FileWritten f : sorted) {
      if (f.source().equals("surveys")) {
        files.add(f);   // questionnaire exports come in both formats already
        continue;
      }
      boolean registry = f.source().equals("schools");
      boolean pick = registry ? f.window().value().equals(lastWindow) : i++ % EVERY == 0;
      if (!pick || !f.file().endsWith(".csv")) {
        files.add(f);
        continue;
      }
      String xlsxName = f.file().substring(0, f.file().length() - 4) + ".xlsx";
      Path csv = outDir.resolve(f.path());
      toXlsx(csv, csv.resolveSibling(xlsxName), contracts.source(f.source()));
      files.add(new FileWritten(f.window(), f.source(), xlsxName,
          f.path().substring(0, f.path().length() - 4) + ".xlsx", f.rows()));
      defects.replaceAll(d -> d.window().equals(f.window()) && d.source().equals(f.source())
          && d.file().equals(f.file())
          ? new InjectedDefect(d.window(), d.source(), xlsxName, d.rowNumber(), d.column(), d.rule())
          : d);
    }
    return new GenerationSummary(files, defects);
  }

  /** Removes workbooks an earlier run left in the folders this run writes. */
  static void clean(Path outDir, List<String> windows, Contracts contracts) {
    for (String w : windows) {
      for (SourceContract c : contracts.sources()) {
        Path folder = outDir.resolve(w).resolve(c.inboxFolder());
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> old = Files.list(folder)) {
          for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".xlsx")).toList()) {
            Files.delete(p);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot clean " + folder, e);
        }
      }
    }
  }

  static void toXlsx(Path csv, Path xlsx, SourceContract contract) {
    List<List<String>> rows = new ArrayList<>();
    try {
      CsvSheet.Decoded decoded = CsvSheet.decode(Files.readAllBytes(csv));
      CsvSheet.read(decoded.text(), CsvSheet.detectDelimiter(decoded.text()),
          (SheetRow r) -> rows.add(r.cells()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    } catch (FileUnreadableException e) {
      throw new IllegalStateException("generated file unreadable: " + csv + ": " + e.detailRu(), e);
    }
    List<String> header = rows.remove(0);
    List<XlsxExport.Kind> kinds = new ArrayList<>();
    Map<String, ColumnSpec> byHeader = new java.util.HashMap<>();
    for (ColumnSpec c : contract.columns()) {
      c.acceptedHeaders().forEach(h -> byHeader.put(HeaderMatcher.normalize(h), c));
    }
    for (String h : header) {
      ColumnSpec c = byHeader.get(HeaderMatcher.normalize(h));
      String type = c == null ? "string" : c.type();
      kinds.add(switch (type) {
        case "date" -> XlsxExport.Kind.DATE;
        case "int", "decimal" -> XlsxExport.Kind.NUMBER;
        default -> XlsxExport.Kind.TEXT;
      });
    }
    rows.removeIf(r -> r.stream().allMatch(x -> x == null || x.isEmpty()));
    XlsxExport.write(xlsx, "Лист1", header, kinds, rows);
    try {
      Files.delete(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + csv, e);
    }
  }
}
