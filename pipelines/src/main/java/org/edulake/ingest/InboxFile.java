package org.edulake.ingest;

import java.io.Serializable;

/**
 * A file found in the inbox: {@code <inbox>/<window>/<source folder>/<name>}. {@code fileName}
 * is the path relative to the window folder, as the steward sees it («staff/school_0412.csv»).
 */
public record InboxFile(
    String windowId, String source, String uri, String fileName, long sizeBytes, long modifiedAtMillis)
    implements Serializable {

  public boolean isXlsx() {
    return fileName.toLowerCase().endsWith(".xlsx");
  }
}
