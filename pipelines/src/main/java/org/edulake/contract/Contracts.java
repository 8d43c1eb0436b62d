package org.edulake.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads the contracts, vocabularies and built-in rules from the classpath folder schemas/ (the
 * repository's schemas/ folder is packaged there by Maven). One loader for all of them.
 */
public final class Contracts implements Serializable {
  /** Sources in load order: the registry first, then the roster, then the logs. */
  public static final List<String> SOURCES = List.of("schools", "staff", "pd_courses",
      "competitions", "method_events", "event_participants", "help_requests", "surveys");
  public static final List<String> VOCABULARIES = List.of("boolean", "settlement_type",
      "school_type", "gender", "position", "education", "qualification_category_ru",
      "qualification_category_kz", "event_level", "competition_kind", "participant_kind",
      "competition_result", "pd_format", "method_event_kind", "event_role", "help_topic",
      "help_status", "independent_assessment");

  private final Map<String, SourceContract> sources;
  private final Map<String, Vocabulary> vocabularies;
  private final Map<String, RuleSpec> builtinRules;
  /** Survey sources: source name → its questionnaire (schemas/surveys/). */
  private final Map<String, SurveyDefinition> surveys;

  private Contracts(Map<String, SourceContract> sources, Map<String, Vocabulary> vocabularies,
      Map<String, RuleSpec> builtinRules, Map<String, SurveyDefinition> surveys) {
    this.sources = sources;
    this.vocabularies = vocabularies;
    this.builtinRules = builtinRules;
    this.surveys = surveys;
  }

  public static Contracts load() {
    Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
    for (String v : VOCABULARIES) {
      vocabularies.put(v, vocabulary("vocabularies/" + v + ".yml"));
    }
    Map<String, SourceContract> sources = new LinkedHashMap<>();
    Map<String, SurveyDefinition> surveys = new LinkedHashMap<>();
    for (String s : SOURCES) {
      SourceContract c = readSource("sources/" + s + ".yml");
      String definition = str(yaml("sources/" + s + ".yml"), "definition");
      if (definition != null) {
        SurveyDefinition survey = SurveyDefinition.load(definition);
        List<ColumnSpec> columns = new ArrayList<>(c.columns());
        columns.addAll(survey.columns());
        c = new SourceContract(c.source(), c.description(), c.inboxFolder(), c.kind(),
            c.naturalKey(), columns, c.rules());
        surveys.put(s, survey);
      }
      for (ColumnSpec col : c.columns()) {
        if (col.vocabulary() != null && !col.vocabulary().equals("qualification_category")
            && !vocabularies.containsKey(col.vocabulary())) {
          throw new ContractException("sources/" + s + ".yml", "columns." + col.name()
              + ".vocabulary", "unknown vocabulary " + col.vocabulary());
        }
      }
      sources.put(s, c);
    }
    Map<String, RuleSpec> builtin = new LinkedHashMap<>();
    Map<String, Object> rules = yaml("quality/builtin_rules.yml");
    for (Map<String, Object> r : listOfMaps(rules.get("rules"))) {
      RuleSpec spec = new RuleSpec(str(r, "rule"), str(r, "severity"), null, null,
          str(r, "message_ru"), str(r, "fix_ru"));
      builtin.put(spec.rule(), spec);
    }
    return new Contracts(sources, vocabularies, builtin, surveys);
  }

  public SourceContract source(String name) {
    SourceContract c = sources.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no source contract named " + name);
    }
    return c;
  }

  /** The questionnaire of a survey source (kind: survey). */
  public SurveyDefinition survey(String source) {
    SurveyDefinition d = surveys.get(source);
    if (d == null) {
      throw new IllegalArgumentException("no survey definition for source " + source);
    }
    return d;
  }

  public boolean isSurvey(String source) {
    return surveys.containsKey(source);
  }

  public List<SourceContract> sources() {
    return List.copyOf(sources.values());
  }

  /** The vocabulary by name; qualification_category resolves to the configured scheme's. */
  public Vocabulary vocabulary(String name, String categoriesScheme) {
    String resolved = name.equals("qualification_category")
        ? "qualification_category_" + categoriesScheme : name;
    Vocabulary v = vocabularies.get(resolved);
    if (v == null) {
      throw new IllegalArgumentException("no vocabulary named " + resolved);
    }
    return v;
  }

  public RuleSpec builtinRule(String rule) {
    RuleSpec r = builtinRules.get(rule);
    if (r == null) {
      throw new ContractException("quality/builtin_rules.yml", rule, "rule is not declared");
    }
    return r;
  }

  public Map<String, RuleSpec> builtinRules() {
    return builtinRules;
  }

  // ---- YAML reading -----------------------------------------------------------------------

  static Map<String, Object> yaml(String path) {
    try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream("schemas/" + path)) {
      if (in == null) {
        throw new ContractException(path, "(file)", "not found on the classpath");
      }
      Object loaded = new Yaml().load(in);
      if (!(loaded instanceof Map)) {
        throw new ContractException(path, "(root)", "must be a mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) loaded;
      return map;
    } catch (IOException e) {
      throw new ContractException("cannot read schemas/" + path, e);
    }
  }

  private static SourceContract readSource(String path) {
    Map<String, Object> y = yaml(path);
    List<ColumnSpec> columns = new ArrayList<>();
    for (Map<String, Object> c : listOfMaps(y.get("columns"))) {
      Map<String, Object> range = c.get("range") instanceof Map<?, ?> m ? castMap(m) : Map.of();
      Object personal = c.get("personal");
      String personalBecomes = personal == null ? null
          : personal instanceof Map<?, ?> pm ? String.valueOf(pm.get("becomes")) : String.valueOf(personal);
      String type = str(c, "type");
      if (!List.of("string", "code", "person_id", "int", "decimal", "date", "boolean").contains(type)) {
        throw new ContractException(path, "columns." + c.get("name") + ".type", "unknown type " + type);
      }
      Object min = range.get("min");
      columns.add(new ColumnSpec(str(c, "name"), str(c, "header_ru"), strings(c.get("aliases")),
          type, Boolean.TRUE.equals(c.get("required")), str(c, "vocabulary"),
          min instanceof Number n ? n.doubleValue() : null,
          range.get("max") instanceof Number n2 ? n2.doubleValue() : null,
          min instanceof String || min instanceof java.util.Date ? String.valueOf(min) : null,
          personalBecomes, c.get("default") == null ? null : String.valueOf(c.get("default"))));
    }
    List<RuleSpec> rules = new ArrayList<>();
    for (Map<String, Object> r : listOfMaps(y.get("rules"))) {
      rules.add(new RuleSpec(str(r, "rule"), str(r, "severity"), str(r, "column"), str(r, "when"),
          str(r, "message_ru"), str(r, "fix_ru")));
    }
    Object key = y.get("natural_key");
    List<String> naturalKey = key instanceof List<?> ? strings(key) : List.of();
    return new SourceContract(str(y, "source"), str(y, "description"), str(y, "inbox_folder"),
        str(y, "kind"), naturalKey, columns, rules);
  }

  private static Vocabulary vocabulary(String path) {
    Map<String, Object> y = yaml(path);
    List<Vocabulary.Entry> entries = new ArrayList<>();
    for (Map<String, Object> v : listOfMaps(y.get("values"))) {
      entries.add(new Vocabulary.Entry(str(v, "value"),
          v.get("rank") instanceof Number n ? n.intValue() : null, str(v, "kind"),
          str(v, "requires"), str(v, "shown_as"), strings(v.get("synonyms"))));
    }
    return new Vocabulary(str(y, "vocabulary"), Boolean.TRUE.equals(y.get("open")), entries);
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(o));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  static List<Map<String, Object>> listOfMaps(Object o) {
    if (o == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : (List<?>) o) {
      out.add(castMap((Map<?, ?>) item));
    }
    return out;
  }
}
