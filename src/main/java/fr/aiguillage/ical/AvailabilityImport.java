package fr.aiguillage.ical;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.agenda.SlotImports;
import fr.aiguillage.agenda.model.ImportResult;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Availability published from a calendar the professional already keeps (uploaded or subscribed). */
public final class AvailabilityImport {

  private final Vertx vertx;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final SlotImports imports;
  private final int horizonDays;

  public AvailabilityImport(Vertx vertx, Clock clock, AuditTrail audit, AgendaAccess access, SlotImports imports,
                            int horizonDays) {
    this.vertx = vertx;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.imports = imports;
    this.horizonDays = horizonDays;
  }

  public Future<ImportResult> upload(Caller caller, UUID professionalId, UUID siteId, int slotMinutes, String text) {
    return access.toManage(caller, professionalId).compose(p -> {
      AgendaAccess.requireSite(p, siteId);
      return apply(professionalId, siteId, slotMinutes, text);
    }).compose(result -> audit.record(AuditEvent.of(caller, "availability.import", "professional", professionalId,
        null).withDetail(result.created() + " created, " + result.removed() + " removed")).map(result));
  }

  /** Parses (on a worker: ical4j on a big file is slow) and replaces the imported slots. */
  Future<ImportResult> apply(UUID professionalId, UUID siteId, int slotMinutes, String text) {
    if (slotMinutes < 5 || slotMinutes > 720) {
      return Future.failedFuture(new Invalid("slotMinutes", "between 5 and 720"));
    }
    Instant now = clock.instant();
    Instant horizon = now.plus(Duration.ofDays(horizonDays));
    return vertx.executeBlocking(() -> CalendarParser.parse(text, slotMinutes, now, horizon), false)
        .compose(parsed -> imports.replace(professionalId, siteId, parsed.periods(), parsed.ignored()));
  }
}
