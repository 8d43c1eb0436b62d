package org.edulake.contract;

import java.util.Locale;

/**
 * The one normalisation for headers and vocabulary values (SPEC §3): case, spaces, ё/е and
 * punctuation differences are ignored, so aliases list only genuinely different wordings.
 */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    StringBuilder sb = new StringBuilder(lower.length());
    lower.codePoints()
        .filter(cp -> Character.isLetterOrDigit(cp) || cp == '+' || cp == '-')
        .forEach(sb::appendCodePoint);
    String kept = sb.toString();
    // '+' and '-' carry meaning only alone (boolean "+/-", "-" for "no category").
    return kept.equals("+") || kept.equals("-") ? kept : kept.replace("+", "").replace("-", "");
  }
}
