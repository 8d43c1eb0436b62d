package org.edulake.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * One precedence order: classpath defaults, then --config FILE, then the environment
 * (EDULAKE_PRIVACY_MIN_COUNT for privacy.min_count), then --set key=value. An unknown key fails
 * and lists the known ones; spark.conf.* keys pass through to Spark.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "edulake-defaults.yml";

  private ConfigLoader() {}

  public static EdulakeConfig load(Path configFile, Map<String, String> sets, Map<String, String> env) {
    Map<String, String> merged = new TreeMap<>(flatten(readDefaults()));
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        throw new UsageException("configuration file not found: " + configFile);
      }
      try (InputStream in = Files.newInputStream(configFile)) {
        overlay(merged, flatten(new Yaml().load(in)), "--config " + configFile);
      } catch (IOException e) {
        throw new UsageException("cannot read configuration file " + configFile + ": " + e.getMessage());
      }
    }
    Map<String, String> fromEnv = new TreeMap<>();
    for (String key : merged.keySet()) {
      String envName = "EDULAKE_" + key.toUpperCase().replace('.', '_');
      if (env.containsKey(envName)) {
        fromEnv.put(key, env.get(envName));
      }
    }
    overlay(merged, fromEnv, "environment");
    overlay(merged, sets, "--set");
    return new EdulakeConfig(merged);
  }

  public static EdulakeConfig defaults() {
    return load(null, Map.of(), Map.of());
  }

  private static void overlay(Map<String, String> base, Map<String, String> layer, String origin) {
    for (Map.Entry<String, String> e : layer.entrySet()) {
      String key = e.getKey();
      if (!base.containsKey(key) && !key.startsWith(EdulakeConfig.SPARK_CONF_PREFIX)) {
        throw new UsageException("unknown configuration key '" + key + "' (from " + origin
            + "); known keys: " + String.join(", ", base.keySet()));
      }
      base.put(key, e.getValue() == null ? "" : e.getValue());
    }
  }

  private static Object readDefaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS, e);
    }
  }

  static Map<String, String> flatten(Object yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    flattenInto("", yaml, out);
    return out;
  }

  private static void flattenInto(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
        flattenInto(key, e.getValue(), out);
      }
    } else if (!prefix.isEmpty()) {
      out.put(prefix, node == null ? "" : String.valueOf(node));
    }
  }
}
