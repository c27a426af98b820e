package fr.aiguillage.security.http;

import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.AuditQuery;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/v1/audit}. */
public final class AuditRoutes {

  record AuditPage(List<AuditEvent> items, int limit, int offset) {
  }

  private final AuditTrail audit;

  public AuditRoutes(AuditTrail audit) {
    this.audit = audit;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listAudit").addHandler(this::list);
  }

  private void list(RoutingContext ctx) {
    OffsetDateTime from = Requests.queryTime(ctx, "from");
    OffsetDateTime to = Requests.queryTime(ctx, "to");
    int limit = Requests.queryInt(ctx, "limit", 100);
    int offset = Requests.queryInt(ctx, "offset", 0);
    AuditQuery query = new AuditQuery(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
        Requests.queryUuid(ctx, "accountId"), Requests.query(ctx, "entityType"), null, limit, offset);
    Responses.reply(ctx, audit.find(Requests.caller(ctx), query), events ->
        Responses.ok(ctx, new AuditPage(events, limit, offset)));
  }
}
