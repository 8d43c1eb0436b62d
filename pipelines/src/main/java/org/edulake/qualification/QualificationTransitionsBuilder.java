package org.edulake.qualification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Columns;

/**
 * qualification_transitions: one row per org unit, pair of consecutive windows, category_from,
 * category_to and transition_kind, with the number of persons (SPEC §4.4, §7, §8).
 *
 * <p>Persons are matched on person_key at their main workplace in each window; categories are
 * compared after validity (category_effective, effective category_rank). The kind of a person
 * present in both windows: {@code lapse} when the same assignment (same category as given and
 * same category_date) is lapsed in window_to and was not in window_from (RU: a pre-2023-09-01
 * category past 5 years; KZ: attestation overdue); otherwise {@code upgrade} / {@code downgrade}
 * by effective rank, {@code confirmation} for the same effective category and {@code lateral} for
 * another category of the same rank. A person only in window_to is a {@code new_hire}
 * (category_from NULL), only in window_from a {@code leaver} (category_to NULL).
 *
 * <p>Moves: at each org level, a person whose unit differs between the two windows is counted as
 * {@code moved_out} at the old unit and {@code moved_in} at the new one, both rows carrying both
 * categories (held at the old and at the new workplace). So a move between schools of one
 * district is moved_out/moved_in at school level and an ordinary transition at district and
 * region level; between districts it is moved_out/moved_in at school and district level.
 *
 * <p>Invariants: a unit's persons at window_from by category are its rows without new_hire and
 * moved_in, grouped by category_from; at window_to, its rows without leaver and moved_out,
 * grouped by category_to. school_id-level rows sum to district and region rows, except that moves
 * inside a unit are not moves at that unit.
 */
public final class QualificationTransitionsBuilder {
  public static final String UPGRADE = "upgrade";
  public static final String CONFIRMATION = "confirmation";
  public static final String LATERAL = "lateral";
  public static final String DOWNGRADE = "downgrade";
  public static final String LAPSE = "lapse";
  public static final String NEW_HIRE = "new_hire";
  public static final String LEAVER = "leaver";
  public static final String MOVED_OUT = "moved_out";
  public static final String MOVED_IN = "moved_in";
  /** Kinds of persons who were in the unit at window_from. */
  public static final List<String> PRESENT_AT_FROM =
      List.of(UPGRADE, CONFIRMATION, LATERAL, DOWNGRADE, LAPSE, LEAVER, MOVED_OUT);
  /** Kinds of persons who are in the unit at window_to. */
  public static final List<String> PRESENT_AT_TO =
      List.of(UPGRADE, CONFIRMATION, LATERAL, DOWNGRADE, LAPSE, NEW_HIRE, MOVED_IN);

  private static final String[] SIDE_COLUMNS = {Columns.SCHOOL_ID, Columns.DISTRICT_ID,
      Columns.REGION, "category", "category_date", "category_effective", "category_rank",
      "is_category_lapsed"};

  private QualificationTransitionsBuilder() {}

  /**
   * @param staffPositions silver fct_staff_position (category columns after validity)
   * @param dimSchool silver dim_school: window_id, school_id, district_id, region
   * @param dimWindow silver dim_window: window_id
   */
  public static Dataset<Row> build(Dataset<Row> staffPositions, Dataset<Row> dimSchool,
      Dataset<Row> dimWindow) {
    Dataset<Row> persons = personTransitions(staffPositions, dimSchool, dimWindow);
    Dataset<Row> rows = null;
    for (String level : List.of(StaffByUnit.SCHOOL, StaffByUnit.DISTRICT, StaffByUnit.REGION)) {
      Dataset<Row> one = atLevel(persons, level);
      rows = rows == null ? one : rows.unionByName(one);
    }
    return rows.groupBy(Columns.ORG_LEVEL, Columns.ORG_ID, Columns.DISTRICT_ID,
            WindowPairs.WINDOW_FROM, WindowPairs.WINDOW_TO, "category_from", "category_to",
            "transition_kind")
        .agg(count(lit(1)).cast("int").as("persons"))
        .select(Columns.ORG_LEVEL, Columns.ORG_ID, Columns.DISTRICT_ID, WindowPairs.WINDOW_FROM,
            WindowPairs.WINDOW_TO, "category_from", "category_to", "transition_kind", "persons");
  }

  /**
   * One row per person and pair of consecutive windows in which the person is on a roster:
   * window_from, window_to, person_key, f_* and t_* (school_id, district_id, region, category,
   * category_date, category_effective, category_rank, is_category_lapsed; NULL on the side
   * where the person is absent), f_in, t_in and person_kind.
   */
  static Dataset<Row> personTransitions(Dataset<Row> staffPositions, Dataset<Row> dimSchool,
      Dataset<Row> dimWindow) {
    Dataset<Row> main = StaffByUnit.mainWorkplace(staffPositions, dimSchool);
    Dataset<Row> pairs = WindowPairs.consecutive(dimWindow);
    Dataset<Row> from = side(main, pairs, WindowPairs.WINDOW_FROM, "f_");
    Dataset<Row> to = side(main, pairs, WindowPairs.WINDOW_TO, "t_");
    Dataset<Row> joined = from.join(to, scalaSeq(WindowPairs.WINDOW_FROM, WindowPairs.WINDOW_TO,
        Columns.PERSON_KEY), "full_outer");
    Column fIn = col("f_in").isNotNull();
    Column tIn = col("t_in").isNotNull();
    Column sameAssignmentLapsed = col("t_is_category_lapsed")
        .and(not(col("f_is_category_lapsed")))
        .and(col("f_category").eqNullSafe(col("t_category")))
        .and(col("f_category_date").eqNullSafe(col("t_category_date")));
    Column kind = when(not(fIn), lit(NEW_HIRE))
        .when(not(tIn), lit(LEAVER))
        .when(sameAssignmentLapsed, lit(LAPSE))
        .when(col("t_category_rank").gt(col("f_category_rank")), lit(UPGRADE))
        .when(col("t_category_rank").lt(col("f_category_rank")), lit(DOWNGRADE))
        .when(col("t_category_effective").eqNullSafe(col("f_category_effective")), lit(CONFIRMATION))
        .otherwise(lit(LATERAL));
    return joined.withColumn("f_in", fIn).withColumn("t_in", tIn).withColumn("person_kind", kind);
  }

  private static Dataset<Row> side(Dataset<Row> main, Dataset<Row> pairs, String windowColumn,
      String prefix) {
    Column[] cols = new Column[SIDE_COLUMNS.length + 4];
    cols[0] = col(WindowPairs.WINDOW_FROM);
    cols[1] = col(WindowPairs.WINDOW_TO);
    cols[2] = col(Columns.PERSON_KEY);
    cols[3] = lit(true).as(prefix + "in");
    for (int i = 0; i < SIDE_COLUMNS.length; i++) {
      cols[i + 4] = col(SIDE_COLUMNS[i]).as(prefix + SIDE_COLUMNS[i]);
    }
    return main.join(pairs, main.col(Columns.WINDOW_ID).equalTo(pairs.col(windowColumn)))
        .select(cols);
  }

  /** The person rows as seen from the units of one org level. */
  private static Dataset<Row> atLevel(Dataset<Row> persons, String level) {
    String unit = switch (level) {
      case StaffByUnit.SCHOOL -> Columns.SCHOOL_ID;
      case StaffByUnit.DISTRICT -> Columns.DISTRICT_ID;
      default -> Columns.REGION;
    };
    Column unitFrom = col("f_" + unit);
    Column unitTo = col("t_" + unit);
    Column districtFrom = level.equals(StaffByUnit.REGION) ? lit(null).cast("string")
        : col("f_" + Columns.DISTRICT_ID);
    Column districtTo = level.equals(StaffByUnit.REGION) ? lit(null).cast("string")
        : col("t_" + Columns.DISTRICT_ID);
    Column catFrom = col("f_category_effective");
    Column catTo = col("t_category_effective");
    Column nullText = lit(null).cast("string");
    // in the same unit in both windows: the person's own kind
    Dataset<Row> stayed = persons.filter(col("f_in").and(col("t_in")).and(unitFrom.equalTo(unitTo)))
        .select(unitFrom.as(Columns.ORG_ID), districtFrom.as(Columns.DISTRICT_ID),
            col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO), catFrom.as("category_from"),
            catTo.as("category_to"), col("person_kind").as("transition_kind"));
    // at the unit of window_from but not in it at window_to: leaver or moved_out
    Dataset<Row> out = persons.filter(col("f_in").and(not(col("t_in")).or(unitFrom.notEqual(unitTo))))
        .select(unitFrom.as(Columns.ORG_ID), districtFrom.as(Columns.DISTRICT_ID),
            col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO), catFrom.as("category_from"),
            when(col("t_in"), catTo).otherwise(nullText).as("category_to"),
            when(col("t_in"), lit(MOVED_OUT)).otherwise(lit(LEAVER)).as("transition_kind"));
    // at the unit of window_to but not in it at window_from: new_hire or moved_in
    Dataset<Row> in = persons.filter(col("t_in").and(not(col("f_in")).or(unitFrom.notEqual(unitTo))))
        .select(unitTo.as(Columns.ORG_ID), districtTo.as(Columns.DISTRICT_ID),
            col(WindowPairs.WINDOW_FROM), col(WindowPairs.WINDOW_TO),
            when(col("f_in"), catFrom).otherwise(nullText).as("category_from"),
            catTo.as("category_to"),
            when(col("f_in"), lit(MOVED_IN)).otherwise(lit(NEW_HIRE)).as("transition_kind"));
    return stayed.unionByName(out).unionByName(in).withColumn(Columns.ORG_LEVEL, lit(level));
  }

  static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
  }
}
