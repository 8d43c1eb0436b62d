package org.edulake.contract;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A controlled vocabulary: canonical values with rank, kind and synonyms. Lookups go through
 * {@link HeaderMatcher#normalize}, so «Высшая КК», «высшая кк» and «ВКК» are one key each.
 */
public record Vocabulary(String name, boolean open, List<Entry> values) implements Serializable {

  /** A canonical value. {@code shownAs} replaces the value for display (legacy «вторая»). */
  public record Entry(
      String value, Integer rank, String kind, String requires, String shownAs, List<String> synonyms)
      implements Serializable {}

  /** Normalised spelling → canonical value, for every value and synonym. */
  public Map<String, String> lookup() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Entry e : values) {
      map.put(HeaderMatcher.normalize(e.value()), e.value());
      for (String s : e.synonyms()) {
        map.put(HeaderMatcher.normalize(s), e.value());
      }
    }
    return map;
  }

  public Entry entry(String canonical) {
    return values.stream().filter(e -> e.value().equals(canonical)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no value " + canonical));
  }
}
