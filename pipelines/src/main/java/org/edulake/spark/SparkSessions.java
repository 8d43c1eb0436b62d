package org.edulake.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.edulake.config.EdulakeConfig;

/** The only SparkSession factory, for production and tests alike. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(EdulakeConfig config) {
    SparkConf conf = new SparkConf(true);
    SparkSession.Builder builder = SparkSession.builder()
        .appName("edulake")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false");
    // Under spark-submit the master is set by the submitter; only the embedded default sets it.
    String master = config.getOrNull(EdulakeConfig.SPARK_MASTER);
    if (master != null && !conf.contains("spark.master")) {
      builder.master(master);
      builder.config("spark.driver.host", "127.0.0.1");
      builder.config("spark.driver.bindAddress", "127.0.0.1");
    }
    for (Map.Entry<String, String> e : config.asMap().entrySet()) {
      if (e.getKey().startsWith(EdulakeConfig.SPARK_CONF_PREFIX)) {
        builder.config(e.getKey().substring(EdulakeConfig.SPARK_CONF_PREFIX.length()), e.getValue());
      }
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
