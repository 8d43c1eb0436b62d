package org.edulake.qualification;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.silver.CategoryValidity;

/**
 * Hand-built silver inputs for the qualification builders: roster rows as fct_staff_position has
 * them before validity (category, kind, rank, shown_as, date as the vocabulary gives them), put
 * through {@link CategoryValidity#apply}; dim_school and dim_window rows.
 */
final class Rosters {
  /** category → {kind, rank as given, shown_as}, as schemas/vocabularies give them. */
  private static final Map<String, Object[]> RU = Map.of(
      "без категории", new Object[] {"none", 0, "без категории"},
      "соответствие занимаемой должности", new Object[] {"szd", 0, "соответствие занимаемой должности"},
      "первая", new Object[] {"category", 1, "первая"},
      "высшая", new Object[] {"category", 2, "высшая"},
      "педагог-методист", new Object[] {"category", 3, "педагог-методист"},
      "педагог-наставник", new Object[] {"category", 3, "педагог-наставник"},
      "вторая", new Object[] {"legacy", 0, "без категории"});
  private static final Map<String, Object[]> KZ = Map.of(
      "без категории", new Object[] {"none", 0, "без категории"},
      "педагог", new Object[] {"category", 0, "педагог"},
      "педагог-модератор", new Object[] {"category", 1, "педагог-модератор"},
      "педагог-эксперт", new Object[] {"category", 2, "педагог-эксперт"},
      "педагог-исследователь", new Object[] {"category", 3, "педагог-исследователь"},
      "педагог-мастер", new Object[] {"category", 4, "педагог-мастер"});

  static final StructType STAFF = new StructType()
      .add("window_id", DataTypes.StringType).add("reference_date", DataTypes.DateType)
      .add("school_id", DataTypes.StringType).add("person_key", DataTypes.StringType)
      .add("category", DataTypes.StringType).add("category_kind", DataTypes.StringType)
      .add("category_rank", DataTypes.IntegerType).add("category_shown_as", DataTypes.StringType)
      .add("category_date", DataTypes.DateType).add("is_main_workplace", DataTypes.BooleanType);

  private final String scheme;
  private final List<Row> rows = new ArrayList<>();
  private final Set<String> windows = new LinkedHashSet<>();

  Rosters(String scheme) {
    this.scheme = scheme;
  }

  /** A main-workplace row; date is ISO or null. */
  Rosters main(String window, String person, String school, String category, String date) {
    return row(window, person, school, category, date, true);
  }

  /** A secondary position (not the main workplace). */
  Rosters secondary(String window, String person, String school, String category, String date) {
    return row(window, person, school, category, date, false);
  }

  private Rosters row(String window, String person, String school, String category, String date,
      boolean main) {
    Object[] v = ("kz".equals(scheme) ? KZ : RU).get(category);
    if (v == null) {
      throw new IllegalArgumentException("not in the test vocabulary: " + category);
    }
    windows.add(window);
    rows.add(RowFactory.create(window, ref(window), school, person, category, v[0], v[1], v[2],
        date == null ? null : Date.valueOf(date), main));
    return this;
  }

  static Date ref(String window) {
    return Date.valueOf(YearMonth.parse(window).atEndOfMonth());
  }

  Dataset<Row> staff(SparkSession spark) {
    return CategoryValidity.apply(spark.createDataFrame(rows, STAFF), scheme);
  }

  /** dim_window of the given windows (or of the roster's). */
  static Dataset<Row> windows(SparkSession spark, String... ids) {
    List<Row> r = new ArrayList<>();
    for (String id : ids) {
      r.add(RowFactory.create(id, ref(id)));
    }
    return spark.createDataFrame(r, new StructType().add("window_id", DataTypes.StringType)
        .add("reference_date", DataTypes.DateType));
  }

  /** dim_school: every window × school "school:district", region R. */
  static Dataset<Row> schools(SparkSession spark, List<String> windowIds, String... schoolDistrict) {
    List<Row> r = new ArrayList<>();
    for (String w : windowIds) {
      for (String sd : schoolDistrict) {
        String[] p = sd.split(":");
        r.add(RowFactory.create(w, p[0], p[1], "R", true));
      }
    }
    return spark.createDataFrame(r, new StructType().add("window_id", DataTypes.StringType)
        .add("school_id", DataTypes.StringType).add("district_id", DataTypes.StringType)
        .add("region", DataTypes.StringType).add("is_open", DataTypes.BooleanType));
  }

  /** Rows as "a|b|c" strings, sorted, NULL as "-". */
  static List<String> lines(Dataset<Row> ds, String... columns) {
    List<String> out = new ArrayList<>();
    for (Row r : ds.selectExpr(columns).collectAsList()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          sb.append('|');
        }
        sb.append(r.isNullAt(i) ? "-" : String.valueOf(r.get(i)));
      }
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  /** Column names and types (not nullability) equal the expected schema's. */
  static void assertColumns(StructType expected, Dataset<Row> actual) {
    List<String> want = new ArrayList<>();
    for (var f : expected.fields()) {
      want.add(f.name() + " " + f.dataType().simpleString());
    }
    List<String> got = new ArrayList<>();
    for (var f : actual.schema().fields()) {
      got.add(f.name() + " " + f.dataType().simpleString());
    }
    org.junit.jupiter.api.Assertions.assertEquals(want, got);
  }

  static List<String> sorted(String... lines) {
    List<String> l = new ArrayList<>(List.of(lines));
    l.sort(null);
    return l;
  }
}
