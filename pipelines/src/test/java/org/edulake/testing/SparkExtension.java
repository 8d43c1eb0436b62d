package org.edulake.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.edulake.config.ConfigLoader;
import org.edulake.config.EdulakeConfig;
import org.edulake.spark.SparkSessions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the suite's one session: @ExtendWith(SparkExtension.class) void t(SparkSession spark). */
public final class SparkExtension implements ParameterResolver {
  /** local[2], two shuffle partitions, UI off, driver on loopback. */
  public static EdulakeConfig testConfig() {
    return ConfigLoader.load(null, Map.of(
        "spark.master", "local[2]",
        "spark.conf.spark.sql.shuffle.partitions", "2",
        "spark.conf.spark.databricks.delta.snapshotPartitions", "1",
        "spark.conf.spark.ui.enabled", "false",
        "spark.conf.spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2"), Map.of());
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedSpark.class, k -> new SharedSpark(), SharedSpark.class).session;
  }

  private static final class SharedSpark implements ExtensionContext.Store.CloseableResource {
    final SparkSession session = SparkSessions.create(testConfig());

    @Override
    public void close() {
      session.stop();
    }
  }
}
