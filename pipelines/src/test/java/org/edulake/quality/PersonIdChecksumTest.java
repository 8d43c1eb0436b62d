package org.edulake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edulake.quality.checks.PersonIdChecksum;
import org.junit.jupiter.api.Test;

class PersonIdChecksumTest {
  @Test
  void snilsCheckSumByHand() {
    // 112-233-445 95: 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95 (< 100: the sum itself)
    assertTrue(PersonIdChecksum.validSnils("11223344595"));
    assertFalse(PersonIdChecksum.validSnils("11223344596"));
    // 987-654-321: 9·9+8·8+7·7+6·6+5·5+4·4+3·3+2·2+1·1 = 285; 285 mod 101 = 83
    assertEquals("98765432183", PersonIdChecksum.snilsWithCheck(987654321L));
    assertTrue(PersonIdChecksum.validSnils("98765432183"));
  }

  @Test
  void snilsSumOf100Or101IsWrittenAs00() {
    // 001-019-989: 1·7+1·5+9·4+9·3+8·2+9·1 = 7+5+36+27+16+9 = 100 → 00
    assertEquals("00101998900", PersonIdChecksum.snilsWithCheck(1_019_989L));
    // 001-019-998: 7+5+36+27+18+8 = 101 → 00
    assertTrue(PersonIdChecksum.validSnils("00101999800"));
  }

  @Test
  void iinCheckDigitByHand() {
    // ИИН 900101300017? weights 1..11: 9·1+0·2+0·3+1·4+0·5+1·6+3·7+0·8+0·9+0·10+1·11 = 51; 51 mod 11 = 7
    assertTrue(PersonIdChecksum.validIin("900101300017"));
    assertFalse(PersonIdChecksum.validIin("900101300018"));
  }
}
