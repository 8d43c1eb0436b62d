package org.edulake.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What reading a whole file told us before loading it: its hash, encoding, delimiter, the
 * header mapped to contract columns, and, when the file cannot be loaded, the file-level rule.
 * {@code headerOf} maps a canonical column to the header text as it appears in the file.
 */
public record ProbedFile(
    InboxFile file,
    String sha256,
    String encoding,
    String delimiter,
    Map<String, Integer> columnIndex,
    Map<String, String> headerOf,
    List<String> unknownHeaders,
    Map<String, Integer> unknownIndex,
    String rejectRule,
    String rejectColumn,
    String rejectDetail,
    int dataRows)
    implements Serializable {

  public boolean rejected() {
    return rejectRule != null;
  }
}
