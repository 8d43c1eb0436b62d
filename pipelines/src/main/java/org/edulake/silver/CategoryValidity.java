package org.edulake.silver;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Validity of qualification categories at the reference date (SPEC §4.1, §7).
 * RU: a category dated before 2023-09-01 is valid while ref &lt; date + 5 years, then counts as
 * «без категории» (a lapse); later ones do not expire; an СЗД is due again 5 years after its
 * date and, past that, makes the person "attestation overdue". KZ: every dated category is valid
 * 5 years; past that the person is overdue and counts at rank 0. No date: valid (a warning).
 */
public final class CategoryValidity {
  /** Order No. 196 took effect on this date; categories from it on do not expire. */
  public static final LocalDate RU_NO_EXPIRY_FROM = LocalDate.of(2023, 9, 1);
  public static final int VALIDITY_MONTHS = 60;
  /** "Highest rank": RU высшая and above (rank ≥ 2), KZ исследователь and above (rank ≥ 3). */
  public static final int RU_HIGHEST_RANK_FROM = 2;
  public static final int KZ_HIGHEST_RANK_FROM = 3;
  public static final String NO_CATEGORY = "без категории";

  private CategoryValidity() {}

  public static int highestRankFrom(String scheme) {
    return "kz".equals(scheme) ? KZ_HIGHEST_RANK_FROM : RU_HIGHEST_RANK_FROM;
  }

  /**
   * Adds category_effective, category_rank (effective), has_category, is_highest_rank,
   * attestation_due_date, is_attestation_due_12m, is_attestation_overdue, is_category_lapsed.
   * Expects category, category_kind, category_rank (as given), category_shown_as, category_date
   * and reference_date.
   */
  public static Dataset<Row> apply(Dataset<Row> staff, String scheme) {
    Column ref = col("reference_date");
    Column date = col("category_date");
    Column kind = col("category_kind");
    Column expiry = add_months(date, VALIDITY_MONTHS);
    Column expires;
    Column overdue;
    Column dueDate;
    if ("kz".equals(scheme)) {
      expires = kind.equalTo(lit("category")).and(date.isNotNull());
      dueDate = when(expires, expiry);
      overdue = expires.and(ref.geq(expiry));
    } else {
      expires = kind.equalTo(lit("category")).and(date.lt(lit(java.sql.Date.valueOf(RU_NO_EXPIRY_FROM))));
      Column szd = kind.equalTo(lit("szd")).and(date.isNotNull());
      dueDate = when(expires.or(szd), expiry);
      overdue = szd.and(ref.geq(expiry));
    }
    Column lapsed = expires.and(ref.geq(expiry));
    Column rank = when(lapsed, lit(0)).otherwise(coalesce(col("category_rank"), lit(0)));
    Column effective = when(lapsed, lit("kz".equals(scheme) ? "без категории" : NO_CATEGORY))
        .otherwise(col("category_shown_as"));
    Column due12 = dueDate.gt(ref).and(dueDate.leq(add_months(ref, 12)));
    return staff
        .withColumn("is_category_lapsed", coalesce(lapsed, lit(false)))
        .withColumn("category_effective", effective)
        .withColumn("category_rank", rank)
        .withColumn("has_category", rank.geq(1))
        .withColumn("is_highest_rank", rank.geq(highestRankFrom(scheme)))
        .withColumn("attestation_due_date", dueDate)
        .withColumn("is_attestation_due_12m", coalesce(due12, lit(false)))
        .withColumn("is_attestation_overdue", coalesce(overdue, lit(false)));
  }
}
