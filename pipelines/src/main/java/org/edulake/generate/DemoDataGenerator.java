package org.edulake.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.generate.GenerationSummary.InjectedDefect;

/**
 * Generates a realistic synthetic inbox (SPEC §6): {@code <out>/<window>/<inbox_folder>/<file>}
 * for schools (one registry per region and window), staff and the five logs (one file per
 * district and window). Deterministic: one {@code SplittableRandom(seed)} is split, in a fixed
 * order, into a stream for the geography, the shared calendar, the registry and each district,
 * so the same seed gives byte-identical files; districts are independent and may be written in
 * parallel. Only one district's persons are in memory per worker, so a country streams to disk.
 */
public final class DemoDataGenerator {
  /** SPEC §8: the demo's seven windows, January and May. */
  public static final List<WindowId> DEFAULT_WINDOWS = Stream.of("2023-01", "2023-05", "2024-01",
      "2024-05", "2025-01", "2025-05", "2026-01").map(WindowId::of).toList();
  /** SPEC §8: {@code --defects} default. */
  public static final double DEFAULT_DEFECT_SHARE = 0.02;
  public static final double MAX_DEFECT_SHARE = 0.5;
  /** Sources written per district, in file-writing order (the registry is per region). */
  static final List<String> DISTRICT_SOURCES = List.of("staff", "pd_courses", "competitions",
      "method_events", "event_participants", "help_requests");

  private DemoDataGenerator() {}

  public static GenerationSummary generate(Scale scale, long seed, Path outDir) {
    return generate(scale, seed, outDir, DEFAULT_DEFECT_SHARE, DEFAULT_WINDOWS);
  }

  /**
   * Writes the inbox and returns what was written. Existing CSV files in the window/source
   * folders that this run writes to are removed first, so a re-run leaves exactly its own files.
   */
  public static GenerationSummary generate(Scale scale, long seed, Path outDir, double defectShare,
      List<WindowId> windows) {
    if (!(defectShare >= 0 && defectShare <= MAX_DEFECT_SHARE)) {
      throw new IllegalArgumentException(
          "defect share must be between 0 and " + MAX_DEFECT_SHARE + "; got " + defectShare);
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window is needed");
    }
    List<WindowId> sorted = windows.stream().distinct().sorted().toList();
    Contracts contracts = Contracts.load();
    InboxContext context = new InboxContext(outDir, contracts, defectShare);
    clean(outDir, sorted, contracts);

    SplittableRandom root = new SplittableRandom(seed);
    Geography geography = Geography.generate(scale, root.split());
    int firstYear = sorted.get(0).yearMonth().getYear() - 4;
    int lastYear = sorted.get(sorted.size() - 1).yearMonth().getYear() + 1;
    OlympiadCalendar calendar = OlympiadCalendar.generate(geography.regions().size(), firstYear,
        lastYear, root.split());
    long snilsOffset = root.split().nextLong(1_000_000_000L);
    SplittableRandom registryRng = root.split();
    List<SplittableRandom> districtRngs = new ArrayList<>();
    for (int i = 0; i < geography.districts().size(); i++) {
      districtRngs.add(root.split());
    }

    List<FileWritten> files = new ArrayList<>();
    List<InjectedDefect> defects = new ArrayList<>();
    for (WindowId window : sorted) {
      for (Geography.Region region : geography.regions()) {
        InboxFileWriter out = SchoolRegistryGenerator.writer(context, window, region, registryRng);
        try {
          SchoolRegistryGenerator.write(out, geography, region, sorted.get(0), window);
        } finally {
          out.close();
        }
        files.add(out.written());
      }
    }

    int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
        geography.districts().size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<DistrictSimulation.Result>> results = new ArrayList<>();
      for (Geography.District d : geography.districts()) {
        SplittableRandom rng = districtRngs.get(d.index());
        results.add(pool.submit(
            () -> DistrictSimulation.run(context, d, calendar, sorted, rng, snilsOffset)));
      }
      for (Future<DistrictSimulation.Result> f : results) {
        DistrictSimulation.Result r = f.get();
        files.addAll(r.files());
        defects.addAll(r.defects());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("generation interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("generation failed", cause);
    } finally {
      pool.shutdownNow();
    }
    return new GenerationSummary(files, defects);
  }

  private static void clean(Path outDir, List<WindowId> windows, Contracts contracts) {
    for (WindowId w : windows) {
      for (String source : Contracts.SOURCES) {
        Path folder = outDir.resolve(w.value()).resolve(contracts.source(source).inboxFolder());
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> old = Files.list(folder)) {
          for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
            Files.delete(p);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot clean " + folder, e);
        }
      }
    }
  }
}
