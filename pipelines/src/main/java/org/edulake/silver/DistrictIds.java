package org.edulake.silver;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * district_id: the registry names districts but gives no code, so the id is the transliterated
 * district name (readable, stable, never Russian), prefixed by the region's when the region
 * differs, e.g. «Асиновский район» → {@code asinovskiy_rayon}.
 */
public final class DistrictIds {
  public static final String UDF = "edulake_district_id";
  private static final Map<Character, String> LATIN = Map.ofEntries(
      Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
      Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
      Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
      Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
      Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
      Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
      Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
      Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
      Map.entry('я', "ya"), Map.entry('ә', "a"), Map.entry('ғ', "g"), Map.entry('қ', "k"),
      Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"), Map.entry('ү', "u"),
      Map.entry('һ', "h"), Map.entry('і', "i"));

  private DistrictIds() {}

  public static String slug(String text) {
    StringBuilder sb = new StringBuilder();
    for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
      String latin = LATIN.get(ch);
      if (latin != null) {
        sb.append(latin);
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        sb.append(ch);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
        sb.append('_');
      }
    }
    String s = sb.toString();
    return s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
  }

  /** The district's id within its region (the region is part of the key for a country). */
  public static String districtId(String region, String district) {
    if (district == null) {
      return null;
    }
    return region == null ? slug(district) : slug(region) + "." + slug(district);
  }

  public static void register(SparkSession spark) {
    spark.udf().register(UDF, (UDF2<String, String, String>) DistrictIds::districtId,
        DataTypes.StringType);
  }
}
