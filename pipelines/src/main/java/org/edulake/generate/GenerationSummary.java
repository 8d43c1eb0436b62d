package org.edulake.generate;

import java.util.List;
import org.edulake.config.WindowId;

/**
 * What {@link DemoDataGenerator#generate} wrote: every file with its data-row count, and every
 * injected defect (one rule violation in one data row). Row numbers are as a spreadsheet shows
 * them: the header is row 1, the first data row is row 2.
 */
public record GenerationSummary(List<FileWritten> files, List<InjectedDefect> defects) {

  public GenerationSummary {
    files = List.copyOf(files);
    defects = List.copyOf(defects);
  }

  /** One written file; {@code path} is relative to the output folder, with '/' separators. */
  public record FileWritten(WindowId window, String source, String file, String path, long rows) {}

  /** One defect: the cell at ({@code rowNumber}, {@code column}) breaks rule {@code rule}. */
  public record InjectedDefect(
      WindowId window, String source, String file, long rowNumber, String column, String rule) {}

  public long rows(String source) {
    return files.stream().filter(f -> f.source().equals(source)).mapToLong(FileWritten::rows).sum();
  }

  public long rows(String source, WindowId window) {
    return files.stream().filter(f -> f.source().equals(source) && f.window().equals(window))
        .mapToLong(FileWritten::rows).sum();
  }

  public long fileCount(String source, WindowId window) {
    return files.stream().filter(f -> f.source().equals(source) && f.window().equals(window))
        .count();
  }

  public long totalRows() {
    return files.stream().mapToLong(FileWritten::rows).sum();
  }
}
