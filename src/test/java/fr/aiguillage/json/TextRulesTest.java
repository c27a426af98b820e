package fr.aiguillage.json;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

  @Test
  @DisplayName("text holds any character but C0 controls (tab, LF, CR allowed), DEL and lone surrogates")
  void whatTextAccepts() {
    assertThat(TextRules.problem("Zoé Ñandú 👍🏽 \t\n\r ‮ ")).isNull();
    assertThat(TextRules.problem("a\u0000b")).contains("NUL");
    assertThat(TextRules.problem("a\u0007b")).contains("control");
    assertThat(TextRules.problem("a\u007Fb")).contains("control");
    assertThat(TextRules.problem("a\uD800")).contains("surrogate");
    assertThat(TextRules.problem("\uDC00a")).contains("surrogate");
  }
}
