package org.edulake.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.edulake.testing.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class PersonKeyHasherTest {
  @Test
  void sparkExpressionEqualsJdkHmacSha256(SparkSession spark) {
    List<String> ids = List.of("11223344595", "00000000100", "123456789012");
    String secret = "a secret longer than nothing";
    List<Row> rows = spark.createDataset(ids, Encoders.STRING()).toDF("id")
        .select(col("id"), PersonKeyHasher.personKey(col("id"), secret).as("k"))
        .orderBy("id").collectAsList();
    for (Row r : rows) {
      assertEquals(PersonKeyHasher.hmacHex(r.getString(0), secret), r.getString(1), r.getString(0));
    }
  }

  @Test
  void jdkReferenceMatchesRfc4231TestCase2() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        PersonKeyHasher.hmacHex("what do ya want for nothing?", "Jefe"));
  }

  @Test
  void longSecretIsHashedFirstAsHmacRequires(SparkSession spark) {
    String secret = "k".repeat(100);
    Row r = spark.createDataset(List.of("11223344595"), Encoders.STRING()).toDF("id")
        .select(PersonKeyHasher.personKey(col("id"), secret)).first();
    assertEquals(PersonKeyHasher.hmacHex("11223344595", secret), r.getString(0));
  }
}
