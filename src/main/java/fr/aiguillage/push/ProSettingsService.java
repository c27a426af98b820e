package fr.aiguillage.push;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.failure.Forbidden;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.push.model.PushBodies;
import fr.aiguillage.push.store.SettingsStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import fr.aiguillage.security.model.Role;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Whether a professional takes requests, and at what hours: the professional themselves or a coordinator. */
public final class ProSettingsService {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final ProfessionalService professionals;
  private final SettingsStore store = new SettingsStore();

  ProSettingsService(Pool pool, Clock clock, AuditTrail audit, ProfessionalService professionals) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.professionals = professionals;
  }

  public Future<PushBodies.ProSettings> get(Caller caller, UUID professionalId) {
    return allowed(caller, professionalId).compose(v -> store.get(pool, professionalId));
  }

  public Future<PushBodies.ProSettings> put(Caller caller, UUID professionalId, PushBodies.ProSettings settings) {
    check(settings);
    return allowed(caller, professionalId)
        .compose(v -> store.put(pool, professionalId, settings, clock.instant()))
        .compose(v -> audit.record(AuditEvent.of(caller, "push.settings", "professional", professionalId, null)))
        .compose(v -> store.get(pool, professionalId));
  }

  private Future<Void> allowed(Caller caller, UUID professionalId) {
    if (caller.has(Role.PROFESSIONAL) && professionalId.equals(caller.account().professionalId())) {
      return Future.succeededFuture();
    }
    if (!caller.has(Role.COORDINATOR)) {
      return Future.failedFuture(new Forbidden("only the professional or a coordinator sets this"));
    }
    return professionals.get(caller, professionalId).mapEmpty();
  }

  private static void check(PushBodies.ProSettings s) {
    if (s.hours() == null) {
      return;
    }
    for (int i = 0; i < s.hours().size(); i++) {
      PushBodies.Hours h = s.hours().get(i);
      String at = "hours[" + i + "]";
      if (h == null || h.days() == null || h.days().isEmpty()
          || h.days().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
        throw new Invalid(at + ".days", "ISO days of the week, 1 (Monday) to 7");
      }
      LocalTime start = time(at + ".start", h.start());
      if (!time(at + ".end", h.end()).isAfter(start)) {
        throw new Invalid(at + ".end", "after start");
      }
    }
  }

  private static LocalTime time(String field, String value) {
    try {
      return LocalTime.parse(value == null ? "" : value);
    } catch (DateTimeParseException e) {
      throw new Invalid(field, "a local time HH:mm");
    }
  }
}
