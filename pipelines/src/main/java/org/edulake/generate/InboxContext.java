package org.edulake.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.edulake.contract.Contracts;
import org.edulake.contract.HeaderMatcher;
import org.edulake.contract.Vocabulary;

/**
 * What every file writer of one run shares (read-only, so districts may be written in parallel):
 * the output folder, the contracts, the defect share, and the spellings of vocabulary values taken
 * from the vocabularies' synonyms.
 */
final class InboxContext {
  /** Category scheme of the generated region (SPEC §4.1); the demo is Russian. */
  static final String CATEGORY_SCHEME = "ru";
  /**
   * Synonyms that are valid but wrong for a Russian school file (KZ terms, the ВсОШ final that
   * only the olympiad generator writes, English words, a bare «нет»).
   */
  private static final Set<String> UNUSED_SYNONYMS = Set.of("республиканский",
      "заключительный этап всош", "заключительный этап", "окружной", "студент", "вп", "нет",
      "male", "female", "гранпри", "абсолютный победитель", "призовое место", "воспитанник",
      "прошел", "прошёл", "прошла", "не прошел", "не прошёл", "не прошла", "не проходила",
      "не участвовал", "да", "деревня", "поселок", "посёлок", "прочее", "курсы");
  /** Values outside each vocabulary, as people mistype them (a `vocabulary` defect). */
  private static final Map<String, List<String>> OUTSIDE = Map.ofEntries(
      Map.entry("qualification_category", List.of("ведущая", "основная", "кандидат наук")),
      Map.entry("education", List.of("неоконченное высшее", "магистратура", "аспирантура")),
      Map.entry("gender", List.of("неизвестно", "жм")),
      Map.entry("event_level", List.of("местный", "школьно-районный", "сетевой")),
      Map.entry("competition_result", List.of("сертификат", "грамота", "благодарность")),
      Map.entry("competition_kind", List.of("соревнование", "спартакиада")),
      Map.entry("participant_kind", List.of("родитель", "выпускник")),
      Map.entry("pd_format", List.of("выездная", "индивидуальная")),
      Map.entry("event_role", List.of("организатор", "модератор площадки")),
      Map.entry("help_topic", List.of("консультация по ФГОС", "работа с документацией")),
      Map.entry("help_status", List.of("в работе", "на рассмотрении")),
      Map.entry("independent_assessment", List.of("запланирована", "в процессе")));

  private final Path outDir;
  private final Contracts contracts;
  private final double defectShare;
  private final Map<String, Map<String, List<String>>> spellings = new HashMap<>();

  InboxContext(Path outDir, Contracts contracts, double defectShare) {
    this.outDir = outDir;
    this.contracts = contracts;
    this.defectShare = defectShare;
    for (String name : Contracts.VOCABULARIES) {
      Vocabulary v = contracts.vocabulary(name, CATEGORY_SCHEME);
      Map<String, List<String>> byValue = new HashMap<>();
      for (Vocabulary.Entry e : v.values()) {
        List<String> variants = new ArrayList<>();
        for (String s : e.synonyms()) {
          if (letters(s) >= 2 && !UNUSED_SYNONYMS.contains(s.toLowerCase(Locale.ROOT))) {
            variants.add(abbreviation(s));
          }
        }
        byValue.put(e.value(), variants);
      }
      spellings.put(name, byValue);
    }
    spellings.put("qualification_category", spellings.get("qualification_category_" + CATEGORY_SCHEME));
  }

  Path outDir() {
    return outDir;
  }

  Contracts contracts() {
    return contracts;
  }

  double defectShare() {
    return defectShare;
  }

  Vocabulary vocabulary(String name) {
    return contracts.vocabulary(name, CATEGORY_SCHEME);
  }

  boolean isOpenVocabulary(String name) {
    return vocabulary(name).open();
  }

  /** A spelling of canonical {@code value}: a synonym of the vocabulary, or capitalised. */
  String spelling(String vocabulary, String value, SplittableRandom rng) {
    List<String> variants = spellings.get(vocabulary).get(value);
    if (variants == null) {
      return value;   // not canonical: the generator already chose the spelling
    }
    if (variants.isEmpty() || rng.nextInt(4) == 0) {
      return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
    return variants.get(rng.nextInt(variants.size()));
  }

  /** A value that no spelling of the vocabulary matches. */
  String valueOutsideVocabulary(String vocabulary, SplittableRandom rng) {
    List<String> options = OUTSIDE.getOrDefault(vocabulary, List.of("значение не из списка"));
    String value = options.get(rng.nextInt(options.size()));
    if (vocabulary(vocabulary).lookup().containsKey(HeaderMatcher.normalize(value))) {
      throw new IllegalStateException(value + " is a spelling in vocabulary " + vocabulary);
    }
    return value;
  }

  /** «вкк» → «ВКК», «всош» → «ВсОШ»; ordinary words stay as written. */
  private static String abbreviation(String s) {
    if (s.equals("всош")) {
      return "ВсОШ";
    }
    boolean shortWord = s.length() <= 3 && !s.equals("муж") && !s.equals("жен");
    boolean endsInAbbreviation = s.endsWith(" кк") || s.startsWith("спо") || s.equals("без кк");
    if (shortWord) {
      return s.toUpperCase(Locale.ROOT);
    }
    if (endsInAbbreviation) {
      return s.replace("кк", "КК").replace("спо", "СПО");
    }
    return s;
  }

  private static int letters(String s) {
    return (int) s.codePoints().filter(Character::isLetter).count();
  }
}
