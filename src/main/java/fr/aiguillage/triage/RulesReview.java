package fr.aiguillage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.json.Json;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import fr.aiguillage.triage.TriageRules.Malformed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The referent's review of the rules: check a candidate file against cases without applying it, and reload the
 * file on disk only if it is valid and every shipped case still passes (else the rules in force stay).
 */
public final class RulesReview {

  /** A reload's outcome. */
  public record Reloaded(String rulesVersion, String previousVersion, int casesPassed) {
  }

  private record Checked(TriageEngine next, TriageCases.Report report) {
  }

  private final Vertx vertx;
  private final Clock clock;
  private final AuditTrail audit;
  private final RulesInForce rules;

  public RulesReview(Vertx vertx, Clock clock, AuditTrail audit, RulesInForce rules) {
    this.vertx = vertx;
    this.clock = clock;
    this.audit = audit;
    this.rules = rules;
  }

  /**
   * {@code {"rules": <the file as text, or as an object>, "cases": [...]}}: the shipped cases when none are given.
   * Lines in errors are those of the text given (the file's own text when given as a string).
   */
  public Future<TriageCases.Report> check(Caller caller, String body) {
    requireCoordinator(caller);
    return vertx.executeBlocking(() -> {
      JsonNode root = Json.MAPPER.readTree(body);
      JsonLines lines = JsonLines.of(body);
      TriageRules candidate = candidate(root.path("rules"), lines);
      List<TriageCases.Case> cases;
      try {
        cases = root.has("cases") ? TriageCases.parse(root.path("cases"), lines, "/cases") : shippedCases();
      } catch (Malformed e) {
        throw new Invalid("cases", e.getMessage());
      } catch (IOException e) {
        throw new Conflict("TRIAGE_CASES_UNREADABLE", "les cas livrés sont illisibles : " + rules.casesFile());
      }
      return TriageCases.run(new TriageEngine(candidate), cases, clock.instant());
    }, false);
  }

  public Future<Reloaded> reload(Caller caller) {
    requireCoordinator(caller);
    String previous = rules.engine().version();
    return vertx.executeBlocking(() -> {
      TriageEngine next;
      List<TriageCases.Case> cases;
      try {
        next = new TriageEngine(TriageRules.load(rules.rulesFile()));
        cases = shippedCases();
      } catch (Malformed | IOException e) {
        throw new Conflict("TRIAGE_RULES_INVALID", "fichier refusé, les règles " + previous + " restent en vigueur : "
            + e.getMessage());
      }
      TriageCases.Report report = TriageCases.run(next, cases, clock.instant());
      if (report.failed() > 0) {
        throw new Conflict("TRIAGE_CASES_FAILED", report.failed() + " cas de référence ne passent plus avec "
            + next.version() + " : les règles " + previous + " restent en vigueur",
            Map.of("failedCases", report.cases().stream().filter(c -> !c.passed()).toList()));
      }
      return new Checked(next, report);
    }, false).recover(e -> audit.record(event(caller, "triage.rules.reload").withOutcome(AuditEvent.Outcome.FAILURE)
            .withDetail("rules " + previous + " kept: " + e.getMessage())).compose(v -> Future.failedFuture(e)))
        .compose(checked -> {
          rules.replace(checked.next());
          return audit.record(event(caller, "triage.rules.reload").withDetail("rules " + previous + " → "
              + checked.next().version())).map(new Reloaded(checked.next().version(), previous,
              checked.report().passed()));
        });
  }

  private TriageRules candidate(JsonNode node, JsonLines bodyLines) {
    try {
      if (node.isTextual()) {
        return TriageRules.parse(node.asText());
      }
      return RulesParser.parse(node, bodyLines, "/rules");
    } catch (Malformed e) {
      throw new Invalid("rules", e.getMessage());
    }
  }

  private List<TriageCases.Case> shippedCases() throws IOException {
    return TriageCases.parse(Files.readString(rules.casesFile()));
  }

  private static AuditEvent event(Caller caller, String action) {
    return AuditEvent.of(caller, action, "triage_rules", null, null);
  }

  private static void requireCoordinator(Caller caller) {
    if (!caller.hasAny(Role.COORDINATOR)) {
      throw new Forbidden("seul un coordinateur vérifie ou recharge les règles de triage");
    }
  }
}
