package org.edulake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportHtmlTest {
  @Test
  void formulasAndMarkupFromFilesAreShownNeverRun() {
    String header = "=HYPERLINK(\"http://evil.example\";\"нажми\")";
    String html = ValidationReportHtml.render("/inbox",
        List.of(new ValidationReportHtml.FileLine("2025-05", "=cmd|' /C calc'!A0.csv", "loaded", 1, 0, 1),
            new ValidationReportHtml.FileLine("2025-05", "staff/<script>.csv", "rejected", 0, 1, 0)),
        List.of(new ValidationReportHtml.IssueLine("2025-05", "staff/x.csv", 1, "warn",
            "Файл «staff/x.csv», строка 1, столбец «" + header + "»: столбец не из шаблона"),
            new ValidationReportHtml.IssueLine("2025-05", "staff/<script>.csv", null, "error",
            "+1 отклонён")));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("staff/&lt;script&gt;.csv"));
    assertFalse(html.contains("\"http://evil.example\""), "quotes are escaped");
    assertTrue(html.contains("столбец «=HYPERLINK(&quot;http://evil.example&quot;;&quot;нажми&quot;)»"));
    assertTrue(html.contains("<td>&#39;=cmd|&#39; /C calc&#39;!A0.csv</td>"), "formula-like file name is quoted");
    assertTrue(html.contains("<td>&#39;+1 отклонён</td>"));
    assertTrue(html.contains("<td>весь файл</td>"));
    assertTrue(html.contains("отклонён"));
  }

  @Test
  void formulaLikeValuesGetAnApostrophe() {
    assertEquals("'=1+2", SafeText.neutralizeFormula("=1+2"));
    assertEquals("'@SUM(A1)", SafeText.neutralizeFormula("@SUM(A1)"));
    assertEquals("Школа № 1", SafeText.neutralizeFormula("Школа № 1"));
    assertEquals("", SafeText.neutralizeFormula(null));
  }
}
