package org.edulake.quality;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The one template of data-quality messages (CONVENTIONS §6): file, row, the header as it is in
 * the file with the canonical column, what is wrong, the rule and how to fix it. It never
 * repeats the cell's value, which may be personal data.
 */
public final class MessagesRu {
  private MessagesRu() {}

  public static Column message(Column file, Column row, Column header, Column column, Column what,
      Column rule, Column fix, Column severity) {
    Column where = concat(lit("Файл «"), file, lit("», строка "), row.cast("string"),
        lit(", столбец «"), header, lit("» ("), column, lit("): "));
    Column outcome = when(severity.equalTo(lit("error")), lit(" Строка не загружена."))
        .otherwise(lit(" Строка загружена."));
    return concat(where, what, lit(". Правило "), rule, lit(". "), fix, outcome);
  }

  /** A message about a whole file (row 0 in the quarantine). */
  public static String fileMessage(String file, String what, String detail, String rule, String fix,
      boolean loaded) {
    return "Файл «" + file + "»: " + what + (detail == null ? "" : " (" + detail + ")")
        + ". Правило " + rule + ". " + fix + (loaded ? "" : " Файл не загружен.");
  }
}
