package org.edulake.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.edulake.cli.Main;
import org.edulake.mart.MartPublisher;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surveys end to end, one window (2025-05), three schools of one district with rosters of 4, 5
 * and 10 staff; two Yandex Forms CSV exports (the later one repeats and corrects the earlier
 * one's answers) and one Google Forms XLSX export. Every value below is worked out by hand.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyPipelineTest {
  static final String SCHOOL = "Код или полное наименование вашей образовательной организации";
  static final String ROLE = "Ваша должность";
  static final String Q01 = "Насколько вы удовлетворены методической поддержкой, которую получаете?";
  static final String Q07 = "На каких уровнях вы представляли свой профессиональный опыт за последний год?";
  static final String Q12 = "Утверждены ли в вашей организации локальные акты, регламентирующие "
      + "профессиональное развитие педагогических кадров?";
  static final String FREE_TEXT = "Ваши предложения";
  static final String SECRET_WISH = "хочу больше семинаров по ФГОС";

  @TempDir
  static Path tmp;
  Path mart;
  Path warehouse;

  @BeforeAll
  void run(SparkSession spark) throws Exception {
    Path w = tmp.resolve("inbox/2025-05");
    write(w.resolve("schools/registry.csv"), "Код ОО;Наименование ОО;Муниципальный район;Регион\n"
        + "0101;МБОУ СОШ № 1;Северный район;Тестовая область\n"
        + "0102;МБОУ Озёрная СОШ;Северный район;Тестовая область\n"
        + "0103;МКОУ Берёзовская ООШ;Северный район;Тестовая область\n");
    StringBuilder roster = new StringBuilder("СНИЛС;ФИО;Дата рождения;Код ОО;Должность;Образование;"
        + "Педагогический стаж;Квалификационная категория\n");
    int n = 0;
    for (String[] school : new String[][] {{"0101", "4"}, {"0102", "5"}, {"0103", "10"}}) {
      for (int i = 0; i < Integer.parseInt(school[1]); i++) {
        roster.append(snils(400_000_001L + n++)).append(";Тестова Анна;01.02.1980;").append(school[0])
            .append(";учитель;высшее педагогическое;12;первая\n");
      }
    }
    write(w.resolve("staff/roster.csv"), roster.toString());
    String header = csv("ID", "Время создания", SCHOOL, ROLE, Q01, Q07, Q12, FREE_TEXT);
    write(w.resolve("surveys/yandex_early.csv"), header
        + csv("1", "2025-05-05 09:00:00", "0101", "учитель", "Не удовлетворён(а)", "Школьный", "", "")
        + csv("2", "2025-05-05 09:10:00", "0101", "директор", "Частично", "Не представлял(а)", "Да", ""));
    write(w.resolve("surveys/yandex_late.csv"), header
        + csv("1", "2025-05-05 09:00:00", "0101", "учитель", "Полностью удовлетворён(а)",
            "Школьный, Муниципальный (районный)", "", SECRET_WISH)
        + csv("2", "2025-05-05 09:10:00", "0101", "директор", "Частично", "Не представлял(а)", "Да", "")
        + csv("3", "2025-05-06 11:00:00", "0101", "учитель", "Затрудняюсь ответить",
            "Региональный (краевой)", "Нет", "")
        + csv("4", "2025-05-07 12:00:00", "Озёрная СОШ", "учитель", "Скорее удовлетворена", "", "", ""));
    Files.setLastModifiedTime(w.resolve("surveys/yandex_early.csv"), FileTime.from(Instant.parse("2025-05-10T00:00:00Z")));
    Files.setLastModifiedTime(w.resolve("surveys/yandex_late.csv"), FileTime.from(Instant.parse("2025-05-20T00:00:00Z")));
    googleXlsx(w.resolve("surveys/google.xlsx"), List.of(
        new String[] {"0103", "учитель", "Полностью удовлетворён(а)", "", ""},
        new String[] {"0103", "учитель", "Скорее не удовлетворён(а)", "", ""},
        new String[] {"0103", "заместитель директора", "Затрудняюсь ответить", "", "В стадии разработки"},
        new String[] {"0103", "директор", "Скорее удовлетворён(а)", "Федеральный", "Да"}));
    warehouse = tmp.resolve("warehouse");
    mart = tmp.resolve("mart/edulake.duckdb");
    assertEquals(Main.OK, Main.execute("run", "--inbox", tmp.resolve("inbox").toString(),
        "--warehouse", warehouse.toString(), "--mart", mart.toString(),
        "--set", "privacy.min_count=0", "--set", "privacy.min_denominator=0"));
  }

  /** {numerator, denominator, value, status, low_confidence}. */
  Object[] value(String indicator, String level, String org) throws Exception {
    try (Connection c = MartPublisher.openReadOnly(mart); PreparedStatement st = c.prepareStatement(
        "select numerator, denominator, value, status, low_confidence from indicator_values "
            + "where indicator_id = ? and org_level = ? and (org_id = ? or ? = '*')")) {
      st.setString(1, indicator);
      st.setString(2, level);
      st.setString(3, org);
      st.setString(4, org);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "no row for " + indicator + " " + level + " " + org);
        Object[] v = {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getString(4), rs.getBoolean(5)};
        assertFalse(rs.next(), "one row");
        return v;
      }
    }
  }

  void share(String indicator, String level, String org, double num, double den, boolean low)
      throws Exception {
    Object[] v = value(indicator, level, org);
    String where = indicator + " " + level + " " + org;
    assertEquals("ok", v[3], where);
    assertEquals(num, (Double) v[0], 1e-9, where);
    assertEquals(den, (Double) v[1], 1e-9, where);
    assertEquals(100.0 * num / den, (Double) v[2], 1e-9, where);
    assertEquals(low, v[4], where + " low_confidence");
  }

  @Test
  void responseRateIsResponsesPerRosterHeadcountWithALaterExportSupersedingAnEarlierOne()
      throws Exception {
    // 0101: IDs 1, 2 sent twice (early and late export) and ID 3 → 3 responses of 4 staff;
    // ID 3 said «Затрудняюсь ответить» to q01 and still counts as a response
    share("survey_response_rate", "school", "0101", 3, 4, false);
    share("survey_response_rate", "school", "0102", 1, 5, false);
    share("survey_response_rate", "school", "0103", 4, 10, false);
    share("survey_response_rate", "district", "*", 8, 19, false);
  }

  @Test
  void noOpinionIsLeftOutOfTheDenominator() throws Exception {
    // 0101 q01: ID 1 «Полностью» (the late export's answer), ID 2 «Частично», ID 3 no opinion
    share("survey_q01_satisfied_support", "school", "0101", 1, 2, false);
    // 0103: «Полностью», «Скорее не», no opinion, «Скорее удовлетворён» → 2 of 3
    share("survey_q01_satisfied_support", "school", "0103", 2, 3, false);
    // district: (1 + 1 + 2) / (2 + 1 + 3), not the mean of the schools' shares
    share("survey_q01_satisfied_support", "district", "*", 4, 6, false);
  }

  @Test
  void aResponseRateBelowTheThresholdMarksTheSchoolsSurveyIndicatorsLowConfidence()
      throws Exception {
    // 0102: 1 response of 5 staff = 20 % < survey.min_response_rate 30 %
    share("survey_q01_satisfied_support", "school", "0102", 1, 1, true);
    assertEquals(true, value("survey_q12_local_acts", "school", "0102")[4]);
    assertEquals(false, value("staff_headcount", "school", "0102")[4], "not a survey indicator");
    assertEquals(false, value("survey_response_rate", "school", "0102")[4]);
  }

  @Test
  void multipleChoiceAnswersAreSplitAndCountOnce() throws Exception {
    // 0101 q07: «Школьный, Муниципальный (районный)» and «Региональный (краевой)» present
    // experience, «Не представлял(а)» does not → 2 of 3
    share("survey_q07_sharing_experience", "school", "0101", 2, 3, false);
  }

  @Test
  void localActsCountSchoolsByTheirAdministrationsAnswers() throws Exception {
    // 0101: the director says «Да» (a teacher's «Нет» is not the administration's) → 1 of 1;
    // 0103: the deputy «В стадии разработки», the director «Да» → 1 of 2 is not more than half
    share("survey_q12_local_acts", "school", "0101", 1, 1, false);
    share("survey_q12_local_acts", "school", "0103", 0, 1, false);
    Object[] v = value("survey_q12_local_acts", "school", "0102");
    assertEquals("no_data", v[3], "no administration answered");
    assertNull(v[2]);
    share("survey_q12_local_acts", "district", "*", 1, 2, false);
  }

  @Test
  void responsesAreAnonymousAndFreeTextStaysInBronze(SparkSession spark) {
    for (String t : List.of("silver/stg_surveys", "silver/fct_survey_answer", "gold/base_survey_window")) {
      var ds = spark.read().format("delta").load(warehouse.resolve(t).toString());
      List<String> columns = Arrays.asList(ds.columns());
      assertFalse(columns.contains("person_key"), t);
      assertFalse(columns.contains("_extra"), t);
      assertFalse(ds.toJSON().collectAsList().stream().anyMatch(j -> j.contains(SECRET_WISH)), t);
    }
    var bronze = spark.read().format("delta").load(warehouse.resolve("bronze/bronze_surveys").toString());
    assertEquals(1, bronze.filter(org.apache.spark.sql.functions.expr(
        "_extra['" + FREE_TEXT + "'] = '" + SECRET_WISH + "'")).count());
  }

  static String csv(String... cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      quoted.add("\"" + c.replace("\"", "\"\"") + "\"");
    }
    return String.join(",", quoted) + "\n";
  }

  static void write(Path p, String text) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** A Google Forms sheet: «Отметка времени» as a date-time cell, answers as text. */
  static void googleXlsx(Path p, List<String[]> answers) throws Exception {
    Files.createDirectories(p.getParent());
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
      Sheet sheet = wb.createSheet("Ответы на форму (1)");
      CellStyle stamp = wb.createCellStyle();
      stamp.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy hh:mm:ss"));
      String[] header = {"Отметка времени", SCHOOL, ROLE, Q01, Q07, Q12};
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 0; r < answers.size(); r++) {
        Row row = sheet.createRow(r + 1);
        var cell = row.createCell(0);
        cell.setCellValue(LocalDateTime.of(2025, 5, 12, 10, r));
        cell.setCellStyle(stamp);
        for (int i = 0; i < answers.get(r).length; i++) {
          if (!answers.get(r)[i].isEmpty()) {
            row.createCell(i + 1).setCellValue(answers.get(r)[i]);
          }
        }
      }
      wb.write(out);
    }
  }

  /** A valid СНИЛС for a 9-digit body (weights 9…1, mod 101, 100 → 00). */
  static String snils(long body) {
    String digits = String.format("%09d", body);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
    return digits + String.format("%02d", check);
  }
}
