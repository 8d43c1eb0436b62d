package org.edulake.generate;

import java.util.SplittableRandom;

/**
 * СНИЛС numbers with a valid check sum: 9 digits weighted 9…1; a sum below 100 is the check
 * number, 100 and 101 give 00, larger sums are taken mod 101 (then 100 gives 00). Numbers start
 * above 001-001-998, the first number the check applies to.
 */
final class Snils {
  /** Smallest body used, so every number is past 001-001-998. */
  static final long MIN_BODY = 2_000_000L;
  private static final long SPACE = 998_000_000L;       // bodies 002000000 … 999999999
  private static final long MULTIPLIER = 613_651_349L;  // coprime with SPACE (2, 5, 499)

  private Snils() {}

  static int checkSum(long body) {
    long sum = 0;
    long rest = body;
    for (int weight = 1; weight <= 9; weight++) {
      sum += (rest % 10) * weight;
      rest /= 10;
    }
    if (sum < 100) {
      return (int) sum;
    }
    if (sum == 100 || sum == 101) {
      return 0;
    }
    int mod = (int) (sum % 101);
    return mod == 100 ? 0 : mod;
  }

  /**
   * The 11 digits of a distinct valid СНИЛС for {@code ordinal} (a bijection of 0 … SPACE−1,
   * shifted by a seed-dependent offset), so persons never share a number.
   */
  static String forOrdinal(long ordinal, long offset) {
    if (ordinal < 0 || ordinal >= SPACE) {
      throw new IllegalArgumentException("ordinal out of range: " + ordinal);
    }
    long body = MIN_BODY + Math.floorMod(mulMod(ordinal, MULTIPLIER) + offset, SPACE);
    return String.format("%09d%02d", body, checkSum(body));
  }

  private static long mulMod(long a, long b) {
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
        .mod(java.math.BigInteger.valueOf(SPACE)).longValueExact();
  }

  static boolean isValid(String digits) {
    String d = digits.replaceAll("[^0-9]", "");
    if (d.length() != 11) {
      return false;
    }
    long body = Long.parseLong(d.substring(0, 9));
    return checkSum(body) == Integer.parseInt(d.substring(9));
  }

  /** 11 digits written as {@code XXX-XXX-XXX YY}. */
  static String dashed(String digits) {
    return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9)
        + " " + digits.substring(9);
  }

  /** The same body with a check number that does not match (a person_id_checksum defect). */
  static String withWrongCheckSum(String digits, SplittableRandom rng) {
    long body = Long.parseLong(digits.substring(0, 9));
    int good = checkSum(body);
    int bad = (good + 1 + rng.nextInt(98)) % 100;
    return digits.substring(0, 9) + String.format("%02d", bad);
  }
}
