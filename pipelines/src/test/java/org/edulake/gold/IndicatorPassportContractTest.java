package org.edulake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every indicator id of SPEC §8 has exactly one passport whose file name is the id. */
class IndicatorPassportContractTest {
  /** SPEC §8, indicator ids (the survey ones come with the survey issue). */
  static final List<String> SPEC_IDS = List.of("staff_headcount", "staff_share_with_category",
      "staff_share_highest_rank", "staff_share_young", "staff_share_60_plus",
      "staff_share_higher_ped_education", "staff_share_attestation_due_12m",
      "staff_count_attestation_overdue", "staff_share_in_mentoring",
      "staff_share_young_with_mentor", "staff_share_beginning_with_mentor",
      "staff_share_independent_assessment", "staff_share_iom_over_70",
      "pd_share_36h_in_3y", "pd_count_needing_pd", "pd_share_hours_federal_register",
      "active_count_eligible", "staffing_teachers_per_methodist", "staffing_subjects_with_mo",
      "staffing_small_schools_needing_district_mo", "comp_share_staff_in_prof_competitions",
      "comp_share_young_in_prof_competitions", "comp_count_staff_winners_regional_plus",
      "comp_students_olympiad_per_100", "comp_count_student_winners_regional_plus",
      "events_share_staff_regional_federal", "events_share_support_oriented",
      "events_share_staff_presenting", "help_share_fulfilled_in_full");

  @Test
  void everySpecIdHasOnePassportAndTheIndexListsEveryFile() throws Exception {
    Set<String> files;
    try (var list = Files.list(Path.of("schemas/indicators"))) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .filter(n -> !n.startsWith("_")).map(n -> n.substring(0, n.length() - 4))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> indexed = IndicatorPassport.loadAll().stream().map(IndicatorPassport::indicatorId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files, indexed, "_index.yml and the passport files differ");
    for (String id : SPEC_IDS) {
      assertTrue(indexed.contains(id), "no passport for " + id);
    }
  }

  @Test
  void everyPassportCitesASeedAndHasRussianAndEnglishNames() {
    for (IndicatorPassport p : IndicatorPassport.loadAll()) {
      assertTrue(p.seed() != null && p.seed().matches("00[0-4]"), p.indicatorId() + " seed");
      assertNotNull(p.nameRu(), p.indicatorId());
      assertNotNull(p.nameEn(), p.indicatorId());
      assertTrue(!p.sources().isEmpty(), p.indicatorId() + " sources");
    }
  }
}
