package org.edulake.ingest;

import java.util.List;

/** One row of a spreadsheet-like file: its row number as a spreadsheet shows it, and cells. */
public record SheetRow(long rowNumber, List<String> cells) {
  public boolean isBlank() {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }
}
