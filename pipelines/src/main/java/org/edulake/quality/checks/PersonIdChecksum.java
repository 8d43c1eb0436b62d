package org.edulake.quality.checks;

/**
 * Check digits of person ids. СНИЛС (RU, 11 digits): the weighted sum of the first nine digits
 * (weights 9…1) taken mod 101, with 100 written as 00; numbers up to 001-001-998 carry no check.
 * ИИН (KZ, 12 digits): weights 1…11 mod 11; when that gives 10, weights 3…11,1,2; 10 again is
 * invalid.
 */
public final class PersonIdChecksum {
  private PersonIdChecksum() {}

  public static boolean validSnils(String digits) {
    if (digits == null || !digits.matches("\\d{11}")) {
      return false;
    }
    long number = Long.parseLong(digits.substring(0, 9));
    int check = Integer.parseInt(digits.substring(9));
    if (number <= 1_001_998L) {
      return true;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    int expected = sum % 101;
    if (expected == 100) {
      expected = 0;
    }
    return expected == check;
  }

  public static boolean validIin(String digits) {
    if (digits == null || !digits.matches("\\d{12}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0') * (i + 1);
    }
    int check = sum % 11;
    if (check == 10) {
      sum = 0;
      for (int i = 0; i < 11; i++) {
        sum += (digits.charAt(i) - '0') * (((i + 2) % 11) + 1);
      }
      check = sum % 11;
      if (check == 10) {
        return false;
      }
    }
    return check == digits.charAt(11) - '0';
  }

  /** A valid СНИЛС with the given nine-digit body: used by the generator and tests. */
  public static String snilsWithCheck(long body) {
    String nine = String.format("%09d", body);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (9 - i);
    }
    int check = sum % 101;
    if (check == 100) {
      check = 0;
    }
    return nine + String.format("%02d", check);
  }
}
