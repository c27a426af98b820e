package fr.aiguillage.notify;

import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.failure.Conflict;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The page behind a cancellation link: the appointment (when, with whom, where; no reason, no health data)
 * and one button. Cancelling frees the slot at once (slot.freed, seen by the secretariat's stream); a link
 * used again, or for a past or cancelled appointment, gets a page saying nothing was changed.
 */
public final class CancelPage {

  /** A page to show: its HTTP status and HTML. */
  public record Page(int status, String html) {
  }

  private final AppointmentService appointments;
  private final ProfessionalService professionals;
  private final AuditTrail audit;
  private final Clock clock;
  private final CancelLinks links;
  private final Templates templates;

  CancelPage(AppointmentService appointments, ProfessionalService professionals, AuditTrail audit, Clock clock,
             CancelLinks links, Templates templates) {
    this.appointments = appointments;
    this.professionals = professionals;
    this.audit = audit;
    this.clock = clock;
    this.links = links;
    this.templates = templates;
  }

  public Future<Page> show(String token) {
    Optional<UUID> id = links.verify(token);
    if (id.isEmpty()) {
      return Future.succeededFuture(page(404, "invalid", Map.of()));
    }
    return appointments.forNotice(id.get()).compose(found -> found.isEmpty()
        ? Future.succeededFuture(page(404, "invalid", Map.of()))
        : audited(found.get(), "appointment.read.patient-link").compose(a -> describe(a, token)
            .map(scope -> page(200, state(a), scope))));
  }

  public Future<Page> cancel(String token) {
    Optional<UUID> id = links.verify(token);
    if (id.isEmpty()) {
      return Future.succeededFuture(page(404, "invalid", Map.of()));
    }
    return appointments.forNotice(id.get()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(page(404, "invalid", Map.of()));
      }
      Appointment a = found.get();
      if (!"booked".equals(state(a))) {
        return describe(a, token).map(scope -> page(409, state(a), scope));
      }
      return appointments.cancelByPatient(a.id(), "Annulé par le patient (lien reçu par message)")
          .compose(cancelled -> describe(cancelled, token).map(scope -> page(200, "done", scope)))
          .recover(e -> e instanceof Conflict
              ? describe(a, token).map(scope -> page(409, "cancelled", scope)) : Future.failedFuture(e));
    });
  }

  private String state(Appointment a) {
    if (a.status() != AppointmentStatus.BOOKED) {
      return "cancelled";
    }
    return a.slot().start().toInstant().isAfter(clock.instant()) ? "booked" : "past";
  }

  private Future<Map<String, Object>> describe(Appointment a, String token) {
    return professionals.findForService(a.professionalId()).map(found -> {
      Map<String, Object> scope = new HashMap<>();
      scope.put("token", token);
      scope.put("day", French.day(a.slot().start()));
      scope.put("time", French.time(a.slot().start()));
      found.ifPresent(pro -> who(scope, pro, a));
      return scope;
    });
  }

  private static void who(Map<String, Object> scope, Professional pro, Appointment a) {
    scope.put("professional", pro.givenName() + " " + pro.familyName());
    scope.put("profession", Professions.label(pro.profession()));
    pro.sites().stream().filter(s -> s.id().equals(a.slot().siteId())).findFirst().ifPresent(site -> {
      scope.put("place", site.name());
      scope.put("address", site.address());
      String phone = site.phone() != null ? site.phone() : pro.phone();
      scope.put("phone", French.phone(phone));
      scope.put("phoneE164", phone);
    });
  }

  private Future<Appointment> audited(Appointment a, String action) {
    return audit.record(new AuditEvent(null, null, null, action, "appointment", a.id().toString(), a.territoryId(),
        null, AuditEvent.Outcome.SUCCESS, null)).map(a);
  }

  private Page page(int status, String state, Map<String, Object> values) {
    Map<String, Object> scope = new HashMap<>(values);
    scope.put(state, true);
    return new Page(status, templates.render("cancel-page", Templates.Escape.HTML, scope));
  }
}
