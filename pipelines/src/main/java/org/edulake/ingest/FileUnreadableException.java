package org.edulake.ingest;

/**
 * A file that cannot be read as a table; {@code detailRu} tells the steward why, in Russian.
 * {@code row} (spreadsheet numbering, 0 when unknown) and {@code cellIndex} (0-based, -1 when
 * unknown) say where the damage starts.
 */
public class FileUnreadableException extends Exception {
  private final String detailRu;
  private final long row;
  private final int cellIndex;

  public FileUnreadableException(String detailRu, Throwable cause) {
    this(detailRu, 0, -1, cause);
  }

  public FileUnreadableException(String detailRu, long row, int cellIndex, Throwable cause) {
    super(detailRu, cause);
    this.detailRu = detailRu;
    this.row = row;
    this.cellIndex = cellIndex;
  }

  public String detailRu() {
    return detailRu;
  }

  public long row() {
    return row;
  }

  public int cellIndex() {
    return cellIndex;
  }
}
