package fr.aiguillage.waitlist.http;

import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import fr.aiguillage.waitlist.Proposals;
import fr.aiguillage.waitlist.WaitlistService;
import fr.aiguillage.waitlist.model.CloseReason;
import fr.aiguillage.waitlist.model.Proposal;
import fr.aiguillage.waitlist.model.ReportRequest;
import fr.aiguillage.waitlist.model.WaitlistStatus;
import fr.aiguillage.waitlist.store.WaitlistStore;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/waitlist}, {@code /api/v1/me/mt-proposals}, {@code /api/v1/mt-proposals/{id}/...}. */
public final class WaitlistRoutes {

  record CloseRequest(CloseReason reason) {
  }

  record ProposeRequest(UUID professionalId, String notes) {
  }

  record AnswerRequest(String reason) {
  }

  record Items<T>(List<T> items) {
  }

  private final WaitlistService waitlist;
  private final Proposals proposals;

  public WaitlistRoutes(WaitlistService waitlist, Proposals proposals) {
    this.waitlist = waitlist;
    this.proposals = proposals;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("reportWaitlist").addHandler(this::report);
    api.getRoute("listWaitlist").addHandler(this::list);
    api.getRoute("waitlistStats").addHandler(this::stats);
    api.getRoute("getWaitlist").addHandler(this::get);
    api.getRoute("closeWaitlist").addHandler(this::close);
    api.getRoute("waitlistCandidates").addHandler(this::candidates);
    api.getRoute("proposeMt").addHandler(this::propose);
    api.getRoute("myMtProposals").addHandler(this::mine);
    api.getRoute("gpAccept").addHandler(ctx -> answer(ctx, true, true));
    api.getRoute("gpDecline").addHandler(ctx -> answer(ctx, true, false));
    api.getRoute("patientAccept").addHandler(ctx -> answer(ctx, false, true));
    api.getRoute("patientDecline").addHandler(ctx -> answer(ctx, false, false));
  }

  private void report(RoutingContext ctx) {
    ReportRequest r = Requests.body(ctx, ReportRequest.class);
    Responses.reply(ctx, waitlist.report(Requests.caller(ctx), r),
        created -> Responses.created(ctx, "/api/v1/waitlist/" + created.id(), created));
  }

  private void list(RoutingContext ctx) {
    String status = Requests.query(ctx, "status");
    WaitlistStore.Query q = new WaitlistStore.Query(null, status == null ? null : WaitlistStatus.valueOf(status),
        Requests.query(ctx, "communeInsee"), Requests.query(ctx, "fragility"), Requests.query(ctx, "territory"),
        Requests.queryInt(ctx, "limit", 50), Requests.queryInt(ctx, "offset", 0));
    Responses.reply(ctx, waitlist.find(Requests.caller(ctx), q), page -> Responses.ok(ctx, page));
  }

  private void stats(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    OffsetDateTime to = Requests.queryTime(ctx, "to");
    java.time.Instant end = to == null ? java.time.Instant.now() : to.toInstant();
    java.time.Instant start = from == null ? end.minus(Duration.ofDays(365)) : from.toInstant();
    String territory = Requests.query(ctx, "territory");
    Responses.reply(ctx, waitlist.stats(Requests.caller(ctx), territory, start, end)
            .compose(figures -> proposals.capacity(territory).map(figures::mergeIn)),
        figures -> Responses.ok(ctx, figures));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, waitlist.get(Requests.caller(ctx), Requests.pathUuid(ctx, "id")), r -> Responses.ok(ctx, r));
  }

  private void close(RoutingContext ctx) {
    CloseRequest r = Requests.body(ctx, CloseRequest.class);
    Responses.reply(ctx, waitlist.close(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), r.reason()),
        closed -> Responses.ok(ctx, closed));
  }

  private void candidates(RoutingContext ctx) {
    Responses.reply(ctx, proposals.candidates(Requests.caller(ctx), Requests.pathUuid(ctx, "id")),
        list -> Responses.ok(ctx, new Items<>(list)));
  }

  private void propose(RoutingContext ctx) {
    ProposeRequest r = Requests.body(ctx, ProposeRequest.class);
    Responses.reply(ctx, proposals.propose(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), r.professionalId(),
        r.notes()), (Proposal p) -> Responses.created(ctx, "/api/v1/mt-proposals/" + p.id(), p));
  }

  private void mine(RoutingContext ctx) {
    Responses.reply(ctx, proposals.mine(Requests.caller(ctx)), list -> Responses.ok(ctx, new Items<>(list)));
  }

  private void answer(RoutingContext ctx, boolean gp, boolean accept) {
    String reason = Requests.hasBody(ctx) ? Requests.body(ctx, AnswerRequest.class).reason() : null;
    UUID id = Requests.pathUuid(ctx, "id");
    Responses.reply(ctx, gp ? proposals.gpAnswer(Requests.caller(ctx), id, accept, reason)
        : proposals.patientAnswer(Requests.caller(ctx), id, accept, reason), p -> Responses.ok(ctx, p));
  }
}
