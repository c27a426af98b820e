package fr.aiguillage.notify;

import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.ical.Invitations;
import fr.aiguillage.ical.model.Privacy;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import fr.aiguillage.notify.model.NoticeKind;
import fr.aiguillage.notify.model.Outcome;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.NotificationChannel;
import fr.aiguillage.patient.model.Patient;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a claimed outbox row into the message to send, from the appointment as it is now: nothing if it
 * was cancelled (confirmation, reminder), if its slot has started, or if the patient withdrew consent.
 */
final class Composer {

  private final AppointmentService appointments;
  private final PatientService patients;
  private final ProfessionalService professionals;
  private final Invitations invitations;
  private final Templates templates;
  private final CancelLinks links;
  private final String from;

  Composer(AppointmentService appointments, PatientService patients, ProfessionalService professionals,
           Invitations invitations, Templates templates, CancelLinks links, String from) {
    this.appointments = appointments;
    this.patients = patients;
    this.professionals = professionals;
    this.invitations = invitations;
    this.templates = templates;
    this.links = links;
    this.from = from;
  }

  /** {@code professionals}: lookups already made in this batch (many messages share a professional). */
  Future<Outcome> compose(Claimed c, Instant now, Map<UUID, Future<Optional<Professional>>> professionals) {
    return appointments.forNotice(c.appointmentId()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Outcome.skip("appointment not found"));
      }
      Appointment a = found.get();
      if (!a.slot().start().toInstant().isAfter(now)) {
        return Future.succeededFuture(Outcome.skip("slot already started"));
      }
      if ((c.kind() == NoticeKind.CONFIRMATION || c.kind() == NoticeKind.REMINDER || c.kind() == NoticeKind.MOVED)
          && a.status() != AppointmentStatus.BOOKED) {
        return Future.succeededFuture(Outcome.skip("appointment " + a.status().wire()));
      }
      return professionals.computeIfAbsent(a.professionalId(), this.professionals::findForService)
          .compose(pro -> pro.isEmpty()
              ? Future.succeededFuture(Outcome.skip("professional not found"))
              : c.kind().toProfessional() ? toProfessional(c, a, pro.get()) : toPatient(c, a, pro.get()));
    });
  }

  private Future<Outcome> toPatient(Claimed c, Appointment a, Professional pro) {
    Future<Optional<Appointment>> previous = c.kind() == NoticeKind.MOVED ? appointments.replacedBy(a.id())
        : Future.succeededFuture(Optional.empty());
    return previous.compose(before -> patient(a).map(found -> {
      if (found.isEmpty() || !found.get().wantsNotifications()) {
        return Outcome.skip("no consent");
      }
      Patient p = found.get();
      boolean sms = p.notificationChannel() == NotificationChannel.SMS;
      String recipient = sms ? p.phone() : p.email();
      if (recipient == null) {
        return Outcome.skip("no address for " + p.notificationChannel());
      }
      Map<String, Object> scope = scope(a, pro);
      scope.put("givenName", p.givenName());
      before.ifPresent(b -> {
        scope.put("previousDay", French.day(b.slot().start()));
        scope.put("previousTime", French.time(b.slot().start()));
      });
      if (c.kind() != NoticeKind.CANCELLATION) {
        scope.put("link", links.link(a.id()));
      }
      String name = c.kind().name().toLowerCase(java.util.Locale.ROOT);
      if (sms) {
        String text = templates.render("sms-" + name, Templates.Escape.TEXT, scope).strip();
        return Outcome.send(new Message(Channel.SMS, recipient, null, text, null, null, SmsSegments.count(text)));
      }
      return Outcome.send(new Message(Channel.EMAIL, recipient,
          templates.render("mail-" + name + "-subject", Templates.Escape.TEXT, scope).strip(),
          templates.render("mail-" + name, Templates.Escape.TEXT, scope), null, null, null));
    }));
  }

  private Future<Outcome> toProfessional(Claimed c, Appointment a, Professional pro) {
    if (pro.email() == null) {
      return Future.succeededFuture(Outcome.skip("professional has no e-mail"));
    }
    return invitations.privacyOf(pro.id()).compose(privacy -> (privacy == Privacy.NONE
        ? Future.succeededFuture(Optional.<Patient>empty()) : patient(a)).map(patient -> {
          Map<String, Object> scope = scope(a, pro);
          scope.put("who", who(patient.orElse(null), privacy));
          String name = c.kind() == NoticeKind.PRO_BOOKING ? "pro-booking" : "pro-cancellation";
          String ics = Invitations.render(a, site(a, pro), patient.orElse(null), privacy, from, pro.email());
          return Outcome.send(new Message(Channel.EMAIL, pro.email(),
              templates.render("mail-" + name + "-subject", Templates.Escape.TEXT, scope).strip(),
              templates.render("mail-" + name, Templates.Escape.TEXT, scope), ics,
              c.kind() == NoticeKind.PRO_BOOKING ? "REQUEST" : "CANCEL", null));
        }));
  }

  private Future<Optional<Patient>> patient(Appointment a) {
    return patients.forFeed(Set.of(a.patientId())).map(byId -> Optional.ofNullable(byId.get(a.patientId())));
  }

  /** The words every message shares: when, with whom, where, which phone. No reason, no health data. */
  private static Map<String, Object> scope(Appointment a, Professional pro) {
    Site site = site(a, pro);
    Map<String, Object> scope = new HashMap<>();
    scope.put("day", French.day(a.slot().start()));
    scope.put("time", French.time(a.slot().start()));
    scope.put("shortDay", French.shortDay(a.slot().start()));
    scope.put("shortTime", French.shortTime(a.slot().start()));
    scope.put("professional", pro.givenName() + " " + pro.familyName());
    scope.put("profession", Professions.label(pro.profession()));
    scope.put("place", site == null ? "" : site.name());
    scope.put("address", site == null ? "" : site.address());
    String phone = site != null && site.phone() != null ? site.phone() : pro.phone();
    scope.put("phone", French.phone(phone));
    scope.put("reference", a.id().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
    return scope;
  }

  private static Site site(Appointment a, Professional pro) {
    return pro.sites().stream().filter(s -> s.id().equals(a.slot().siteId())).findFirst().orElse(null);
  }

  /** The patient as the professional's feed would show them. */
  private static String who(Patient p, Privacy privacy) {
    if (p == null || privacy == Privacy.NONE) {
      return null;
    }
    if (privacy == Privacy.INITIALS) {
      return p.givenName().substring(0, 1).toUpperCase() + ". " + p.familyName().substring(0, 1).toUpperCase() + ".";
    }
    return p.givenName() + " " + p.familyName() + (p.phone() == null ? "" : ", " + French.phone(p.phone()));
  }
}
