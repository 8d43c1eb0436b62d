package org.edulake.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed-004 questionnaire: answers as form services export them. */
class SurveyDefinitionTest {
  static final SurveyDefinition SURVEY = SurveyDefinition.load("methodological_monitoring");

  @ParameterizedTest(name = "{0}: «{1}»")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      // code | cell | values | score | positive | no opinion | unknown
      "q01 | Полностью удовлетворён(а)            | Полностью удовлетворён(а) | 5.0 | true  | false | false",
      "q01 | скорее УДОВЛЕТВОРЕНА                 | Скорее удовлетворён(а)    | 4.0 | true  | false | false",
      "q01 | Частично                             | Частично удовлетворён(а)  | 3.0 | false | false | false",
      "q01 | Затрудняюсь ответить                 |                           | NULL| false | true  | false",
      "q01 | Не знаю что сказать                  |                           | NULL| false | false | true",
      "q02 | Да, все или почти все                | Да, все или почти все     | 3.0 | true  | false | false",
      "q07 | Школьный, Муниципальный (районный)   | муниципальный;школьный    | 2.0 | true  | false | false",
      "q07 | Региональный (краевой), Федеральный  | региональный;федеральный  | 4.0 | true  | false | false",
      "q07 | Не представлял(а)                    | нет                       | 0.0 | false | false | false",
      "q07 | Нигде, Школьный                      |                           | NULL| false | false | true",
      "q07 | Школьный, Другое: городской семинар  |                           | NULL| false | false | true",
      "q12 | Да                                   | Да                        | 1.0 | true  | false | false",
  })
  void answersAreParsedAsTheFormServicesWriteThem(String code, String cell, String values,
      Double score, boolean positive, boolean noOpinion, boolean unknown) {
    SurveyDefinition.Parsed p = SURVEY.parse(code, cell);
    List<String> expected = values == null ? List.of() : Arrays.asList(values.split(";"));
    assertEquals(expected, p.values());
    assertEquals(score, p.score());
    assertEquals(positive, p.positive());
    assertEquals(noOpinion, p.noOpinion());
    assertEquals(unknown, p.unknown());
  }

  @Test
  void anEmptyCellIsNoAnswer() {
    assertNull(SURVEY.parse("q03", "  "));
  }

  @Test
  void everySeedIndicatorHasOneQuestionAndTheSurveySourceHasItsColumns() {
    assertEquals(12, SURVEY.questions().size());
    for (int i = 1; i <= 12; i++) {
      SurveyDefinition.Question q = SURVEY.questions().get(i - 1);
      assertEquals(String.format("q%02d", i), q.code());
      assertEquals(i, q.seedIndicator());
      assertEquals(true, q.indicator().startsWith(q.code().replace("q", "survey_q") + "_"), q.indicator());
    }
    SourceContract surveys = Contracts.load().source("surveys");
    assertEquals(List.of("response_id", "submitted_at", "school_ref", "respondent_role", "q01",
        "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12"),
        surveys.columnNames());
  }

  @Test
  void rolesMapToCanonicalValues() {
    assertEquals("заместитель руководителя", SURVEY.roleOf("Заместитель директора по УВР"));
    assertEquals("педагог", SURVEY.roleOf("учитель"));
    assertNull(SURVEY.roleOf("ученик"));
  }
}
