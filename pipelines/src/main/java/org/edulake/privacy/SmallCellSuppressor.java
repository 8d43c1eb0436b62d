package org.edulake.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.edulake.gold.IndicatorEngine;
import org.edulake.gold.IndicatorPassport;
import org.edulake.spark.Columns;

/**
 * Small-number suppression for the mart (SPEC §6), in one place for every published table.
 *
 * <p>Primary: a count below min_count, a share (any non-count) whose denominator is below
 * min_denominator; passports may set their own thresholds. Complementary ({@link #complement}):
 * every published additive relation (a parent and its children, a total and its parts) is an
 * equation an attacker can subtract; an equation with exactly one hidden member gives it back.
 * So wherever a relation has exactly one hidden member, its smallest visible other member is
 * hidden too, and this is repeated until no relation has a lone hidden member (hiding one cell
 * can leave another relation with one). For indicator_values the relations are the district
 * over its schools and the region over its districts; a district hidden as a partner is itself
 * the lone hidden member of its schools' relation, so one of them (the smallest) goes too. A
 * suppressed indicator row keeps its denominator; numerator and value go. The qualification
 * tables use the same engine through {@link QualificationSuppression}.
 */
public final class SmallCellSuppressor {
  private SmallCellSuppressor() {}

  /**
   * One published number of an additive relation. {@code size} orders the choice of a partner
   * (smallest first, then {@code id}); a cell that must stay visible (or is not ours to hide,
   * such as a total published in another table) is not a {@code candidate}.
   */
  public static final class Cell implements Serializable {
    final String id;
    final double size;
    final boolean candidate;
    boolean hidden;

    public Cell(String id, double size, boolean candidate, boolean hidden) {
      this.id = id;
      this.size = Math.abs(size);
      this.candidate = candidate;
      this.hidden = hidden;
    }

    public boolean hidden() {
      return hidden;
    }

    public String id() {
      return id;
    }
  }

  /**
   * An additive relation: the members are the total and its parts (or the terms of any sum or
   * difference); knowing all but one of them gives the last one.
   */
  public record Relation(List<Cell> members) implements Serializable {}

  private static final Comparator<Cell> SMALLEST =
      Comparator.<Cell>comparingDouble(c -> c.size).thenComparing(c -> c.id);

  /**
   * Complementary suppression: until no relation has exactly one hidden member, hide the
   * smallest visible candidate of each relation that has. Deterministic for a given order of
   * relations.
   */
  public static void complement(List<Relation> relations) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation r : relations) {
        long hidden = r.members().stream().filter(c -> c.hidden).count();
        if (hidden == 1) {
          Cell partner = r.members().stream().filter(c -> !c.hidden && c.candidate)
              .min(SMALLEST).orElse(null);
          if (partner != null) {
            partner.hidden = true;
            changed = true;
          }
        }
      }
    }
  }

  /** indicator_values with primary and complementary suppression (see the class comment). */
  public static Dataset<Row> apply(Dataset<Row> values, List<IndicatorPassport> passports,
      int minCount, int minDenominator) {
    Column minCountOf = thresholds(passports, minCount, true);
    Column minDenOf = thresholds(passports, minDenominator, false);
    Column isCount = col(Columns.UNIT).equalTo(lit("count"));
    Column primary = col(Columns.STATUS).equalTo(lit(IndicatorEngine.OK)).and(
        when(isCount, col(Columns.NUMERATOR).lt(minCountOf))
            .otherwise(col(Columns.DENOMINATOR).lt(minDenOf)));
    StructType schema = values.schema().add("is_hidden", "boolean");
    Dataset<Row> marked = values.withColumn("is_hidden", coalesce(primary, lit(false)));
    int hiddenAt = schema.fieldIndex("is_hidden");
    Dataset<Row> protectedRows = marked
        .groupByKey((MapFunction<Row, String>) r -> r.getAs(Columns.INDICATOR_ID) + "\u0001"
            + r.getAs(Columns.WINDOW_ID), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, rows) ->
            complementIndicator(rows, hiddenAt), Encoders.row(schema));
    Column hidden = col("is_hidden");
    return protectedRows.withColumn(Columns.STATUS, when(hidden, lit(IndicatorEngine.SUPPRESSED))
            .otherwise(col(Columns.STATUS)))
        .withColumn(Columns.NUMERATOR, when(hidden, lit(null).cast("double"))
            .otherwise(col(Columns.NUMERATOR)))
        .withColumn(Columns.VALUE, when(hidden, lit(null).cast("double")).otherwise(col(Columns.VALUE)))
        .drop("is_hidden");
  }

  /**
   * One indicator and window: a published ({@code ok}) district over its published schools, the
   * published region over the published districts. Rows without data are in no relation.
   */
  private static Iterator<Row> complementIndicator(Iterator<Row> it, int hiddenAt) {
    List<Row> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    rows.sort(Comparator.comparing((Row r) -> (String) r.getAs(Columns.ORG_LEVEL))
        .thenComparing(r -> (String) r.getAs(Columns.ORG_ID)));
    Map<Row, Cell> cells = new IdentityHashMap<>();
    for (Row r : rows) {
      if (IndicatorEngine.OK.equals(r.getAs(Columns.STATUS))) {
        Double den = r.getAs(Columns.DENOMINATOR);
        Double num = r.getAs(Columns.NUMERATOR);
        double size = den != null ? den : num != null ? num : Double.MAX_VALUE;
        cells.put(r, new Cell(r.getAs(Columns.ORG_LEVEL) + "/" + r.getAs(Columns.ORG_ID), size,
            true, r.getBoolean(hiddenAt)));
      }
    }
    Map<String, List<Cell>> schoolsOf = new LinkedHashMap<>();
    List<Cell> districts = new ArrayList<>();
    for (Row r : rows) {
      Cell c = cells.get(r);
      String level = r.getAs(Columns.ORG_LEVEL);
      if (c != null && level.equals("school")) {
        schoolsOf.computeIfAbsent(r.getAs(Columns.DISTRICT_ID), d -> new ArrayList<>()).add(c);
      } else if (c != null && level.equals("district")) {
        districts.add(c);
      }
    }
    List<Relation> relations = new ArrayList<>();
    for (Row r : rows) {
      Cell c = cells.get(r);
      String level = r.getAs(Columns.ORG_LEVEL);
      if (c == null) {
        continue;
      }
      List<Cell> members = new ArrayList<>(List.of(c));
      if (level.equals("district")) {
        members.addAll(schoolsOf.getOrDefault(r.getAs(Columns.ORG_ID), List.of()));
      } else if (level.equals("region")) {
        members.addAll(districts);
      } else {
        continue;
      }
      relations.add(new Relation(members));
    }
    complement(relations);
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Cell c = cells.get(r);
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      v[hiddenAt] = c != null && c.hidden;
      out.add(RowFactory.create(v));
    }
    return out.iterator();
  }

  /**
   * The threshold per row: a passport's own minimum where it sets one, else the configured one;
   * a configured 0 (an analysts' run) turns every threshold off.
   */
  private static Column thresholds(List<IndicatorPassport> passports, int fallback, boolean count) {
    Column c = lit(fallback);
    for (IndicatorPassport p : passports) {
      Integer own = count ? p.minCount() : p.minDenominator();
      if (own != null) {
        c = when(col(Columns.INDICATOR_ID).equalTo(lit(p.indicatorId())),
            lit(fallback == 0 ? 0 : Math.max(own, 0))).otherwise(c);
      }
    }
    return c;
  }
}
