package org.edulake.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edulake.config.ConfigLoader;
import org.edulake.config.EdulakeConfig;
import picocli.CommandLine.Option;

/** Options shared by run, demo and validate: --warehouse, --mart, --config, --set. */
public final class CommonOptions {
  @Option(names = "--warehouse", description = "warehouse folder or URI (default data/warehouse)")
  String warehouse;

  @Option(names = "--mart", description = "DuckDB mart file (default data/mart/edulake.duckdb)")
  String mart;

  @Option(names = "--config", description = "YAML configuration file")
  Path config;

  @Option(names = "--set", description = "key=value, e.g. privacy.min_count=0")
  Map<String, String> sets = new LinkedHashMap<>();

  public EdulakeConfig load() {
    Map<String, String> all = new LinkedHashMap<>(sets);
    if (warehouse != null) {
      all.put(EdulakeConfig.WAREHOUSE_PATH, warehouse);
    }
    if (mart != null) {
      all.put(EdulakeConfig.MART_PATH, mart);
    }
    return ConfigLoader.load(config, all, System.getenv());
  }
}
