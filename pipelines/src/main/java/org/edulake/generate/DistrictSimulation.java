package org.edulake.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edulake.config.MonitoringWindow;
import org.edulake.config.WindowId;
import org.edulake.generate.GenerationSummary.FileWritten;
import org.edulake.generate.GenerationSummary.InjectedDefect;

/**
 * One district over all windows: the roster evolves window by window and each window gets one
 * file per source for the district (staff and the five logs). Only this district's state is held,
 * so a country streams district by district.
 */
final class DistrictSimulation {
  /** Share of a district's files written in another flavour than the district's usual one. */
  static final double SHARE_OTHER_FLAVOUR = 0.6;

  record Result(List<FileWritten> files, List<InjectedDefect> defects) {}

  private DistrictSimulation() {}

  static Result run(InboxContext context, Geography.District district, OlympiadCalendar calendar,
      List<WindowId> windows, SplittableRandom rng, long snilsOffset) {
    DistrictState state = new DistrictState(district, calendar, rng, snilsOffset);
    StaffRosterGenerator roster = new StaffRosterGenerator(state);
    PdCourseGenerator pd = new PdCourseGenerator(state);
    CompetitionGenerator competitions = new CompetitionGenerator(state);
    MethodEventGenerator events = new MethodEventGenerator(state);
    HelpRequestGenerator help = new HelpRequestGenerator(state);
    FileFlavour usual = FileFlavour.pick(rng);
    List<FileWritten> files = new ArrayList<>();
    List<InjectedDefect> defects = new ArrayList<>();
    LocalDate previous = null;
    for (WindowId window : windows) {
      LocalDate ref = window.lastDay();
      LocalDate from;
      LocalDate pdFrom;
      if (previous == null) {
        roster.initial(ref);
        from = ref.minusMonths(MonitoringWindow.YEAR_MONTHS);
        pdFrom = ref.minusMonths(MonitoringWindow.PD_MONTHS);
      } else {
        roster.evolve(previous, ref);
        from = previous;
        pdFrom = previous;
      }
      Writers w = new Writers(context, window, district.code(), usual, rng);
      try {
        roster.write(w.open("staff"), ref, rng.nextBoolean());
        pd.write(w.open("pd_courses"), pdFrom, ref);
        competitions.write(w.open("competitions"), from, ref);
        events.write(w.open("method_events"), w.open("event_participants"), from, ref);
        help.write(w.open("help_requests"), from, ref);
      } finally {
        w.close(files, defects);
      }
      previous = ref;
    }
    return new Result(files, defects);
  }

  /** The files of one district and window, opened in a fixed order. */
  private static final class Writers {
    private final InboxContext context;
    private final WindowId window;
    private final String code;
    private final FileFlavour usual;
    private final SplittableRandom rng;
    private final List<InboxFileWriter> open = new ArrayList<>();

    Writers(InboxContext context, WindowId window, String code, FileFlavour usual,
        SplittableRandom rng) {
      this.context = context;
      this.window = window;
      this.code = code;
      this.usual = usual;
      this.rng = rng;
    }

    InboxFileWriter open(String source) {
      FileFlavour flavour = rng.nextDouble() < SHARE_OTHER_FLAVOUR ? FileFlavour.pick(rng) : usual;
      InboxFileWriter writer = new InboxFileWriter(context, window, source,
          source + "_" + code + ".csv", flavour, rng.split(), true);
      open.add(writer);
      return writer;
    }

    void close(List<FileWritten> files, List<InjectedDefect> defects) {
      for (InboxFileWriter writer : open) {
        writer.close();
        FileWritten written = writer.written();
        if (written != null) {
          files.add(written);
          defects.addAll(writer.defects());
        }
      }
    }
  }
}
