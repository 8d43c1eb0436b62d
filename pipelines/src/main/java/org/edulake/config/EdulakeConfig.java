package org.edulake.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Effective configuration: a flat map of dotted keys after {@link ConfigLoader} merged defaults,
 * --config file, environment and --set (later wins). Typed accessors for the keys code uses.
 */
public final class EdulakeConfig implements java.io.Serializable {
  public static final String WAREHOUSE_PATH = "warehouse.path";
  public static final String MART_PATH = "mart.path";
  public static final String PRIVACY_MIN_COUNT = "privacy.min_count";
  public static final String PRIVACY_MIN_DENOMINATOR = "privacy.min_denominator";
  public static final String CATEGORIES_SCHEME = "categories.scheme";
  public static final String PERSON_KEY_SECRET = "person_key.secret";
  public static final String SPARK_MASTER = "spark.master";
  public static final String SPARK_CONF_PREFIX = "spark.conf.";
  public static final String TRENDS_YEARS = "trends.years";
  public static final String SURVEY_MIN_RESPONSE_RATE = "survey.min_response_rate";
  public static final String PIPELINE_PARALLEL_WRITES = "pipeline.parallel_writes";

  private final Map<String, String> values;

  public EdulakeConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new UsageException("configuration key " + key + " is not set");
    }
    return v;
  }

  public String getOrNull(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? null : v;
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(get(key).trim());
    } catch (NumberFormatException e) {
      throw new UsageException("configuration key " + key + " must be an integer: " + get(key));
    }
  }

  public double getDouble(String key) {
    try {
      return Double.parseDouble(get(key).trim());
    } catch (NumberFormatException e) {
      throw new UsageException("configuration key " + key + " must be a number: " + get(key));
    }
  }

  public Path warehousePath() {
    return Path.of(get(WAREHOUSE_PATH));
  }

  public String warehouseUri() {
    String p = get(WAREHOUSE_PATH);
    return p.contains("://") ? p : Path.of(p).toAbsolutePath().toUri().toString();
  }

  public Path martPath() {
    return Path.of(get(MART_PATH)).toAbsolutePath();
  }

  public int privacyMinCount() {
    return getInt(PRIVACY_MIN_COUNT);
  }

  public int privacyMinDenominator() {
    return getInt(PRIVACY_MIN_DENOMINATOR);
  }

  public String categoriesScheme() {
    String s = get(CATEGORIES_SCHEME).trim().toLowerCase();
    if (!s.equals("ru") && !s.equals("kz")) {
      throw new UsageException("categories.scheme must be ru or kz, got: " + s);
    }
    return s;
  }

  /** Percent; below it a school's survey indicators are low confidence (SPEC §4.2). */
  public double surveyMinResponseRate() {
    return getDouble(SURVEY_MIN_RESPONSE_RATE);
  }

  /** How many tables a stage writes at once (SparkSessions: jobs share the executors). */
  public int parallelWrites() {
    int n = getInt(PIPELINE_PARALLEL_WRITES);
    if (n < 1) {
      throw new UsageException(PIPELINE_PARALLEL_WRITES + " must be at least 1, got: " + n);
    }
    return n;
  }

  public String personKeySecret() {
    return get(PERSON_KEY_SECRET);
  }

  public EdulakeConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new EdulakeConfig(copy);
  }

  /** For the start-up log: the secret is masked. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(k).append('=')
        .append(k.equals(PERSON_KEY_SECRET) ? "****" : v).append("; "));
    return sb.toString();
  }
}
