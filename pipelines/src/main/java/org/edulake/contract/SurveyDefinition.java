package org.edulake.contract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A questionnaire from schemas/surveys/&lt;survey&gt;.yml: questions with their header texts
 * (aliases, because wording changes between windows), answers with scores and positive flags,
 * the no-opinion answers, the question identifying the school and the respondent's role. It
 * also parses one answer cell ({@link #parse}); the same code runs in tests and Spark.
 */
public record SurveyDefinition(
    String survey, String nameRu, String seed, List<String> noOpinion, SchoolQuestion school,
    RoleQuestion role, List<Question> questions) implements Serializable {

  /** The multiple-choice separator of Yandex and Google Forms exports. */
  public static final String CHOICE_SEPARATOR = ", ";

  public record SchoolQuestion(String code, String text, List<String> aliases,
      double minNameConfidence, List<String> ignoreWords) implements Serializable {}

  public record RoleQuestion(String code, String text, List<String> aliases,
      List<String> administration, Vocabulary answers) implements Serializable {}

  /** One closed answer: shown text and aliases, canonical value, score, positive, exclusive. */
  public record Answer(String text, String value, List<String> aliases, double score,
      boolean positive, boolean exclusive) implements Serializable {}

  public record Question(String code, String indicator, int seedIndicator, String text,
      List<String> aliases, boolean multiple, String audience, boolean perSchool,
      List<Answer> answers) implements Serializable {

    public boolean administrationOnly() {
      return "administration".equals(audience);
    }
  }

  /**
   * What one cell says: the canonical values chosen, the best score, whether any chosen answer
   * is positive, whether it is a no-opinion answer, and whether some part is not an answer of
   * the question (then nothing of the cell is counted).
   */
  public record Parsed(List<String> values, Double score, boolean positive, boolean noOpinion,
      boolean unknown) implements Serializable {
    static final Parsed UNKNOWN = new Parsed(List.of(), null, false, false, true);
  }

  public Question question(String code) {
    return questions.stream().filter(q -> q.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(survey + " has no question " + code));
  }

  /** Parses a cell of question {@code code}; null for an empty cell. */
  public Parsed parse(String code, String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    Question q = question(code);
    Map<String, Answer> byKey = new LinkedHashMap<>();
    for (Answer a : q.answers()) {
      byKey.put(HeaderMatcher.normalize(a.text()), a);
      a.aliases().forEach(alias -> byKey.put(HeaderMatcher.normalize(alias), a));
    }
    String whole = HeaderMatcher.normalize(cell);
    if (noOpinion.stream().anyMatch(n -> HeaderMatcher.normalize(n).equals(whole))) {
      return new Parsed(List.of(), null, false, true, false);
    }
    List<Answer> chosen = new ArrayList<>();
    if (byKey.containsKey(whole)) {
      chosen.add(byKey.get(whole));
    } else if (q.multiple()) {
      List<Answer> split = splitChoices(cell.strip(), byKey);
      if (split == null) {
        return Parsed.UNKNOWN;
      }
      chosen.addAll(split);
    } else {
      return Parsed.UNKNOWN;
    }
    if (chosen.size() > 1 && chosen.stream().anyMatch(Answer::exclusive)) {
      return Parsed.UNKNOWN;   // «не представлял» together with a level contradicts itself
    }
    List<String> values = chosen.stream().map(Answer::value).distinct().sorted().toList();
    double best = chosen.stream().mapToDouble(Answer::score).max().orElse(0);
    return new Parsed(values, best, chosen.stream().anyMatch(Answer::positive), false, false);
  }

  /**
   * Splits «Школьный, Муниципальный (районный)» into answers. Answer texts may contain ", "
   * themselves, so parts are joined greedily until they form a known answer.
   */
  private static List<Answer> splitChoices(String cell, Map<String, Answer> byKey) {
    String[] parts = cell.split(",");
    List<Answer> out = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      Answer found = null;
      int end = -1;
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < parts.length; j++) {
        if (j > i) {
          sb.append(',');
        }
        sb.append(parts[j]);
        Answer a = byKey.get(HeaderMatcher.normalize(sb.toString()));
        if (a != null) {
          found = a;
          end = j;   // keep the longest match
        }
      }
      if (found == null) {
        if (parts[i].isBlank()) {
          i++;
          continue;
        }
        return null;
      }
      out.add(found);
      i = end + 1;
    }
    return out.isEmpty() ? null : out;
  }

  /** The canonical role for a role answer, or null when it is not one of the answers. */
  public String roleOf(String cell) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    return role.answers().lookup().get(HeaderMatcher.normalize(cell));
  }

  /** Contract columns of the questions: the school and role questions, then q01 … qNN. */
  public List<ColumnSpec> columns() {
    List<ColumnSpec> out = new ArrayList<>();
    out.add(new ColumnSpec(school.code(), school.text(), school.aliases(), "string", true, null,
        null, null, null, null, null));
    out.add(new ColumnSpec(role.code(), role.text(), role.aliases(), "string", false, null, null,
        null, null, null, null));
    for (Question q : questions) {
      out.add(new ColumnSpec(q.code(), q.text(), q.aliases(), "string", false, null, null, null,
          null, null, null));
    }
    return out;
  }

  // ---- loading ------------------------------------------------------------------------------

  public static SurveyDefinition load(String survey) {
    String path = "surveys/" + survey + ".yml";
    Map<String, Object> y = Contracts.yaml(path);
    if (!survey.equals(y.get("survey"))) {
      throw new ContractException(path, "survey", "must equal the file name");
    }
    Map<String, Object> s = Contracts.castMap((Map<?, ?>) require(y, "school_question", path));
    SchoolQuestion school = new SchoolQuestion(Contracts.str(s, "code"), Contracts.str(s, "text"),
        Contracts.strings(s.get("aliases")),
        s.get("min_name_confidence") instanceof Number n ? n.doubleValue() : 0.8,
        Contracts.strings(s.get("ignore_words")));
    Map<String, Object> r = Contracts.castMap((Map<?, ?>) require(y, "role_question", path));
    List<Vocabulary.Entry> roles = new ArrayList<>();
    for (Map<String, Object> a : Contracts.listOfMaps(r.get("answers"))) {
      roles.add(new Vocabulary.Entry(Contracts.str(a, "value"), null, null, null, null,
          Contracts.strings(a.get("synonyms"))));
    }
    RoleQuestion role = new RoleQuestion(Contracts.str(r, "code"), Contracts.str(r, "text"),
        Contracts.strings(r.get("aliases")), Contracts.strings(r.get("administration")),
        new Vocabulary(survey + ".respondent_role", false, roles));
    List<Question> questions = new ArrayList<>();
    for (Map<String, Object> q : Contracts.listOfMaps(y.get("questions"))) {
      String code = Contracts.str(q, "code");
      if (code == null || !code.matches("q[0-9]{2}")) {
        throw new ContractException(path, "questions.code", "must be q01, q02, …: " + code);
      }
      List<Answer> answers = new ArrayList<>();
      for (Map<String, Object> a : Contracts.listOfMaps(q.get("answers"))) {
        if (!(a.get("score") instanceof Number score)) {
          throw new ContractException(path, "questions." + code + ".answers.score", "is required");
        }
        String text = Contracts.str(a, "text");
        answers.add(new Answer(text, a.get("value") == null ? text : Contracts.str(a, "value"),
            Contracts.strings(a.get("aliases")), score.doubleValue(),
            Boolean.TRUE.equals(a.get("positive")), Boolean.TRUE.equals(a.get("exclusive"))));
      }
      String kind = q.get("kind") == null ? "single" : Contracts.str(q, "kind");
      if (!List.of("single", "multiple").contains(kind)) {
        throw new ContractException(path, "questions." + code + ".kind", "single or multiple");
      }
      questions.add(new Question(code, Contracts.str(q, "indicator"),
          q.get("seed_indicator") instanceof Number n ? n.intValue() : 0, Contracts.str(q, "text"),
          Contracts.strings(q.get("aliases")), kind.equals("multiple"),
          q.get("audience") == null ? "all" : Contracts.str(q, "audience"),
          Boolean.TRUE.equals(q.get("per_school")), answers));
    }
    return new SurveyDefinition(survey, Contracts.str(y, "name_ru"), Contracts.str(y, "seed"),
        Contracts.strings(y.get("no_opinion")), school, role, questions);
  }

  private static Object require(Map<String, Object> y, String key, String path) {
    Object o = y.get(key);
    if (!(o instanceof Map)) {
      throw new ContractException(path, key, "is required");
    }
    return o;
  }
}
