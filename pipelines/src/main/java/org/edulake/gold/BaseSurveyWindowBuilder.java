package org.edulake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.contract.SurveyDefinition;
import org.edulake.spark.Columns;

/**
 * base_survey_window: one row per school and survey window (a window whose folder brought a
 * survey export) with the school's responses, its roster headcount and, per question, the
 * positive answers, the answers with an opinion and the no-opinion answers. A no-opinion answer
 * counts as a response (SPEC §3) but not in the question's denominator. A per-school question
 * (seed 004 #12) counts the school once: 1 with an opinion when its administration answered,
 * 1 positive when more than half of those answers are positive.
 */
public final class BaseSurveyWindowBuilder {
  static final double SCHOOL_MAJORITY = 0.5;   // seed 004 #12: "more than half" of the answers

  private BaseSurveyWindowBuilder() {}

  public static String positive(String question) {
    return question + "_positive";
  }

  public static String withOpinion(String question) {
    return question + "_with_opinion";
  }

  public static String noOpinion(String question) {
    return question + "_no_opinion";
  }

  /**
   * @param responses stg_surveys: one row per accepted response
   * @param answers fct_survey_answer
   * @param staffPositions fct_staff_position (the roster headcount is at main workplaces)
   */
  public static Dataset<Row> build(Dataset<Row> responses, Dataset<Row> answers,
      Dataset<Row> staffPositions, SurveyDefinition survey) {
    Dataset<Row> windows = responses.select(col(Columns.WINDOW).as("v_window")).distinct();
    Dataset<Row> perSchool = responses.filter(col(Columns.SCHOOL_ID).isNotNull())
        .groupBy(col(Columns.WINDOW).as(Columns.WINDOW_ID), col(Columns.SCHOOL_ID))
        .agg(count(lit(1)).as("responses"));
    Dataset<Row> roster = staffPositions.filter(col(Columns.IS_MAIN_WORKPLACE))
        .join(windows, col(Columns.WINDOW_ID).equalTo(col("v_window")))
        .groupBy(col(Columns.WINDOW_ID), col(Columns.SCHOOL_ID))
        .agg(countDistinct(col(Columns.PERSON_KEY)).as("roster_headcount"));
    List<Column> aggs = new ArrayList<>();
    for (SurveyDefinition.Question q : survey.questions()) {
      Column mine = col(Columns.QUESTION_CODE).equalTo(lit(q.code()));
      if (q.administrationOnly()) {
        mine = mine.and(col(Columns.IS_ADMINISTRATION));
      }
      Column opinion = mine.and(col("is_no_opinion").equalTo(lit(false)));
      aggs.add(sum(when(opinion.and(col("is_positive")), 1).otherwise(0)).as(positive(q.code())));
      aggs.add(sum(when(opinion, 1).otherwise(0)).as(withOpinion(q.code())));
      aggs.add(sum(when(mine.and(col("is_no_opinion")), 1).otherwise(0)).as(noOpinion(q.code())));
    }
    Dataset<Row> byQuestion = answers.filter(col(Columns.SCHOOL_ID).isNotNull())
        .groupBy(col(Columns.WINDOW_ID).as("a_window"), col(Columns.SCHOOL_ID).as("a_school"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    List<Column> select = new ArrayList<>();
    select.add(col(Columns.WINDOW_ID));
    select.add(col(Columns.SCHOOL_ID));
    select.add(coalesce(col("responses"), lit(0L)).as("responses"));
    select.add(coalesce(col("roster_headcount"), lit(0L)).as("roster_headcount"));
    for (SurveyDefinition.Question q : survey.questions()) {
      Column pos = coalesce(col(positive(q.code())), lit(0L));
      Column with = coalesce(col(withOpinion(q.code())), lit(0L));
      if (q.perSchool()) {
        select.add(when(with.gt(0).and(pos.gt(with.multiply(SCHOOL_MAJORITY))), 1L).otherwise(0L)
            .as(positive(q.code())));
        select.add(when(with.gt(0), 1L).otherwise(0L).as(withOpinion(q.code())));
      } else {
        select.add(pos.cast("long").as(positive(q.code())));
        select.add(with.cast("long").as(withOpinion(q.code())));
      }
      select.add(coalesce(col(noOpinion(q.code())), lit(0L)).cast("long").as(noOpinion(q.code())));
    }
    return perSchool.join(roster, scalaSeq(Columns.WINDOW_ID, Columns.SCHOOL_ID), "full_outer")
        .join(byQuestion, col(Columns.WINDOW_ID).equalTo(col("a_window"))
            .and(col(Columns.SCHOOL_ID).equalTo(col("a_school"))), "left")
        .select(select.toArray(Column[]::new));
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
  }
}
