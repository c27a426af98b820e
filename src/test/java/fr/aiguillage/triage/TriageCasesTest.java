package fr.aiguillage.triage;

import fr.aiguillage.triage.model.RedFlag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped reference cases (config/triage-cases.json) against the shipped rules, and what they cover. */
class TriageCasesTest {

  private static final Set<String> PROTOCOL_PROFESSIONS = Set.of("PHARMACIST", "NURSE", "PHYSIOTHERAPIST", "DENTIST",
      "MIDWIFE");
  private final TriageRules rules = TriageRules.load(Path.of("config/triage-rules.json"));
  private final List<TriageCases.Case> cases = TriageCases.parse(read("config/triage-cases.json"));

  @Test
  @DisplayName("at least 60 shipped cases, and every one passes against the shipped rules")
  void everyCasePasses() {
    TriageCases.Report report = TriageCases.run(new TriageEngine(rules), cases, Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(report.cases().stream().filter(c -> !c.passed()).map(c -> c.name() + " → " + c.mismatches()))
        .isEmpty();
    assertThat(report.passed()).isEqualTo(cases.size());
  }

  @Test
  @DisplayName("every rule, the default, and every red flag is the expected outcome of some case")
  void everyRuleAndRedFlag() {
    Set<String> expected = cases.stream().map(c -> c.expect().path("ruleId").asText(null))
        .collect(Collectors.toSet());
    assertThat(expected).containsAll(rules.rules().stream().map(TriageRules.Rule::id).toList())
        .contains(rules.fallback().id());
    Set<RedFlag> flags = cases.stream().filter(c -> c.in().redFlags() != null)
        .flatMap(c -> c.in().redFlags().stream()).collect(Collectors.toSet());
    assertThat(flags).containsExactlyInAnyOrder(RedFlag.values());
  }

  @Test
  @DisplayName("every exclusion criterion of every protocol is exercised both answered against it and left unanswered")
  void everyExclusion() {
    for (TriageRules.Rule rule : rules.rules()) {
      if (!PROTOCOL_PROFESSIONS.contains(rule.then().profession())) {
        continue;
      }
      TriageRules.When w = rule.when();
      for (String key : keys(w)) {
        List<TriageCases.Case> same = cases.stream().filter(c -> c.in().complaint() == rule.complaint()).toList();
        assertThat(same.stream().anyMatch(c -> !answers(c).containsKey(key)
            && c.expect().path("asks").toString().contains(key)))
            .as(rule.id() + ": a case leaves " + key + " unanswered and expects the question").isTrue();
        assertThat(same.stream().anyMatch(c -> answers(c).containsKey(key) && !rule.id()
            .equals(c.expect().path("ruleId").asText(rule.id()))))
            .as(rule.id() + ": a case answers " + key + " against the protocol").isTrue();
      }
    }
  }

  private static Set<String> keys(TriageRules.When w) {
    Set<String> keys = new java.util.HashSet<>(w.answers().keySet());
    keys.addAll(w.below().keySet());
    keys.addAll(w.atLeast().keySet());
    return keys;
  }

  private static Map<String, Object> answers(TriageCases.Case c) {
    return c.in().answers() == null ? Map.of() : c.in().answers();
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
