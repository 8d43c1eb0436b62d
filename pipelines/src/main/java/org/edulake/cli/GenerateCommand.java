package org.edulake.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.edulake.config.UsageException;
import org.edulake.generate.DemoDataGenerator;
import org.edulake.generate.DemoInboxExtras;
import org.edulake.generate.GenerationSummary;
import org.edulake.generate.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./edulake generate --scale district|region|country --seed N --out DIR [--defects 0.02]. */
@Command(name = "generate", description = "write a deterministic synthetic inbox")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--scale", required = true, description = "district, region or country")
  String scale;

  @Option(names = "--seed", required = true, description = "random seed (same seed, same files)")
  long seed;

  @Option(names = "--out", required = true, description = "inbox folder to write")
  Path out;

  @Option(names = "--defects", defaultValue = "0.02", description = "share of defective rows")
  double defects;

  @Override
  public Integer call() throws Exception {
    GenerationSummary summary = generate(scale, seed, out, defects);
    System.out.printf(Locale.ROOT, "Сгенерировано файлов: %d, строк: %d, дефектных строк: %d%n"
            + "Папка: %s%n", summary.files().size(),
        summary.files().stream().mapToLong(GenerationSummary.FileWritten::rows).sum(),
        summary.defects().size(), out.toAbsolutePath());
    return Main.OK;
  }

  static GenerationSummary generate(String scale, long seed, Path out, double defects) throws Exception {
    Scale s;
    try {
      s = Scale.valueOf(scale.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--scale must be district, region or country, got: " + scale);
    }
    if (defects < 0 || defects > 0.5) {
      throw new UsageException("--defects must be between 0 and 0.5");
    }
    GenerationSummary csv = DemoDataGenerator.generate(s, seed, out, defects,
        DemoDataGenerator.DEFAULT_WINDOWS);
    // questionnaire exports (CSV and XLSX) and some XLSX files of the other sources
    return DemoInboxExtras.add(csv, seed, out, DemoDataGenerator.DEFAULT_WINDOWS);
  }
}
