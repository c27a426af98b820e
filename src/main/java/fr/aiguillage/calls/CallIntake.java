package fr.aiguillage.calls;

import fr.aiguillage.calls.model.Call;
import fr.aiguillage.calls.model.TelephonyEvent;
import fr.aiguillage.calls.store.CallStore;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.PhoneNumbers;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Turns the provider's signed events into call records. A replayed (call, event) changes nothing; events
 * may come in any order and the call still ends consistent. Each new event is logged and announced
 * ({@code call.ringing}, {@code call.answered}, {@code call.ended}, {@code call.missed}).
 */
public final class CallIntake {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final CallStore store = new CallStore();

  public CallIntake(Pool pool, Clock clock, AuditTrail audit, EventLog events) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
  }

  /** Returns true when the event was new. */
  public Future<Boolean> receive(AppConfig.Line line, TelephonyEvent event, String clientIp) {
    Instant now = clock.instant();
    String caller = PhoneNumbers.parse(event.from()).orElse(null);
    String raw = caller == null ? event.from() : null;
    return pool.withTransaction(tx -> store.recordEvent(tx, event, now).compose(fresh -> {
      if (!fresh) {
        return Future.succeededFuture(false);
      }
      return store.applyEvent(tx, event, line.territory(), caller, raw, now)
          .compose(call -> events.append(tx, "call." + event.event().wire(), line.territory(), payload(call, event))
              .compose(v -> audit.record(tx, new AuditEvent(null, null, null, "call." + event.event().wire(), "call",
                  call.id().toString(), line.territory(), clientIp, AuditEvent.Outcome.SUCCESS, "telephony"))))
          .map(true);
    }));
  }

  static Map<String, Object> payload(Call call, TelephonyEvent event) {
    return Map.of("callId", call.id().toString(), "event", event.event().wire(), "status", call.status().wire(),
        "caller", call.caller() == null ? "unknown" : call.caller(), "line", call.line() == null ? "" : call.line(),
        "at", event.at().toString());
  }
}
