package org.edulake.generate;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.edulake.config.WindowId;

/**
 * The school registry (SPEC §3 schools): one file per region and window with every school of the
 * region; student counts drift from window to window (urban schools grow, rural ones shrink), and
 * a school below {@link Geography#SMALL_SCHOOL_MAX_STUDENTS} pupils is малокомплектная.
 */
final class SchoolRegistryGenerator {
  private SchoolRegistryGenerator() {}

  static void write(InboxFileWriter out, Geography geography, Geography.Region region,
      WindowId first, WindowId window) {
    double years = ChronoUnit.MONTHS.between(first.yearMonth(), window.yearMonth()) / 12.0;
    for (Geography.District d : geography.districtsOf(region)) {
      for (Geography.School s : d.schools()) {
        int students = s.students(years);
        out.row().set("school_id", s.id()).set("school_name", s.name()).set("district", d.name())
            .set("region", region.name()).set("settlement_type", s.settlementType())
            .set("school_type", s.schoolType())
            .set("is_small_class", students < Geography.SMALL_SCHOOL_MAX_STUDENTS)
            .set("student_count", students).write();
      }
    }
  }

  static InboxFileWriter writer(InboxContext context, WindowId window, Geography.Region region,
      SplittableRandom rng) {
    return new InboxFileWriter(context, window, "schools", "schools_" + region.code() + ".csv",
        FileFlavour.pick(rng), rng.split(), false);
  }
}
