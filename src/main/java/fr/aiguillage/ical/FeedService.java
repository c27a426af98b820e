package fr.aiguillage.ical;

import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.booking.model.AppointmentStatus;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.ical.model.FeedEvent;
import fr.aiguillage.ical.model.FeedSettings;
import fr.aiguillage.ical.model.Privacy;
import fr.aiguillage.ical.store.CalendarStore;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.model.Patient;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.Tokens;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Serves a professional's private feed: what the CPTS booked for them from 30 days back to the agenda
 * horizon (cancellations stay, cancelled, so calendars remove them). The answer is identified by a
 * fingerprint of what it is made of: a client with the current ETag gets 304 after two small queries,
 * and a rendered feed is kept until its fingerprint changes.
 */
public final class FeedService {

  /** What to answer: 200 with the body, 304, 404 or 429. */
  public record Answer(int status, String body, String etag, Instant lastModified) {
  }

  private record Rendered(String etag, String body) {
  }

  private static final Duration BACK = Duration.ofDays(30);
  private static final String FORMAT_VERSION = "feed-1";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AppointmentService appointments;
  private final SlotService slots;
  private final PatientService patients;
  private final ProfessionalService professionals;
  private final int horizonDays;
  private final FeedRateLimit rateLimit;
  private final CalendarStore store = new CalendarStore();
  private final Map<UUID, Rendered> rendered = new ConcurrentHashMap<>();
  private volatile FeedDuties duties = FeedDuties.NONE;

  public FeedService(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, AppointmentService appointments,
                     SlotService slots, PatientService patients, ProfessionalService professionals, int horizonDays,
                     int requestsPerMinute) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.appointments = appointments;
    this.slots = slots;
    this.patients = patients;
    this.professionals = professionals;
    this.horizonDays = horizonDays;
    this.rateLimit = new FeedRateLimit(clock, requestsPerMinute);
  }

  /** Shows the rota's duties as busy blocks (wired once the rota is built). */
  public void showDutiesFrom(FeedDuties source) {
    this.duties = source;
  }

  public Future<Answer> serve(String token, String ifNoneMatch) {
    byte[] hash = Tokens.hash(token);
    if (!rateLimit.allow(HexFormat.of().formatHex(hash))) {
      return Future.succeededFuture(new Answer(429, null, null, null));
    }
    return store.professionalOf(pool, hash).compose(found -> found.isEmpty()
        ? Future.succeededFuture(new Answer(404, null, null, null))
        : serveFor(found.get(), ifNoneMatch));
  }

  private Future<Answer> serveFor(UUID professionalId, String ifNoneMatch) {
    Instant now = clock.instant();
    Instant from = now.minus(BACK);
    Instant to = now.plus(Duration.ofDays(horizonDays));
    return store.settings(pool, professionalId).compose(settings -> fingerprint(professionalId, settings, from, to)
        .compose(print -> {
          String etag = etag(print.key());
          if (etag.equals(ifNoneMatch)) {
            return Future.succeededFuture(new Answer(304, null, etag, print.lastModified()));
          }
          Rendered cached = rendered.get(professionalId);
          Future<String> body = cached != null && cached.etag().equals(etag) ? Future.succeededFuture(cached.body())
              : build(professionalId, settings.settings(), from, to)
                  .onSuccess(text -> rendered.put(professionalId, new Rendered(etag, text)));
          return body.compose(text -> auditRead(professionalId, settings.settings()).map(
              new Answer(200, text, etag, print.lastModified())));
        }));
  }

  private record Print(String key, Instant lastModified) {
  }

  private Future<Print> fingerprint(UUID professionalId, CalendarStore.StoredSettings settings, Instant from,
                                    Instant to) {
    Future<String> booked = appointments.fingerprint(professionalId, from, to);
    Future<String> free = settings.settings().showFreeSlots() ? slots.fingerprint(professionalId, from, to)
        : Future.succeededFuture("-");
    Future<String> held = duties.fingerprint(professionalId, from, to);
    return Future.all(booked, free, held).map(all -> new Print(FORMAT_VERSION + "|" + booked.result() + "|"
        + free.result() + "|" + held.result() + "|" + settings.fingerprint() + "|" + settings.settings(),
        latest(booked.result(), free.result(), settings.fingerprint())));
  }

  private Future<String> build(UUID professionalId, FeedSettings settings, Instant from, Instant to) {
    Future<Professional> pro = professionals.findForService(professionalId).map(Optional::orElseThrow);
    Future<List<Appointment>> booked = appointments.ofProfessional(professionalId, from, to);
    Future<List<Slot>> free = settings.showFreeSlots() ? slots.freeSnp(professionalId, clock.instant(), to)
        : Future.succeededFuture(List.of());
    Future<List<FeedEvent>> held = duties.of(professionalId, from, to);
    return Future.all(pro, booked, free, held)
        .compose(all -> settings.privacy() == Privacy.NONE ? Future.succeededFuture(Map.<UUID, Patient>of())
            : patients.forFeed(booked.result().stream().map(Appointment::patientId).collect(Collectors.toSet())))
        .compose(people -> vertx.executeBlocking(() -> FeedRenderer.render(
            "CPTS — " + pro.result().givenName() + " " + pro.result().familyName(),
            withDuties(events(pro.result(), booked.result(), free.result(), people, settings.privacy()),
                held.result())), false));
  }

  private List<FeedEvent> events(Professional pro, List<Appointment> booked, List<Slot> free,
                                 Map<UUID, Patient> people, Privacy privacy) {
    Map<UUID, Site> sites = pro.sites().stream().collect(Collectors.toMap(Site::id, s -> s));
    List<FeedEvent> events = new ArrayList<>(booked.size() + free.size());
    for (Appointment a : booked) {
      events.add(FeedEvents.appointment(a, sites.get(a.slot().siteId()), people.get(a.patientId()), privacy));
    }
    for (Slot s : free) {
      events.add(FeedEvents.freeSlot(s, sites.get(s.siteId())));
    }
    return events;
  }

  private static List<FeedEvent> withDuties(List<FeedEvent> events, List<FeedEvent> held) {
    List<FeedEvent> all = new ArrayList<>(events);
    all.addAll(held);
    return all;
  }

  private Future<Void> auditRead(UUID professionalId, FeedSettings settings) {
    if (settings.privacy() == Privacy.NONE) {
      return Future.succeededFuture();
    }
    return audit.record(new AuditEvent(null, null, null, "calendar.feed.read", "professional",
        professionalId.toString(), null, null, AuditEvent.Outcome.SUCCESS, "privacy " + settings.privacy().wire()));
  }

  private static String etag(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The latest of the epoch seconds found at the end of each fingerprint part. */
  private static Instant latest(String... parts) {
    double max = 0;
    for (String part : parts) {
      String last = part.substring(part.lastIndexOf('-') + 1);
      try {
        max = Math.max(max, Double.parseDouble(last));
      } catch (NumberFormatException ignored) {
        // "default" settings or no slots: nothing to compare
      }
    }
    return Instant.ofEpochSecond((long) Math.floor(max));
  }

  /** Marks appointments no longer booked for the feed. */
  static boolean cancelled(Appointment a) {
    return a.status() == AppointmentStatus.CANCELLED;
  }
}
