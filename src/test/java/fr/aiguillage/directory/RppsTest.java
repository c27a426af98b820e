package fr.aiguillage.directory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RppsTest {

  @Test
  @DisplayName("an RPPS is 11 digits whose last one is the Luhn check digit")
  void luhn() {
    String first10 = "1000123456";
    String valid = first10 + Rpps.checkDigit(first10);
    assertThat(Rpps.isValid(valid)).isTrue();
    for (char other = '0'; other <= '9'; other++) {
      if (other != valid.charAt(10)) {
        assertThat(Rpps.isValid(first10 + other)).as(first10 + other).isFalse();
      }
    }
    assertThat(Rpps.isValid("79927398713")).isTrue();
    assertThat(Rpps.isValid("1234567890")).isFalse();
    assertThat(Rpps.isValid("1234567890a")).isFalse();
    assertThat(Rpps.isValid(null)).isFalse();
  }
}
