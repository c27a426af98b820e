package fr.aiguillage.push;

import fr.aiguillage.events.EventLog;
import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.notify.model.Addressed;
import fr.aiguillage.push.model.PushRequest;
import fr.aiguillage.push.store.CandidateStore;
import fr.aiguillage.push.store.PushStore;
import fr.aiguillage.push.store.RecipientStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks a ring, inside the caller's transaction: the candidates of that ring who take requests at this hour get a
 * recipient row, a link and a message (notify's direct outbox; the text kept once sent has no link), and
 * {@code push.asked} goes to the streams. A ring that finds nobody goes on to the next at once. Then the request's
 * clock: the next ring after the configured delay; after the last, the alert when that delay has passed, or earlier
 * when the deadline comes near.
 */
final class Rings {

  static final int LAST = 3;
  /** The direct outbox's topic of a link's message; one per request and professional. */
  static final String TOPIC = "push.asked";

  private final PushSettings settings;
  private final PushLinks links;
  private final EventLog events;
  private final DirectOutbox outbox;
  private final PushStore requests = new PushStore();
  private final RecipientStore recipients = new RecipientStore();
  private final CandidateStore candidates = new CandidateStore();

  Rings(PushSettings settings, PushLinks links, EventLog events, DirectOutbox outbox) {
    this.settings = settings;
    this.links = links;
    this.events = events;
    this.outbox = outbox;
  }

  /** Asks {@code ring}, or the first later ring that finds someone; returns the ring reached. */
  Future<Integer> ask(SqlClient tx, PushRequest r, int ring, Instant now) {
    double radius = ring == 1 || ring == 2 ? settings.radiusKm(r.territoryId(), ring) : 0;
    return candidates.forRing(tx, r.id(), r.territoryId(), r.profession(), r.skill(), r.communeInsee(), ring, radius,
            now, r.mtProfessionalId())
        .compose(found -> {
          List<CandidateStore.Candidate> open = found.stream().filter(c -> takesNow(c.hours(), now)).toList();
          if (open.isEmpty() && ring < LAST) {
            return ask(tx, r, ring + 1, now);
          }
          return record(tx, r, ring, open, now).compose(v -> schedule(tx, r, ring, now)).map(ring);
        });
  }

  private Future<Void> record(SqlClient tx, PushRequest r, int ring, List<CandidateStore.Candidate> open,
                              Instant now) {
    if (open.isEmpty()) {
      return Future.succeededFuture();
    }
    List<RecipientStore.Asked> asked = new ArrayList<>();
    List<Addressed> messages = new ArrayList<>();
    for (CandidateStore.Candidate c : open) {
      String token = PushLinks.newToken();
      asked.add(new RecipientStore.Asked(c.professionalId(), ring, c.onDuty(), PushLinks.hash(token)));
      messages.add(message(r, c, links.url(token)));
    }
    List<String> ids = open.stream().map(c -> c.professionalId().toString()).toList();
    return recipients.insert(tx, r.id(), asked, now)
        .compose(v -> outbox.queue(tx, TOPIC, r.id(), r.territoryId(), messages))
        .compose(v -> events.append(tx, "push.asked", r.territoryId(), Map.of("requestId", r.id(), "ring", ring,
            "professionalIds", ids)))
        .mapEmpty();
  }

  private Addressed message(PushRequest r, CandidateStore.Candidate c, String url) {
    String commune = r.commune() == null ? r.communeInsee() : r.commune();
    boolean mail = c.byEmail() && c.email() != null && !c.email().isBlank();
    String text = mail ? PushTexts.mail(r, commune, url) : PushTexts.sms(r, commune, url);
    return mail
        ? new Addressed(c.professionalId(), "EMAIL", c.email(), PushTexts.subject(r), text, PushTexts.withoutLink(text))
        : new Addressed(c.professionalId(), "SMS", c.phone(), null, text, PushTexts.withoutLink(text));
  }

  private Future<Void> schedule(SqlClient tx, PushRequest r, int ring, Instant now) {
    Duration delay = settings.ringDelay(r.territoryId(), r.urgency());
    Instant nearDeadline = r.deadline().toInstant().minus(settings.alertBeforeDeadline());
    Instant next = ring < LAST ? now.plus(delay) : null;
    Instant alert = ring < LAST ? nearDeadline : earliest(now.plus(delay), nearDeadline);
    return requests.ringAsked(tx, r.id(), ring, next, alert);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** No hours set: any time. Else one of them covers now, in Paris. */
  static boolean takesNow(JsonArray hours, Instant now) {
    if (hours == null || hours.isEmpty()) {
      return true;
    }
    ZonedDateTime local = now.atZone(fr.aiguillage.db.SqlTime.PARIS);
    DayOfWeek day = local.getDayOfWeek();
    LocalTime time = local.toLocalTime();
    for (Object o : hours) {
      JsonObject h = (JsonObject) o;
      if (h.getJsonArray("days", new JsonArray()).contains(day.getValue())
          && !time.isBefore(LocalTime.parse(h.getString("start"))) && time.isBefore(LocalTime.parse(h.getString("end")))) {
        return true;
      }
    }
    return false;
  }
}
