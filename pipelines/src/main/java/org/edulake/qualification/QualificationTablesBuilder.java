package org.edulake.qualification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.spark.Tables;

/** silver → the gold tables of qualification dynamics and PD need (SPEC §4.4, seed 003). */
public final class QualificationTablesBuilder {
  private QualificationTablesBuilder() {}

  /** The tables that read silver only: transitions, growth, workload and PD need. */
  public static Map<String, Dataset<Row>> fromSilver(Map<String, Dataset<Row>> silver) {
    Dataset<Row> staff = silver.get(Tables.FCT_STAFF_POSITION);
    Dataset<Row> schools = silver.get(Tables.DIM_SCHOOL);
    Dataset<Row> windows = silver.get(Tables.DIM_WINDOW);
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(Tables.QUALIFICATION_TRANSITIONS,
        QualificationTransitionsBuilder.build(staff, schools, windows));
    out.put(Tables.QUALIFICATION_GROWTH, QualificationGrowthBuilder.build(staff, schools, windows));
    out.put(Tables.QUALIFICATION_WORKLOAD, QualificationWorkloadBuilder.build(staff, schools));
    out.put(Tables.PD_NEED_FORECAST,
        PdNeedForecastBuilder.build(staff, schools, windows, silver.get(Tables.FCT_PD_COURSE)));
    return out;
  }

  /** The Markov projection and its back-test, from the stored transitions. */
  public static Map<String, Dataset<Row>> fromTransitions(Map<String, Dataset<Row>> silver,
      Dataset<Row> transitions) {
    Dataset<Row> staff = silver.get(Tables.FCT_STAFF_POSITION);
    Dataset<Row> schools = silver.get(Tables.DIM_SCHOOL);
    Dataset<Row> windows = silver.get(Tables.DIM_WINDOW);
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(Tables.QUALIFICATION_PROJECTION,
        QualificationProjectionBuilder.projection(transitions, staff, schools, windows));
    out.put(Tables.QUALIFICATION_BACKTEST,
        QualificationProjectionBuilder.backtest(transitions, staff, schools, windows));
    return out;
  }
}
