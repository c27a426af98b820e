package fr.aiguillage.indicators;

import fr.aiguillage.indicators.model.Figure;
import fr.aiguillage.indicators.store.FigureCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every figure is defined once, in words, in docs/indicators.md, and nothing is defined there that is not computed. */
class IndicatorCatalogTest {

  @Test
  @DisplayName("each code of the catalogue has exactly one definition line in docs/indicators.md, and no other code")
  void definedOnce() throws Exception {
    String doc = Files.readString(Path.of("docs/indicators.md"));
    for (Figure figure : FigureCatalog.figures()) {
      assertThat(Pattern.compile("^\\| `" + Pattern.quote(figure.code()) + "` \\|", Pattern.MULTILINE).matcher(doc)
          .results().count()).as(figure.code()).isEqualTo(1);
    }
    Matcher defined = Pattern.compile("^\\| `([a-z]+\\.[A-Za-z0-9]+)` \\|", Pattern.MULTILINE).matcher(doc);
    while (defined.find()) {
      assertThat(FigureCatalog.figures()).as(defined.group(1)).anyMatch(f -> f.code().equals(defined.group(1)));
    }
  }

  @Test
  @DisplayName("codes are unique and every label is French text")
  void codes() {
    assertThat(FigureCatalog.figures().stream().map(Figure::code).distinct().count())
        .isEqualTo(FigureCatalog.figures().size());
    assertThat(FigureCatalog.figures()).allSatisfy(f -> assertThat(f.label()).isNotBlank().doesNotContain("_"));
  }
}
