package org.edulake.gold;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edulake.contract.ContractException;
import org.yaml.snakeyaml.Yaml;

/**
 * An indicator passport from schemas/indicators/&lt;id&gt;.yml: the whole definition. Numerator
 * and denominator are SQL expressions over columns of {@code baseTable}: a boolean expression
 * is counted, a numeric one summed. No denominator: a count indicator.
 */
public record IndicatorPassport(
    String indicatorId, String nameRu, String nameEn, String seed, String clause, String groupRu,
    List<String> sources, String baseTable, String unit, String direction, String numerator,
    String denominator, String lookback, Double target, Double redThreshold, List<String> levels,
    Integer minDenominator, Integer minCount, String definitionRu)
    implements Serializable {

  public static final List<String> UNITS = List.of("percent", "count", "ratio", "per_100");
  public static final List<String> LEVELS = List.of("school", "district", "region");

  public boolean isCount() {
    return denominator == null;
  }

  public boolean isShare() {
    return "percent".equals(unit);
  }

  public double scale() {
    return "percent".equals(unit) || "per_100".equals(unit) ? 100.0 : 1.0;
  }

  public int directionSign() {
    return "lower_is_better".equals(direction) ? -1 : 1;
  }

  public static List<IndicatorPassport> loadAll() {
    Map<String, Object> index = read("_index.yml");
    List<IndicatorPassport> all = new ArrayList<>();
    for (Object id : (List<?>) index.get("indicators")) {
      all.add(load(String.valueOf(id)));
    }
    return all;
  }

  public static IndicatorPassport load(String id) {
    String file = id + ".yml";
    Map<String, Object> y = read(file);
    if (!id.equals(y.get("indicator_id"))) {
      throw new ContractException("indicators/" + file, "indicator_id", "must equal the file name");
    }
    String unit = String.valueOf(y.get("unit"));
    if (!UNITS.contains(unit)) {
      throw new ContractException("indicators/" + file, "unit", "must be one of " + UNITS);
    }
    String direction = String.valueOf(y.get("direction"));
    if (!List.of("higher_is_better", "lower_is_better").contains(direction)) {
      throw new ContractException("indicators/" + file, "direction", "higher_is_better or lower_is_better");
    }
    if (y.get("numerator") == null) {
      throw new ContractException("indicators/" + file, "numerator", "is required");
    }
    if (!"count".equals(unit) && y.get("denominator") == null) {
      throw new ContractException("indicators/" + file, "denominator", "is required unless unit is count");
    }
    List<?> levels = (List<?>) y.getOrDefault("levels", LEVELS);
    return new IndicatorPassport(id, str(y, "name_ru"), str(y, "name_en"), str(y, "seed"),
        str(y, "clause"), str(y, "group_ru"),
        ((List<?>) y.get("sources")).stream().map(String::valueOf).toList(),
        str(y, "base_table"), unit, direction, str(y, "numerator"), str(y, "denominator"),
        str(y, "lookback"), dbl(y.get("target")), dbl(y.get("red_threshold")),
        levels.stream().map(String::valueOf).toList(),
        y.get("min_denominator") == null ? null : ((Number) y.get("min_denominator")).intValue(),
        y.get("min_count") == null ? null : ((Number) y.get("min_count")).intValue(),
        str(y, "definition_ru"));
  }

  private static Double dbl(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  private static String str(Map<String, Object> y, String key) {
    Object o = y.get(key);
    return o == null ? null : String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String file) {
    try (InputStream in = IndicatorPassport.class.getClassLoader()
        .getResourceAsStream("schemas/indicators/" + file)) {
      if (in == null) {
        throw new ContractException("indicators/" + file, "(file)", "not found");
      }
      return (Map<String, Object>) new Yaml().load(in);
    } catch (java.io.IOException e) {
      throw new ContractException("cannot read schemas/indicators/" + file, e);
    }
  }
}
