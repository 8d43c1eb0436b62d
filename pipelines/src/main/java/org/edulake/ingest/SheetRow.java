package org.edulake.ingest;

import java.util.List;

/**
 * One row of a spreadsheet-like file: its row number as a spreadsheet shows it, and cells.
 * {@code truncated}: the file ends inside this row (a cut last line).
 */
public record SheetRow(long rowNumber, List<String> cells, boolean truncated) {
  public SheetRow(long rowNumber, List<String> cells) {
    this(rowNumber, cells, false);
  }

  public boolean isBlank() {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }
}
