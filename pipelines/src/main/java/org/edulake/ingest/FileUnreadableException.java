package org.edulake.ingest;

/** A file that cannot be read as a table; {@code detailRu} tells the steward why, in Russian. */
public class FileUnreadableException extends Exception {
  private final String detailRu;

  public FileUnreadableException(String detailRu, Throwable cause) {
    super(detailRu, cause);
    this.detailRu = detailRu;
  }

  public String detailRu() {
    return detailRu;
  }
}
