package org.edulake.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;

/**
 * What the demo inbox has beyond the CSV files of {@link DemoDataGenerator}: the seed-004
 * questionnaire exports (Yandex and Google Forms, CSV and XLSX) and some files of the other
 * sources as XLSX. A separate pass over the written inbox, deterministic from the seed.
 */
public final class DemoInboxExtras {
  private DemoInboxExtras() {}

  public static GenerationSummary add(GenerationSummary generated, long seed, Path outDir,
      List<WindowId> windows) {
    Contracts contracts = Contracts.load();
    List<WindowId> sorted = windows.stream().distinct().sorted().toList();
    XlsxInboxConverter.clean(outDir, sorted.stream().map(WindowId::value).toList(), contracts);
    List<GenerationSummary.FileWritten> files = new ArrayList<>(generated.files());
    // surveys first: they read the rosters and registries back as the CSV files they are now
    files.addAll(SurveyExportGenerator.write(outDir, sorted, seed, contracts));
    GenerationSummary withSurveys = new GenerationSummary(files, generated.defects());
    return XlsxInboxConverter.convert(withSurveys, outDir, contracts);
  }
}
