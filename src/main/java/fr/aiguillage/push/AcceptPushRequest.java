package fr.aiguillage.push;

import fr.aiguillage.agenda.SlotAtTime;
import fr.aiguillage.booking.BookForRequest;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.push.model.Accepted;
import fr.aiguillage.push.model.AnonymousView;
import fr.aiguillage.push.model.PushBodies;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.model.PushStatus;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.push.store.RecipientStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The first acceptance wins, decided by the database: one transaction takes the request with a conditional UPDATE
 * (status OPEN → ACCEPTED; under any number of simultaneous accepts one row changes, the others wait on its lock then
 * change nothing and are told "déjà pris en charge"), puts a slot at the chosen time, books it through the booking
 * module (same guarantees, event, audit and notices as a booking), tells the operators and the other recipients, and
 * reads the patient's name and phone for the winner (audited).
 */
public final class AcceptPushRequest {

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final EventLog events;
  private final PatientService patients;
  private final RecipientActions recipients;
  private final PushViews views;
  private final SlotAtTime slots;
  private final BookForRequest booking;
  private final PushSettings settings;
  private final PushStore store = new PushStore();

  AcceptPushRequest(Pool pool, Clock clock, AuditTrail audit, EventLog events, PatientService patients,
                    RecipientActions recipients, PushViews views, SlotAtTime slots, BookForRequest booking,
                    PushSettings settings) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.patients = patients;
    this.recipients = recipients;
    this.views = views;
    this.slots = slots;
    this.booking = booking;
    this.settings = settings;
  }

  public Future<Accepted> accept(Recipient who, UUID id, PushBodies.AcceptRequest body) {
    if (body == null || body.start() == null) {
      throw new Invalid("start", "the time of the appointment is required");
    }
    if (body.siteId() == null) {
      throw new Invalid("siteId", "choose one of your sites");
    }
    return recipients.held(who, id).compose(held -> views.bare(pool, id)
        .compose(r -> recipients.me(who).map(me -> checked(r, me, body)))
        .compose(site -> pool.withTransaction(tx -> take(tx, who, held, id, body, site))));
  }

  /** Refusals that need no lock: closed, a time in the past or after the deadline, a site not theirs. */
  private Site checked(PushRequest r, Professional me, PushBodies.AcceptRequest body) {
    if (r.status() == PushStatus.ACCEPTED) {
      throw PushFailure.alreadyTaken();
    }
    if (r.status() != PushStatus.OPEN) {
      throw PushFailure.closed();
    }
    Instant start = body.start().toInstant();
    if (!start.isAfter(clock.instant())) {
      throw PushFailure.badTime("start: this time has passed");
    }
    if (start.isAfter(r.deadline().toInstant())) {
      throw PushFailure.badTime("start: after the time by which the patient must be seen (" + r.deadline() + ")");
    }
    return me.sites().stream().filter(s -> s.id().equals(body.siteId())).findFirst()
        .orElseThrow(PushFailure::notYourSite);
  }

  private Future<Accepted> take(SqlClient tx, Recipient who, RecipientStore.Held held, UUID id,
                                PushBodies.AcceptRequest body, Site site) {
    Instant now = clock.instant();
    UUID appointmentId = UUID.randomUUID();
    return store.accept(tx, id, who.professionalId(), held.ring(), appointmentId, now)
        .compose(won -> won ? store.find(tx, id, false).map(found -> found.orElseThrow())
            : store.find(tx, id, false).compose(r -> Future.failedFuture(
                r.orElseThrow().status() == PushStatus.ACCEPTED ? PushFailure.alreadyTaken() : PushFailure.closed())))
        .compose(r -> slots.freeSlot(tx, who.professionalId(), site.id(), body.start().toInstant(),
                settings.appointmentLength(), now)
            .compose(slotId -> booking.book(tx, new BookForRequest.Booking(appointmentId, slotId, r.patientId(),
                "Demande de prise en charge : " + r.complaint(), r.callId(), r.triageId(),
                who.accountId() != null ? who.accountId() : r.sentBy(), r.territoryId(), null),
                RecipientActions.event(who, "push.accept", id, r.territoryId()), now))
            .compose(a -> told(tx, r, who, a.id(), held.ring(), body))
            .compose(v -> patients.forNoticeIn(tx, r.patientId()))
            .compose(p -> audit.record(tx, new AuditEvent(null, null, who.accountId(), "patient.read", "patient",
                    r.patientId().toString(), r.territoryId(), who.clientIp(), AuditEvent.Outcome.SUCCESS,
                    "name and phone for push request " + id + ", accepted by professional " + who.professionalId()))
                .map(v -> answer(appointmentId, body, site, p.orElseThrow()))));
  }

  private Future<Void> told(SqlClient tx, PushRequest r, Recipient who, UUID appointmentId, int ring,
                            PushBodies.AcceptRequest body) {
    return SenderActions.closed(tx, events, r, "push.accepted", Map.of("professionalId", who.professionalId(),
        "appointmentId", appointmentId, "start", body.start().toString(), "siteId", body.siteId(), "ring", ring,
        "sentBy", r.sentBy()));
  }

  private static Accepted answer(UUID appointmentId, PushBodies.AcceptRequest body, Site site, Patient p) {
    return new Accepted(appointmentId, body.start(), new AnonymousView.SiteRef(site.id(),
        site.name() + ", " + site.address()), new Accepted.PatientContact(p.givenName(), p.familyName(), p.phone()));
  }
}
