package org.edulake.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnilsTest {
  @ParameterizedTest
  @CsvSource({
      "112233445, 95",   // 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95, below 100: itself
      "999999999, 1",    // 9·45 = 405; 405 mod 101 = 1
      "100000009, 18",   // weights run 9…1 from the left: 1·9 + 9·1 = 18
  })
  void checkSumFollowsTheWeightedRule(long body, int expected) {
    assertEquals(expected, Snils.checkSum(body));
  }

  @Test
  void sumsOf100And101GiveZeroZero() {
    int found = 0;
    for (long body = 100_000_000L; body < 100_300_000L && found < 2; body++) {
      long sum = 0;
      long rest = body;
      for (int w = 1; w <= 9; w++) {
        sum += (rest % 10) * w;
        rest /= 10;
      }
      if (sum == 100 || sum == 101) {
        assertEquals(0, Snils.checkSum(body));
        found++;
      }
    }
    assertEquals(2, found);
  }

  @Test
  void ordinalsGiveDistinctValidNumbersWithLeadingZerosSometimes() {
    Set<String> seen = new HashSet<>();
    boolean leadingZero = false;
    for (long i = 0; i < 20_000; i++) {
      String s = Snils.forOrdinal(i * 37_813, 123_456_789L);
      assertEquals(11, s.length());
      assertTrue(Snils.isValid(s), s);
      assertTrue(Long.parseLong(s.substring(0, 9)) >= Snils.MIN_BODY);
      assertTrue(seen.add(s), "duplicate " + s);
      leadingZero |= s.startsWith("0");
    }
    assertTrue(leadingZero);
  }

  @Test
  void wrongCheckSumIsInvalidAndDashedFormIsReadable() {
    SplittableRandom rng = new SplittableRandom(1);
    String good = Snils.forOrdinal(5, 0);
    assertTrue(Snils.isValid(Snils.dashed(good)));
    for (int i = 0; i < 200; i++) {
      assertFalse(Snils.isValid(Snils.withWrongCheckSum(good, rng)));
    }
    assertEquals("112-233-445 95", Snils.dashed("11223344595"));
  }
}
