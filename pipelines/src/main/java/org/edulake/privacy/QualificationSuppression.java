package org.edulake.privacy;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.privacy.SmallCellSuppressor.Cell;
import org.edulake.privacy.SmallCellSuppressor.Relation;
import org.edulake.qualification.QualificationTransitionsBuilder;
import org.edulake.spark.Columns;
import org.edulake.spark.Tables;

/**
 * Primary and complementary suppression of the person counts in the qualification tables of the
 * mart (SPEC §6), with the engine of {@link SmallCellSuppressor#complement}. A count below
 * min_count becomes NULL (shown as «…»); then every additive relation an attacker can read from
 * the mart gets at least two hidden members:
 *
 * <ul>
 *   <li>the hierarchy, per table, cell and column: a district over its schools, the region over
 *       its districts (qualification_transitions: exact except for moves inside the parent, which
 *       are moved_out/moved_in at the children and a stay at the parent; taken as exact);
 *   <li>qualification_growth: with_category_to = with_category_from + net_growth in each row;
 *   <li>qualification_growth over qualification_transitions (one relation per unit and pair):
 *       staff_from is the sum of the unit's transition rows present at window_from (kinds
 *       {@link QualificationTransitionsBuilder#PRESENT_AT_FROM}), staff_to of those present at
 *       window_to;
 *   <li>qualification_workload: a unit's persons_due over its 12 months add up to the numerator of
 *       staff_share_attestation_due_12m in indicator_values, a total published elsewhere that this
 *       table cannot hide (a fixed visible member);
 *   <li>qualification_backtest: the category rows add up to the «все категории» row (observed);
 *       abs_pct_error with the published projected gives observed back, so the two are hidden
 *       together, and the «все категории» error is the mean of the category errors.
 * </ul>
 *
 * <p>pd_need_forecast has the hierarchy only (its target windows are not additive).
 * qualification_projection holds model expectations, not counts of persons, and is left as is.
 * Cells of one pair of windows (transitions and growth together), one workload window or one
 * forecast/back-test scenario form one group, protected in memory like indicator_values.
 */
public final class QualificationSuppression {
  private QualificationSuppression() {}

  static final String WITH_FROM = "with_category_from";
  static final String WITH_TO = "with_category_to";
  static final String NET_GROWTH = "net_growth";
  static final String ABS_PCT_ERROR = "abs_pct_error";
  static final String OBSERVED = "observed";
  static final String ALL_CATEGORIES = "все категории";

  /**
   * Where a table's cells sit: the group its relations stay within ({@code group} prefix and
   * columns), the columns that tell a cell of a unit ({@code rowKey}), the person counts
   * (primary suppression), the derived numbers (hidden only as partners) and which of all these
   * add up over the hierarchy.
   */
  record Layout(String group, List<String> groupColumns, List<String> rowKey, List<String> counts,
      List<String> derived, List<String> hierarchy) implements Serializable {
    List<String> measures() {
      List<String> all = new ArrayList<>(counts);
      all.addAll(derived);
      return all;
    }
  }

  static final Map<String, Layout> LAYOUTS = Map.of(
      Tables.QUALIFICATION_TRANSITIONS, new Layout("pair", List.of("window_from", "window_to"),
          List.of("category_from", "category_to", "transition_kind"), List.of("persons"), List.of(),
          List.of("persons")),
      Tables.QUALIFICATION_GROWTH, new Layout("pair", List.of("window_from", "window_to"),
          List.of(), List.of("staff_from", "staff_to", WITH_FROM, WITH_TO), List.of(NET_GROWTH),
          List.of("staff_from", "staff_to", WITH_FROM, WITH_TO, NET_GROWTH)),
      Tables.QUALIFICATION_WORKLOAD, new Layout("workload", List.of(Columns.WINDOW_ID),
          List.of("due_month"), List.of("persons_due", "persons_overdue"), List.of(),
          List.of("persons_due", "persons_overdue")),
      Tables.QUALIFICATION_BACKTEST, new Layout("backtest", List.of("base_window", "target_window"),
          List.of("category"), List.of(OBSERVED), List.of(ABS_PCT_ERROR), List.of(OBSERVED)),
      Tables.PD_NEED_FORECAST, new Layout("pd", List.of("base_window", "target_window"),
          List.of(), List.of("persons_lacking_36h"), List.of(), List.of("persons_lacking_36h")));

  private static final StructType CELLS = new StructType()
      .add("tbl", DataTypes.StringType).add("grp", DataTypes.StringType)
      .add(Columns.ORG_LEVEL, DataTypes.StringType).add(Columns.ORG_ID, DataTypes.StringType)
      .add(Columns.DISTRICT_ID, DataTypes.StringType).add("rkey", DataTypes.StringType)
      .add("measure", DataTypes.StringType).add("value", DataTypes.DoubleType)
      .add("is_hidden", DataTypes.BooleanType);
  private static final String SEP = "\u0001";

  /**
   * The given qualification tables (by name; others pass through) with small counts and their
   * complements set to NULL. Columns and types stay as they are; {@code minCount <= 0} changes
   * nothing.
   */
  public static Map<String, Dataset<Row>> apply(Map<String, Dataset<Row>> tables, int minCount) {
    if (minCount <= 0) {
      return tables;
    }
    Dataset<Row> cells = null;
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      Layout layout = LAYOUTS.get(e.getKey());
      if (layout == null) {
        continue;
      }
      Dataset<Row> keyed = keyed(e.getValue(), layout);
      for (String m : layout.measures()) {
        Column hidden = layout.counts().contains(m) ? col(m).lt(lit(minCount)) : lit(false);
        Dataset<Row> one = keyed.filter(col(m).isNotNull()).select(lit(e.getKey()).as("tbl"),
            col("_grp").as("grp"), col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            districtOf(e.getValue()), col("_rkey").as("rkey"), lit(m).as("measure"),
            col(m).cast("double").as("value"), hidden.as("is_hidden"));
        cells = cells == null ? one : cells.unionByName(one);
      }
    }
    if (cells == null) {
      return tables;
    }
    Dataset<Row> hidden = cells
        .groupByKey((MapFunction<Row, String>) r -> r.getString(1), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, rows) -> protect(rows),
            Encoders.row(CELLS))
        .filter(col("is_hidden"))
        .groupBy(col("tbl"), col("grp").as("_grp"), col(Columns.ORG_LEVEL).as("_level"),
            col(Columns.ORG_ID).as("_org"), col("rkey").as("_rkey"))
        .agg(collect_set("measure").as("_hidden"));
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      Layout layout = LAYOUTS.get(e.getKey());
      if (layout == null) {
        out.put(e.getKey(), e.getValue());
        continue;
      }
      Dataset<Row> table = e.getValue();
      Dataset<Row> mine = hidden.filter(col("tbl").equalTo(lit(e.getKey())))
          .select(col("_grp").as("h_grp"), col("_level"), col("_org"), col("_rkey").as("h_rkey"),
              col("_hidden"));
      Dataset<Row> joined = keyed(table, layout).join(mine, col("_grp").equalTo(col("h_grp"))
          .and(col("_rkey").equalTo(col("h_rkey")))
          .and(col(Columns.ORG_LEVEL).equalTo(col("_level")))
          .and(col(Columns.ORG_ID).eqNullSafe(col("_org"))), "left");
      Column[] select = new Column[table.columns().length];
      for (int i = 0; i < select.length; i++) {
        String c = table.columns()[i];
        select[i] = layout.measures().contains(c)
            ? when(coalesce(array_contains(col("_hidden"), c), lit(false)), lit(null))
                .otherwise(col(c)).cast(table.schema().apply(c).dataType()).as(c)
            : col(c);
      }
      out.put(e.getKey(), joined.select(select));
    }
    return out;
  }

  private static Column districtOf(Dataset<Row> table) {
    return java.util.Arrays.asList(table.columns()).contains(Columns.DISTRICT_ID)
        ? col(Columns.DISTRICT_ID) : lit(null).cast("string").as(Columns.DISTRICT_ID);
  }

  private static Dataset<Row> keyed(Dataset<Row> table, Layout layout) {
    List<Column> group = new ArrayList<>(List.of(lit(layout.group())));
    layout.groupColumns().forEach(c -> group.add(coalesce(col(c).cast("string"), lit(""))));
    List<Column> key = new ArrayList<>(List.of(lit("")));
    layout.rowKey().forEach(c -> key.add(coalesce(col(c).cast("string"), lit(""))));
    return table.withColumn("_grp", concat_ws("|", group.toArray(Column[]::new)))
        .withColumn("_rkey", concat_ws("|", key.toArray(Column[]::new)));
  }

  /** A cell with where it sits. */
  private record Placed(Row row, Cell cell) {
    String tbl() { return row.getString(0); }
    String level() { return row.getString(2); }
    String org() { return row.getString(3); }
    String district() { return row.getString(4); }
    String rkey() { return row.getString(5); }
    String measure() { return row.getString(6); }
    double value() { return row.getDouble(7); }
    String unit() { return tbl() + SEP + level() + SEP + org(); }
  }

  /** One group: cells, their relations, complementary suppression; every cell back, marked. */
  static Iterator<Row> protect(Iterator<Row> it) {
    List<Placed> cells = new ArrayList<>();
    it.forEachRemaining(r -> cells.add(new Placed(r, null)));
    cells.sort(Comparator.comparing((Placed p) -> p.tbl()).thenComparing(Placed::level)
        .thenComparing(p -> p.org() == null ? "" : p.org()).thenComparing(Placed::rkey)
        .thenComparing(Placed::measure));
    List<Placed> placed = new ArrayList<>(cells.size());
    for (Placed p : cells) {
      placed.add(new Placed(p.row(), new Cell(p.unit() + SEP + p.rkey() + SEP + p.measure(),
          p.value(), true, p.row().getBoolean(8))));
    }
    List<Relation> relations = relations(placed);
    SmallCellSuppressor.complement(relations);
    List<Row> out = new ArrayList<>(placed.size());
    for (Placed p : placed) {
      Object[] v = new Object[p.row().length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = p.row().get(i);
      }
      v[8] = p.cell().hidden();
      out.add(RowFactory.create(v));
    }
    return out.iterator();
  }

  /** Every additive relation among the cells of one group (see the class comment). */
  static List<Relation> relations(List<Placed> cells) {
    List<Relation> relations = new ArrayList<>();
    // the hierarchy: per table, row key and measure
    Map<String, List<Placed>> byCell = new LinkedHashMap<>();
    for (Placed p : cells) {
      if (LAYOUTS.get(p.tbl()).hierarchy().contains(p.measure())) {
        byCell.computeIfAbsent(p.tbl() + SEP + p.rkey() + SEP + p.measure(),
            k -> new ArrayList<>()).add(p);
      }
    }
    for (List<Placed> same : byCell.values()) {
      List<Cell> districts = new ArrayList<>();
      same.stream().filter(p -> p.level().equals("district")).forEach(p -> districts.add(p.cell()));
      for (Placed parent : same) {
        List<Cell> members = new ArrayList<>(List.of(parent.cell()));
        if (parent.level().equals("district")) {
          same.stream().filter(p -> p.level().equals("school")
                  && parent.org().equals(p.district())).forEach(p -> members.add(p.cell()));
        } else if (parent.level().equals("region")) {
          members.addAll(districts);
        } else {
          continue;
        }
        relations.add(new Relation(members));
      }
    }
    // the rows of a unit
    Map<String, List<Placed>> byUnit = new LinkedHashMap<>();
    for (Placed p : cells) {
      byUnit.computeIfAbsent(p.unit(), k -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<String, List<Placed>> e : byUnit.entrySet()) {
      List<Placed> unit = e.getValue();
      String tbl = unit.get(0).tbl();
      if (tbl.equals(Tables.QUALIFICATION_GROWTH)) {
        Placed from = find(unit, "", WITH_FROM);
        Placed to = find(unit, "", WITH_TO);
        Placed net = find(unit, "", NET_GROWTH);
        if (from != null && to != null && net != null) {
          relations.add(new Relation(List.of(to.cell(), from.cell(), net.cell())));
        }
        String transitions = Tables.QUALIFICATION_TRANSITIONS + SEP + unit.get(0).level()
            + SEP + unit.get(0).org();
        List<Placed> moves = byUnit.getOrDefault(transitions, List.of());
        addTotal(relations, find(unit, "", "staff_from"), moves,
            QualificationTransitionsBuilder.PRESENT_AT_FROM);
        addTotal(relations, find(unit, "", "staff_to"), moves,
            QualificationTransitionsBuilder.PRESENT_AT_TO);
      } else if (tbl.equals(Tables.QUALIFICATION_WORKLOAD)) {
        List<Cell> months = new ArrayList<>();
        unit.stream().filter(p -> p.measure().equals("persons_due")).forEach(p -> months.add(p.cell()));
        // the 12-month total is published in indicator_values: always visible to the reader
        months.add(new Cell(e.getKey() + SEP + "published total", 0, false, false));
        relations.add(new Relation(months));
      } else if (tbl.equals(Tables.QUALIFICATION_BACKTEST)) {
        String all = "|" + ALL_CATEGORIES;
        for (String m : List.of(OBSERVED, ABS_PCT_ERROR)) {
          Placed total = find(unit, all, m);
          if (total != null) {
            List<Cell> members = new ArrayList<>(List.of(total.cell()));
            unit.stream().filter(p -> p.measure().equals(m) && !p.rkey().equals(all))
                .forEach(p -> members.add(p.cell()));
            relations.add(new Relation(members));
          }
        }
        for (Placed p : unit) {
          Placed error = p.measure().equals(OBSERVED) ? find(unit, p.rkey(), ABS_PCT_ERROR) : null;
          if (error != null) {
            relations.add(new Relation(List.of(p.cell(), error.cell())));
          }
        }
      }
    }
    return relations;
  }

  private static void addTotal(List<Relation> relations, Placed total, List<Placed> rows,
      List<String> kinds) {
    if (total == null) {
      return;
    }
    List<Cell> members = new ArrayList<>(List.of(total.cell()));
    for (Placed p : rows) {
      String kind = p.rkey().substring(p.rkey().lastIndexOf('|') + 1);
      if (kinds.contains(kind)) {
        members.add(p.cell());
      }
    }
    relations.add(new Relation(members));
  }

  private static Placed find(List<Placed> unit, String rkey, String measure) {
    for (Placed p : unit) {
      if (p.rkey().equals(rkey) && p.measure().equals(measure)) {
        return p;
      }
    }
    return null;
  }
}
