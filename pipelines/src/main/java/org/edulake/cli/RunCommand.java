package org.edulake.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.edulake.config.EdulakeConfig;
import org.edulake.config.UsageException;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;
import org.edulake.pipeline.BatchRejectedException;
import org.edulake.pipeline.Pipeline;
import org.edulake.pipeline.RunSummary;
import org.edulake.spark.SparkSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ./edulake run --inbox DIR [--window YYYY-MM …]: inbox → bronze → silver → gold → mart. */
@Command(name = "run", description = "load the inbox, compute gold, publish the mart")
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--inbox", required = true, description = "inbox folder: <inbox>/<YYYY-MM>/<source>/")
  String inbox;

  @Option(names = "--window", description = "window to load, YYYY-MM (repeatable)")
  List<String> windows = new ArrayList<>();

  @Mixin
  CommonOptions options;

  @Override
  public Integer call() throws Exception {
    EdulakeConfig config = options.load();
    return runPipeline(config, inbox, parseWindows(windows));
  }

  static List<WindowId> parseWindows(List<String> raw) {
    List<WindowId> out = new ArrayList<>();
    for (String w : raw) {
      try {
        out.add(WindowId.of(w));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return out;
  }

  static int runPipeline(EdulakeConfig config, String inbox, List<WindowId> windows) throws Exception {
    config.categoriesScheme();
    log.info("configuration: {}", config.describe());
    SparkSession spark = SparkSessions.create(config);
    Pipeline.RunResult result = new Pipeline(spark, config).run(inboxUri(inbox), windows);
    System.out.println(RunSummary.render(result.mart().path(), result, config.warehousePath()));
    if (!result.load().rejected().isEmpty()) {
      throw new BatchRejectedException(Pipeline.rejectedMessage(result.load().rejected(),
          Contracts.load()));
    }
    return Main.OK;
  }

  static String inboxUri(String inbox) {
    return inbox.contains("://") ? inbox : Path.of(inbox).toAbsolutePath().toUri().toString();
  }
}
