package fr.aiguillage.triage.http;

import fr.aiguillage.agenda.SlotSearch;
import fr.aiguillage.agenda.model.SearchRequest;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.triage.OutOfHours;
import fr.aiguillage.triage.RulesReview;
import fr.aiguillage.triage.TriageService;
import fr.aiguillage.triage.model.Assessment;
import fr.aiguillage.triage.model.Orientation;
import fr.aiguillage.triage.model.Question;
import fr.aiguillage.triage.model.RedFlag;
import fr.aiguillage.triage.model.TriageRequest;
import fr.aiguillage.triage.model.TriageResult;
import fr.aiguillage.triage.model.Urgency;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/triage}. */
public final class TriageRoutes {

  /** A triage as shown: the effective result first, then what the rules said and the override, if any. */
  record TriageView(UUID id, Urgency urgency, Orientation orientation, List<RedFlag> redFlags, boolean outOfHours,
                    String advice, String rulesVersion, String decidedBy, String ruleId, String explanation,
                    List<Question> questions, Urgency rulesUrgency, Orientation rulesOrientation,
                    Assessment.Override override) {

    static TriageView of(Assessment a) {
      return new TriageView(a.id(), a.effectiveUrgency(), a.effectiveOrientation(), a.redFlags(), a.outOfHours(),
          a.advice(), a.rulesVersion(), a.decidedBy(), a.ruleId(), a.explanation(), a.questions(), a.urgency(),
          a.orientation(), a.override());
    }

    /** A preview: what {@code POST /triage} would answer, without an id. */
    static TriageView of(TriageResult r) {
      return new TriageView(null, r.urgency(), r.orientation(), r.redFlags(), r.outOfHours(), r.advice(),
          r.rulesVersion(), r.decidedBy(), r.ruleId(), r.explanation(), r.questions(), r.urgency(), r.orientation(),
          null);
    }
  }

  record OverrideRequest(Urgency urgency, Orientation orientation, String reason) {
  }

  private static final Duration MAX_WITHIN = Duration.ofDays(7);

  private final TriageService triage;
  private final RulesReview review;
  private final SlotSearch search;
  private final PatientService patients;
  private final Clock clock;

  public TriageRoutes(TriageService triage, RulesReview review, SlotSearch search, PatientService patients,
                      Clock clock) {
    this.triage = triage;
    this.review = review;
    this.search = search;
    this.patients = patients;
    this.clock = clock;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("triage").addHandler(this::assess);
    // Called after every answer, p99 <= 5 ms: its body is checked in full here, not by the contract's generic
    // validator (QuestionnaireBody says what and why).
    api.getRoute("triagePreview").setDoValidation(false).addHandler(this::preview);
    api.getRoute("triageVocabulary").addHandler(this::vocabulary);
    api.getRoute("checkTriageRules").addHandler(this::checkRules);
    api.getRoute("reloadTriageRules").addHandler(this::reloadRules);
    api.getRoute("getTriage").addHandler(this::get);
    api.getRoute("overrideTriage").addHandler(this::override);
    api.getRoute("triageSlots").addHandler(this::slots);
  }

  private void assess(RoutingContext ctx) {
    TriageRequest request = Requests.body(ctx, TriageRequest.class);
    Responses.reply(ctx, triage.assess(Requests.caller(ctx), request),
        a -> Responses.created(ctx, "/api/v1/triage/" + a.id(), TriageView.of(a)));
  }

  private void preview(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.replace(" ", "").startsWith("application/json")) {
      throw new Invalid("body", "send application/json");
    }
    TriageRequest request = QuestionnaireBody.read(Requests.tree(ctx));
    Responses.ok(ctx, TriageView.of(triage.preview(Requests.caller(ctx), request)));
  }

  private void vocabulary(RoutingContext ctx) {
    Responses.ok(ctx, triage.vocabulary(Requests.caller(ctx)));
  }

  private void checkRules(RoutingContext ctx) {
    Responses.reply(ctx, review.check(Requests.caller(ctx), ctx.body().asString()), r -> Responses.ok(ctx, r));
  }

  private void reloadRules(RoutingContext ctx) {
    Responses.reply(ctx, review.reload(Requests.caller(ctx)), r -> Responses.ok(ctx, r));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, triage.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        a -> Responses.ok(ctx, TriageView.of(a)));
  }

  private void override(RoutingContext ctx) {
    OverrideRequest request = Requests.body(ctx, OverrideRequest.class);
    Responses.reply(ctx, triage.override(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request.urgency(),
        request.orientation(), request.reason()), a -> Responses.ok(ctx, TriageView.of(a)));
  }

  /** The slot search the triage calls for: its profession, first skill and window; from the next opening. */
  private void slots(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    String commune = Requests.query(ctx, "communeInsee");
    Responses.reply(ctx, triage.get(caller, Requests.pathUuid(ctx, "id")).compose(a -> {
      if (a.effectiveUrgency() == Urgency.VITAL) {
        return Future.failedFuture(new Conflict("TRIAGE_VITAL", "vital emergency: call the 15"));
      }
      Orientation o = a.effectiveOrientation();
      if (o == null || o.within() == null) {
        return Future.failedFuture(new Conflict("NO_ORIENTATION", "this triage orients to no appointment"));
      }
      Future<String> place = commune != null || a.patientId() == null ? Future.succeededFuture(commune)
          : patients.get(caller, a.patientId()).map(p -> p.communeInsee());
      Instant from = OutOfHours.nextOpening(clock.instant());
      Duration within = o.within().compareTo(MAX_WITHIN) > 0 ? MAX_WITHIN : o.within();
      return place.compose(insee -> search.search(caller, new SearchRequest(insee, null, null, o.profession(),
          TriageService.skills(o).isEmpty() ? null : TriageService.skills(o).get(0), List.of(SlotKind.SNP), within,
          30, Requests.queryInt(ctx, "limit", 10), from, false)));
    }), result -> Responses.ok(ctx, result));
  }
}
