package org.edulake.qualification;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.spark.Columns;

/**
 * qualification_projection and qualification_backtest: the category distribution of each
 * district and of the region projected 1–3 years ahead by a time-homogeneous Markov chain
 * ({@link MarkovChain}; SPEC §4.4). The assumptions are stated in
 * {@code schemas/gold/qualification_projection.md}.
 *
 * <p>Rates: the person-by-person transitions of qualification_transitions at the unit's level,
 * pooled over the window pairs of the last 3 years (window_from ≥ base − 36 months, window_to ≤
 * base). Exits are leavers and persons who moved out of the unit; entries are new hires and
 * persons who moved in. A district borrows the region's row for a category in which it observed
 * fewer than {@link #MIN_PERSONS_PER_STATE} persons, and the region's hire distribution when it
 * observed fewer entries than that; the number of hires per step is always its own. Schools are
 * too small for a chain and are not projected.
 *
 * <p>Steps: one step is one pair of consecutive windows; there are two windows a year (January
 * and May, seed 004), so year k is 2k steps from the base, the latest window.
 *
 * <p>Back-test: base 2023-05 (else 2023-01), rates from the window pairs up to the base only (as
 * they were known then), projected 2 years ahead and compared with the observed distribution of
 * the same month of 2025. No row when the base or the target window is missing or no pair ends
 * at the base.
 */
public final class QualificationProjectionBuilder {
  /** Two monitoring windows a year (SPEC §2, seed 004): one chain step per window pair. */
  public static final int STEPS_PER_YEAR = 2;
  /** Rates are pooled over the pairs of the last 3 years (SPEC §4.3 period, issue 5). */
  public static final int POOL_MONTHS = 36;
  public static final int MAX_YEARS_AHEAD = 3;
  /** Below this many persons observed in a category, a district uses the region's row. */
  public static final long MIN_PERSONS_PER_STATE = 30;
  /** Back-test bases, in order of preference, and the horizon (issue 5). */
  public static final List<String> BACKTEST_BASES = List.of("2023-05", "2023-01");
  public static final int BACKTEST_YEARS = 2;
  /** category of the back-test row with totals and the mean of the per-category errors. */
  public static final String ALL_CATEGORIES = "все категории";

  static final String PROJECTION = "projection";
  static final String BACKTEST = "backtest";
  private static final String OWN = "own";
  private static final String FALLBACK = "fallback";
  private static final String PAIR = "pair";
  private static final String BASE = "base";
  private static final String TARGET = "target";

  private static final StructType INPUT = new StructType()
      .add("scenario", DataTypes.StringType).add(Columns.ORG_LEVEL, DataTypes.StringType)
      .add(Columns.ORG_ID, DataTypes.StringType).add(Columns.DISTRICT_ID, DataTypes.StringType)
      .add("base_window", DataTypes.StringType).add("target_window", DataTypes.StringType)
      .add("years", DataTypes.createArrayType(DataTypes.IntegerType))
      .add("role", DataTypes.StringType).add("kind", DataTypes.StringType)
      .add("pair", DataTypes.StringType).add("from_state", DataTypes.StringType)
      .add("to_state", DataTypes.StringType).add("persons", DataTypes.LongType);
  private static final StructType OUTPUT = new StructType()
      .add("scenario", DataTypes.StringType).add(Columns.ORG_LEVEL, DataTypes.StringType)
      .add(Columns.ORG_ID, DataTypes.StringType).add(Columns.DISTRICT_ID, DataTypes.StringType)
      .add("base_window", DataTypes.StringType).add("target_window", DataTypes.StringType)
      .add("years_ahead", DataTypes.IntegerType).add("category", DataTypes.StringType)
      .add("projected", DataTypes.DoubleType).add("observed", DataTypes.LongType);

  private QualificationProjectionBuilder() {}

  /** qualification_projection: org_level, org_id, district_id, base_window, years_ahead, category, persons_expected. */
  public static Dataset<Row> projection(Dataset<Row> transitions, Dataset<Row> staffPositions,
      Dataset<Row> dimSchool, Dataset<Row> dimWindow) {
    Dataset<Row> latest = dimWindow.agg(max(Columns.WINDOW_ID).as("base_window"));
    Dataset<Row> scenario = latest.select(lit(PROJECTION).as("scenario"), col("base_window"),
        lit(null).cast("string").as("target_window"),
        sequence(lit(1), lit(MAX_YEARS_AHEAD)).as("years"));
    return run(scenario, transitions, staffPositions, dimSchool)
        .select(col(Columns.ORG_LEVEL), col(Columns.ORG_ID), col(Columns.DISTRICT_ID),
            col("base_window"), col("years_ahead"), col("category"),
            col("projected").as("persons_expected"));
  }

  /** qualification_backtest: org_level, org_id, base_window, target_window, category, projected, observed, abs_pct_error. */
  public static Dataset<Row> backtest(Dataset<Row> transitions, Dataset<Row> staffPositions,
      Dataset<Row> dimSchool, Dataset<Row> dimWindow) {
    Column base = null;
    for (String b : BACKTEST_BASES) {
      Column found = max(when(col(Columns.WINDOW_ID).equalTo(lit(b)), col(Columns.WINDOW_ID)));
      base = base == null ? found : coalesce(base, found);
    }
    Dataset<Row> scenario = dimWindow.agg(base.as("base_window"))
        .filter(col("base_window").isNotNull())
        .select(lit(BACKTEST).as("scenario"), col("base_window"),
            windowPlusMonths(col("base_window"), 12 * BACKTEST_YEARS).as("target_window"),
            array(lit(BACKTEST_YEARS)).as("years"))
        .join(dimWindow.select(col(Columns.WINDOW_ID).as("t_window")),
            col("target_window").equalTo(col("t_window")))
        .drop("t_window");
    Dataset<Row> perCategory = run(scenario, transitions, staffPositions, dimSchool)
        .select(col(Columns.ORG_LEVEL), col(Columns.ORG_ID), col("base_window"),
            col("target_window"), col("category"), col("projected"),
            col("observed").cast("int").as("observed"),
            when(col("observed").gt(0), abs(col("projected").minus(col("observed")))
                .multiply(100.0).divide(col("observed"))).as("abs_pct_error"));
    Dataset<Row> overall = perCategory.groupBy(col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            col("base_window"), col("target_window"))
        .agg(sum("projected").as("projected"), sum("observed").cast("int").as("observed"),
            avg("abs_pct_error").as("abs_pct_error"))
        .withColumn("category", lit(ALL_CATEGORIES));
    return perCategory.unionByName(overall);
  }

  private static Column windowPlusMonths(Column windowId, int months) {
    return date_format(add_months(to_date(concat_ws("-", windowId, lit("01"))), months), "yyyy-MM");
  }

  /** Builds the chain of every unit for the scenario rows and projects. */
  private static Dataset<Row> run(Dataset<Row> scenario, Dataset<Row> transitions,
      Dataset<Row> staffPositions, Dataset<Row> dimSchool) {
    Column poolFrom = windowPlusMonths(col("base_window"), -POOL_MONTHS);
    Column fromState = when(col("transition_kind").isin(QualificationTransitionsBuilder.NEW_HIRE,
        QualificationTransitionsBuilder.MOVED_IN), lit(null).cast("string"))
        .otherwise(col("category_from"));
    Column toState = when(col("transition_kind").isin(QualificationTransitionsBuilder.LEAVER,
        QualificationTransitionsBuilder.MOVED_OUT), lit(null).cast("string"))
        .otherwise(col("category_to"));
    Dataset<Row> pooled = transitions
        .filter(col(Columns.ORG_LEVEL).isin(StaffByUnit.DISTRICT, StaffByUnit.REGION))
        .crossJoin(scenario)
        .filter(col(WindowPairs.WINDOW_FROM).geq(poolFrom)
            .and(col(WindowPairs.WINDOW_TO).leq(col("base_window"))))
        .withColumn("pair", concat_ws("/", col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO)))
        .withColumn("from_state", fromState).withColumn("to_state", toState)
        .withColumn("kind", lit(PAIR))
        .withColumn("persons", col("persons").cast("long"));
    Dataset<Row> own = pooled.withColumn("role", lit(OWN));
    // every district also sees its region's pooled transitions, to borrow from
    Dataset<Row> districtRegion = dimSchool.select(col(Columns.DISTRICT_ID).as("d_id"),
        col(Columns.REGION).as("d_region")).distinct();
    Dataset<Row> fallback = pooled.filter(col(Columns.ORG_LEVEL).equalTo(lit(StaffByUnit.REGION)))
        .join(districtRegion, col(Columns.ORG_ID).equalTo(col("d_region")))
        .withColumn(Columns.ORG_LEVEL, lit(StaffByUnit.DISTRICT))
        .withColumn(Columns.ORG_ID, col("d_id")).withColumn(Columns.DISTRICT_ID, col("d_id"))
        .withColumn("role", lit(FALLBACK));
    // the distributions at the base and (back-test) target windows
    Dataset<Row> byUnit = StaffByUnit.atEveryLevel(
            StaffByUnit.mainWorkplace(staffPositions, dimSchool)
                .select(Columns.WINDOW_ID, Columns.SCHOOL_ID, Columns.DISTRICT_ID, Columns.REGION,
                    "category_effective"),
            Columns.SCHOOL_ID, Columns.DISTRICT_ID, Columns.REGION)
        .filter(col(Columns.ORG_LEVEL).isin(StaffByUnit.DISTRICT, StaffByUnit.REGION))
        .groupBy(col(Columns.WINDOW_ID), col(Columns.ORG_LEVEL), col(Columns.ORG_ID),
            col("unit_district_id").as(Columns.DISTRICT_ID), col("category_effective"))
        .agg(count(lit(1)).as("persons"));
    Dataset<Row> baseRows = byUnit.join(scenario, col(Columns.WINDOW_ID).equalTo(col("base_window")))
        .withColumn("kind", lit(BASE));
    Dataset<Row> targetRows = byUnit.join(scenario, col(Columns.WINDOW_ID).equalTo(col("target_window")))
        .withColumn("kind", lit(TARGET));
    Dataset<Row> distributions = baseRows.unionByName(targetRows)
        .withColumn("role", lit(OWN)).withColumn("pair", lit(null).cast("string"))
        .withColumn("from_state", lit(null).cast("string"))
        .withColumn("to_state", col("category_effective"));
    Column[] inputColumns = java.util.Arrays.stream(INPUT.fieldNames()).map(c -> col(c))
        .toArray(Column[]::new);
    Dataset<Row> input = own.select(inputColumns).unionByName(fallback.select(inputColumns))
        .unionByName(distributions.select(inputColumns));
    return input
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0001" + r.getString(1)
            + "\u0001" + r.getString(2), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) QualificationProjectionBuilder::project,
            Encoders.row(OUTPUT));
  }

  /** One unit and scenario: estimate the chain from its rows and project the base distribution. */
  static Iterator<Row> project(String key, Iterator<Row> rows) {
    MarkovChain.Counts own = new MarkovChain.Counts();
    MarkovChain.Counts fallback = new MarkovChain.Counts();
    boolean hasFallback = false;
    Map<String, Long> base = new TreeMap<>();
    Map<String, Long> target = new TreeMap<>();
    Row head = null;
    List<Integer> years = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (head == null) {
        head = r;
        years = r.getList(6);
      }
      String kind = r.getString(8);
      long persons = r.getLong(12);
      if (kind.equals(PAIR)) {
        if (r.getString(7).equals(FALLBACK)) {
          fallback.add(r.getString(9), r.getString(10), r.getString(11), persons);
          hasFallback = true;
        } else {
          own.add(r.getString(9), r.getString(10), r.getString(11), persons);
        }
      } else if (kind.equals(BASE)) {
        base.merge(r.getString(11), persons, Long::sum);
      } else {
        target.merge(r.getString(11), persons, Long::sum);
      }
    }
    List<Row> out = new ArrayList<>();
    if (head == null || own.pairs() == 0 || base.isEmpty()) {
      return out.iterator();
    }
    TreeSet<String> extra = new TreeSet<>(base.keySet());
    extra.addAll(target.keySet());
    MarkovChain chain = MarkovChain.estimate(own, hasFallback ? fallback : null,
        MIN_PERSONS_PER_STATE, extra);
    double[] x0 = chain.vector(base);
    boolean backtest = head.getString(0).equals(BACKTEST);
    for (int year : years) {
      double[] x = chain.project(x0, year * STEPS_PER_YEAR);
      for (int i = 0; i < x.length; i++) {
        String category = chain.states().get(i);
        out.add(RowFactory.create(head.getString(0), head.getString(1), head.getString(2),
            head.getString(3), head.getString(4), head.getString(5), year, category, x[i],
            backtest ? target.getOrDefault(category, 0L) : null));
      }
    }
    return out.iterator();
  }
}
