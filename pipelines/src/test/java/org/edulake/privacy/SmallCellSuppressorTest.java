package org.edulake.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.edulake.gold.IndicatorPassport;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class SmallCellSuppressorTest {
  static final StructType SCHEMA = new StructType()
      .add("indicator_id", DataTypes.StringType).add("window_id", DataTypes.StringType)
      .add("org_level", DataTypes.StringType).add("org_id", DataTypes.StringType)
      .add("org_name", DataTypes.StringType).add("district_id", DataTypes.StringType)
      .add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
      .add("value", DataTypes.DoubleType).add("unit", DataTypes.StringType)
      .add("status", DataTypes.StringType).add("schools_covered", DataTypes.IntegerType)
      .add("schools_total", DataTypes.IntegerType);

  static Row count(String level, String org, String district, double n) {
    return RowFactory.create("staff_count_attestation_overdue", "2025-05", level, org, org, district,
        n, null, n, "count", "ok", 1, 1);
  }

  static Row share(String level, String org, String district, double num, double den) {
    return RowFactory.create("staff_share_young", "2025-05", level, org, org, district, num, den,
        100 * num / den, "percent", "ok", 1, 1);
  }

  static List<IndicatorPassport> passports() {
    return List.of(IndicatorPassport.load("staff_count_attestation_overdue"),
        IndicatorPassport.load("staff_share_young"));
  }

  @Test
  void aLoneSmallCountGetsAPartnerSoSubtractionCannotRecoverIt(SparkSession spark) {
    // district D1 = A 3 + B 20 + C 30 = 53; D2 = E 40 alone; region = 93. A (3 < 5) is primary;
    // without a partner, A = 53 − 20 − 30. B, the smallest other school, is suppressed too.
    List<Row> rows = List.of(count("school", "A", "D1", 3), count("school", "B", "D1", 20),
        count("school", "C", "D1", 30), count("district", "D1", "D1", 53),
        count("school", "E", "D2", 40), count("district", "D2", "D2", 40),
        count("region", "R", null, 93));
    Map<String, Row> out = apply(spark, rows);
    assertEquals("suppressed", out.get("A").getAs("status"));
    assertEquals("suppressed", out.get("B").getAs("status"));
    assertEquals("ok", out.get("C").getAs("status"));
    assertNull(out.get("A").getAs("value"));
    assertNull(out.get("B").getAs("numerator"));
    assertCannotRecoverBySubtraction(out, rows);
  }

  @Test
  void aSmallDenominatorHidesTheShareAndItsSibling(SparkSession spark) {
    // D1: A 2 of 8 (8 < 10: primary), B 5 of 12, C 9 of 30 → B (12) partners A. Denominators stay.
    List<Row> rows = List.of(share("school", "A", "D1", 2, 8), share("school", "B", "D1", 5, 12),
        share("school", "C", "D1", 9, 30), share("district", "D1", "D1", 16, 50),
        share("region", "R", null, 16, 50));
    Map<String, Row> out = apply(spark, rows);
    assertEquals("suppressed", out.get("A").getAs("status"));
    assertEquals("suppressed", out.get("B").getAs("status"));
    assertEquals(8.0, (Double) out.get("A").getAs("denominator"));
    assertEquals("ok", out.get("C").getAs("status"));
    assertCannotRecoverBySubtraction(out, rows);
  }

  @Test
  void aSuppressedDistrictGetsAPartnerDistrictUnderTheRegion(SparkSession spark) {
    // D1 has one school with 4 (primary at both levels); D2 = 10 + 12; D3 = 30. The region (56)
    // minus D2 and D3 would give D1 back, so the smaller of D2 and D3 — D2 (22) — is hidden.
    List<Row> rows = List.of(count("school", "A", "D1", 4), count("district", "D1", "D1", 4),
        count("school", "B", "D2", 10), count("school", "C", "D2", 12),
        count("district", "D2", "D2", 22), count("school", "E", "D3", 30),
        count("district", "D3", "D3", 30), count("region", "R", null, 56));
    Map<String, Row> out = apply(spark, rows);
    assertEquals("suppressed", out.get("D1").getAs("status"));
    assertEquals("suppressed", out.get("D2").getAs("status"));
    assertEquals("ok", out.get("D3").getAs("status"));
    // D2 is the sum of its schools: one of them (B, 10) is hidden too, or 56 − 10 − 12 − 30 = 4
    assertEquals("suppressed", out.get("B").getAs("status"));
    assertCannotRecoverBySubtraction(out, rows);
  }

  @Test
  void zeroThresholdsTurnSuppressionOff(SparkSession spark) {
    List<Row> rows = List.of(count("school", "A", "D1", 1), count("district", "D1", "D1", 1),
        count("region", "R", null, 1));
    Dataset<Row> out = SmallCellSuppressor.apply(spark.createDataFrame(rows, SCHEMA), passports(), 0, 0);
    assertEquals(0, out.filter("status = 'suppressed'").count());
  }

  static Map<String, Row> apply(SparkSession spark, List<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : SmallCellSuppressor.apply(spark.createDataFrame(rows, SCHEMA), passports(), 5, 10)
        .collectAsList()) {
      out.put(r.getAs("org_id"), r);
    }
    return out;
  }

  /**
   * The attacker's attempt: every published aggregate is an equation over the school values;
   * the region minus the published districts is one more. An equation with exactly one hidden
   * school gives that school back by subtraction. It must never come to that.
   */
  static void assertCannotRecoverBySubtraction(Map<String, Row> out, List<Row> input) {
    List<Row> schools = out.values().stream().filter(r -> "school".equals(r.getAs("org_level")))
        .toList();
    for (Row agg : out.values()) {
      String level = agg.getAs("org_level");
      if (level.equals("school") || !"ok".equals(agg.getAs("status"))) {
        continue;
      }
      long unknown = schools.stream().filter(s -> level.equals("region")
              || s.getAs("district_id").equals(agg.getAs("org_id")))
          .filter(s -> "suppressed".equals(s.getAs("status"))).count();
      assertTrue(unknown != 1, agg.getAs("org_id") + " reveals its one hidden school");
      if (level.equals("region")) {
        // region minus the published districts: the hidden schools of hidden districts
        long underHiddenDistricts = schools.stream()
            .filter(s -> "suppressed".equals(s.getAs("status")))
            .filter(s -> !"ok".equals(out.get((String) s.getAs("district_id")).getAs("status")))
            .count();
        assertTrue(underHiddenDistricts != 1, "region minus districts reveals a hidden school");
      }
    }
  }
}
