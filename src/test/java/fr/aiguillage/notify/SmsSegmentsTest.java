package fr.aiguillage.notify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

  @Test
  @DisplayName("160 GSM-7 characters (é, è, à included) fit one segment; 161 take two of 153")
  void gsm7() {
    assertThat(SmsSegments.count("é".repeat(160))).extracting("encoding", "segments").containsExactly("GSM-7", 1);
    assertThat(SmsSegments.count("à".repeat(161)).segments()).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
  }

  @Test
  @DisplayName("an accent outside GSM-7 (ê, ç) switches the whole text to UCS-2: 70 characters per segment, 67 beyond")
  void ucs2() {
    assertThat(SmsSegments.count("Rendez-vous prévu à 14h avec Françoise")).extracting("encoding", "segments")
        .containsExactly("UCS-2", 1);
    assertThat(SmsSegments.count("ê" + "a".repeat(70)).segments()).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(100)).encoding()).isEqualTo("GSM-7");
  }

  @Test
  @DisplayName("GSM-7 extension characters (€, [, ]) count twice")
  void extension() {
    assertThat(SmsSegments.count("€".repeat(80)).units()).isEqualTo(160);
    assertThat(SmsSegments.count("€".repeat(81)).segments()).isEqualTo(2);
  }
}
