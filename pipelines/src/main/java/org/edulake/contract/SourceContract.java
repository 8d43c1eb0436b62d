package org.edulake.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A source-file contract from schemas/sources/&lt;source&gt;.yml. {@code kind} is registry,
 * snapshot or log; {@code naturalKey} lists the key columns of a log (empty: the whole row).
 */
public record SourceContract(
    String source,
    String description,
    String inboxFolder,
    String kind,
    List<String> naturalKey,
    List<ColumnSpec> columns,
    List<RuleSpec> rules)
    implements Serializable {

  public static final String KIND_REGISTRY = "registry";
  public static final String KIND_SNAPSHOT = "snapshot";
  public static final String KIND_LOG = "log";

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public boolean hasColumn(String name) {
    return column(name).isPresent();
  }

  public boolean isLog() {
    return KIND_LOG.equals(kind);
  }
}
