package org.edulake.contract;

import java.io.Serializable;
import java.util.List;

/**
 * One column of a source contract. {@code type} is one of string, code, person_id, int, decimal,
 * date, boolean. {@code personal} is null, "drop" or the name of the silver column replacing it.
 */
public record ColumnSpec(
    String name,
    String headerRu,
    List<String> aliases,
    String type,
    boolean required,
    String vocabulary,
    Double min,
    Double max,
    String minDate,
    String personal,
    String defaultValue)
    implements Serializable {

  public boolean isPersonal() {
    return personal != null;
  }

  /** Every header text accepted for this column: canonical name, Russian header, aliases. */
  public List<String> acceptedHeaders() {
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add(name);
    if (headerRu != null) {
      all.add(headerRu);
    }
    all.addAll(aliases);
    return all;
  }
}
