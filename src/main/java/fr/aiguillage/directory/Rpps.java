package fr.aiguillage.directory;

/** RPPS numbers: 11 digits, the last one a Luhn check digit. */
public final class Rpps {

  private Rpps() {
  }

  public static boolean isValid(String rpps) {
    return rpps != null && rpps.matches("\\d{11}") && luhnSum(rpps) % 10 == 0;
  }

  /** The check digit that makes {@code first10} a valid RPPS number. */
  public static char checkDigit(String first10) {
    int sum = luhnSum(first10 + "0");
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  private static int luhnSum(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum;
  }
}
