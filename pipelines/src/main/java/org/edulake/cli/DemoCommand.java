package org.edulake.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edulake.config.EdulakeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ./edulake demo: district-scale demo data for 2023-01 … 2026-01, the pipeline, the mart. */
@Command(name = "demo", description = "generate demo data, run the pipeline, publish the mart")
public final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  static final long DEMO_SEED = 20260104L;

  @Option(names = "--inbox", defaultValue = "data/demo-inbox", description = "where to write the demo inbox")
  Path inbox;

  @Mixin
  CommonOptions options;

  @Override
  public Integer call() throws Exception {
    EdulakeConfig config = options.load();
    long t0 = System.nanoTime();
    var summary = GenerateCommand.generate("district", DEMO_SEED, inbox, 0.02);
    log.info("demo inbox | {} files | {} defective rows | {} s", summary.files().size(),
        summary.defects().size(), org.edulake.pipeline.Pipeline.secs(t0));
    System.out.println("Демонстрационные файлы: " + inbox.toAbsolutePath());
    return RunCommand.runPipeline(config, inbox.toString(), List.of());
  }
}
