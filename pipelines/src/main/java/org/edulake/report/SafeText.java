package org.edulake.report;

/**
 * Text from received files written back into something a person opens (an HTML report, a
 * spreadsheet): HTML-escaped, and a value a spreadsheet would take for a formula (starting with
 * =, +, -, @, a tab or a carriage return) prefixed with an apostrophe, so it is shown, never
 * run. Cell values are never evaluated anywhere in EduLake; this guards the steward's copy.
 */
public final class SafeText {
  private SafeText() {}

  /** Prefixes a formula-like value with «'» (OWASP CSV-injection advice). */
  public static String neutralizeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text : text;
  }

  public static String escapeHtml(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /** Both: what goes into a cell of an HTML table. */
  public static String cell(String text) {
    return escapeHtml(neutralizeFormula(text));
  }
}
