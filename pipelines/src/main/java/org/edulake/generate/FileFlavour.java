package org.edulake.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How one inbox file is written (SPEC §3, domain-facts.md §5): header language, encoding,
 * delimiter, date and decimal style, boolean spelling, how СНИЛС is written and how often
 * vocabulary values are spelled with a synonym («ВКК», «районный», «призер»).
 */
record FileFlavour(
    HeaderStyle headers,
    Charset charset,
    boolean bom,
    char delimiter,
    boolean isoDates,
    boolean decimalComma,
    String yes,
    String no,
    PersonIdStyle personIdStyle,
    double synonymRate,
    boolean blankMainJob,
    String recordSeparator) {

  enum HeaderStyle { RUSSIAN, ENGLISH, MIXED }

  enum PersonIdStyle { DASHED, DIGITS, MIXED }

  static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

  // Priors (domain-facts.md §5: Russian-locale Excel writes ';', cp1251 or UTF-8 with BOM).
  static final double SHARE_ENGLISH_HEADERS = 0.15;
  static final double SHARE_MIXED_HEADERS = 0.05;
  static final double SHARE_CP1251 = 0.35;
  static final double SHARE_UTF8_BOM = 0.25;
  static final double SHARE_COMMA_DELIMITER = 0.15;
  static final double SHARE_TAB_DELIMITER = 0.10;
  static final double SHARE_ISO_DATES = 0.20;
  static final double SHARE_DECIMAL_COMMA = 0.60;  // of files whose delimiter is not ','
  static final String[][] BOOLEAN_SPELLINGS = {
      {"да", "нет"}, {"да", "нет"}, {"да", "нет"}, {"Да", "Нет"}, {"1", "0"}, {"true", "false"},
      {"+", "-"}};

  static FileFlavour pick(SplittableRandom rng) {
    double h = rng.nextDouble();
    HeaderStyle headers = h < SHARE_ENGLISH_HEADERS ? HeaderStyle.ENGLISH
        : h < SHARE_ENGLISH_HEADERS + SHARE_MIXED_HEADERS ? HeaderStyle.MIXED
        : HeaderStyle.RUSSIAN;
    double e = rng.nextDouble();
    Charset charset = e < SHARE_CP1251 ? WINDOWS_1251 : StandardCharsets.UTF_8;
    boolean bom = e >= SHARE_CP1251 && e < SHARE_CP1251 + SHARE_UTF8_BOM;
    double d = rng.nextDouble();
    char delimiter = d < SHARE_COMMA_DELIMITER ? ','
        : d < SHARE_COMMA_DELIMITER + SHARE_TAB_DELIMITER ? '\t' : ';';
    boolean iso = rng.nextDouble() < SHARE_ISO_DATES;
    boolean decimalComma = delimiter != ',' && rng.nextDouble() < SHARE_DECIMAL_COMMA;
    String[] bool = BOOLEAN_SPELLINGS[rng.nextInt(BOOLEAN_SPELLINGS.length)];
    PersonIdStyle ids = PersonIdStyle.values()[rng.nextInt(3)];
    double synonyms = rng.nextDouble() < 0.5 ? 0.0 : 0.1 + 0.5 * rng.nextDouble();
    boolean blankMain = rng.nextDouble() < 0.3;
    String separator = charset == WINDOWS_1251 || rng.nextBoolean() ? "\r\n" : "\n";
    return new FileFlavour(headers, charset, bom, delimiter, iso, decimalComma, bool[0], bool[1],
        ids, synonyms, blankMain, separator);
  }

  String date(LocalDate date) {
    if (isoDates) {
      return date.toString();
    }
    return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(),
        date.getYear());
  }

  /** A date that no parser accepts: day 32 or month 13, in this file's date style. */
  String impossibleDate(LocalDate near, boolean badMonth) {
    int day = badMonth ? near.getDayOfMonth() : 32;
    int month = badMonth ? 13 : near.getMonthValue();
    return isoDates ? String.format("%04d-%02d-%02d", near.getYear(), month, day)
        : String.format("%02d.%02d.%04d", day, month, near.getYear());
  }

  /** A decimal with at most one digit after the separator; whole numbers without one. */
  String decimal(double value) {
    long tenths = Math.round(value * 10);
    String text = tenths % 10 == 0 ? Long.toString(tenths / 10)
        : (tenths / 10) + "." + Math.abs(tenths % 10);
    return decimalComma ? text.replace('.', ',') : text;
  }

  String bool(boolean value) {
    return value ? yes : no;
  }
}
