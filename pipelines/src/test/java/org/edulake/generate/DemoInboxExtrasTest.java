package org.edulake.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edulake.config.WindowId;
import org.edulake.contract.Contracts;
import org.edulake.contract.SourceContract;
import org.edulake.contract.SurveyDefinition;
import org.edulake.ingest.FileDecoder;
import org.edulake.ingest.InboxFile;
import org.edulake.ingest.ProbedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo inbox's questionnaire exports and workbooks, read back with the real decoder. */
class DemoInboxExtrasTest {
  static final List<WindowId> FOUR_WINDOWS = DemoDataGenerator.DEFAULT_WINDOWS.subList(0, 4);

  @TempDir static Path inbox;
  static GenerationSummary summary;
  static Contracts contracts;

  @BeforeAll
  static void generate() {
    contracts = Contracts.load();
    GenerationSummary csv = DemoDataGenerator.generate(Scale.DISTRICT, 11, inbox, 0.02, FOUR_WINDOWS);
    summary = DemoInboxExtras.add(csv, 11, inbox, FOUR_WINDOWS);
  }

  @Test
  void questionnairesComeInBothFormatsFromBothFormServices() {
    List<String> names = summary.files().stream().filter(f -> f.source().equals("surveys"))
        .map(f -> f.path()).toList();
    assertEquals(4, names.size(), names.toString());   // one district, one export per window
    assertTrue(names.stream().anyMatch(n -> n.endsWith(".csv")), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.endsWith(".xlsx")), names.toString());
  }

  @Test
  void everyGeneratedFileReadsAndEverySummaryRowIsThere() throws Exception {
    int workbooks = 0;
    for (GenerationSummary.FileWritten f : summary.files()) {
      Path p = inbox.resolve(f.path());
      assertTrue(Files.exists(p), f.path());
      SourceContract c = contracts.source(f.source());
      byte[] bytes = Files.readAllBytes(p);
      InboxFile file = new InboxFile(f.window().value(), f.source(), p.toUri().toString(),
          c.inboxFolder() + "/" + f.file(), bytes.length, 0L);
      ProbedFile probed = new FileDecoder(c).probe(file, bytes);
      assertFalse(probed.rejected(), f.path() + ": " + probed.rejectDetail());
      assertEquals(f.rows(), probed.dataRows(), f.path());
      workbooks += f.file().endsWith(".xlsx") && !f.source().equals("surveys") ? 1 : 0;
    }
    assertTrue(workbooks >= 3, "some roster, log and registry files are workbooks: " + workbooks);
  }

  @Test
  void answersAreTheFormsOwnAndSomeSchoolsAnswerRarely() throws Exception {
    SurveyDefinition survey = contracts.survey("surveys");
    SourceContract c = contracts.source("surveys");
    Map<String, Integer> responses = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (GenerationSummary.FileWritten f : summary.files()) {
      if (!f.source().equals("surveys")) {
        continue;
      }
      Path p = inbox.resolve(f.path());
      byte[] bytes = Files.readAllBytes(p);
      InboxFile file = new InboxFile(f.window().value(), "surveys", p.toUri().toString(),
          "surveys/" + f.file(), bytes.length, 0L);
      FileDecoder decoder = new FileDecoder(c);
      ProbedFile probed = decoder.probe(file, bytes);
      assertTrue(probed.unknownHeaders().contains(SurveyExportGenerator.FREE_TEXT), probed.unknownHeaders().toString());
      decoder.rows(probed, bytes, row -> {
        responses.merge(f.window().value() + "|" + row.values().get("school_ref"), 1, Integer::sum);
        for (SurveyDefinition.Question q : survey.questions()) {
          SurveyDefinition.Parsed a = survey.parse(q.code(), row.values().get(q.code()));
          if (a != null && a.unknown()) {
            unknown.add(q.code() + ": " + row.values().get(q.code()));
          }
        }
      });
    }
    assertEquals(List.of(), unknown);
    assertTrue(responses.size() > 10, responses.toString());
  }

  @Test
  void aRerunLeavesNoStaleWorkbooks() throws IOException {
    long before;
    try (var all = Files.walk(inbox)) {
      before = all.filter(p -> p.toString().endsWith(".xlsx")).count();
    }
    DemoInboxExtras.add(DemoDataGenerator.generate(Scale.DISTRICT, 11, inbox, 0.02, FOUR_WINDOWS),
        11, inbox, FOUR_WINDOWS);
    try (var all = Files.walk(inbox)) {
      assertEquals(before, all.filter(p -> p.toString().endsWith(".xlsx")).count());
    }
  }
}
