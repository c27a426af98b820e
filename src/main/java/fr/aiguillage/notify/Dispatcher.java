package fr.aiguillage.notify;

import fr.aiguillage.notify.channel.MailTransport;
import fr.aiguillage.notify.channel.SendFailed;
import fr.aiguillage.notify.channel.SmsGateway;
import fr.aiguillage.notify.model.Channel;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.notify.store.OutboxStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds. A run claims due rows in batches (SKIP LOCKED: two instances never claim the
 * same row), composes and sends each, then records every attempt of the batch in one transaction: sent, or
 * failed and due again after a backoff that doubles, until the configured number of attempts. Runs of one
 * instance follow each other.
 */
final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  /** How the dispatcher retries: attempts, first backoff, how long a claim holds, batch size. */
  record Policy(int maxAttempts, Duration backoff, Duration claim, int batchSize) {
  }

  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final Composer composer;
  private final SmsGateway sms;
  private final MailTransport mail;
  private final Policy policy;
  private final OutboxStore store = new OutboxStore();
  private Future<Integer> tail = Future.succeededFuture(0);
  private Future<Integer> waiting;
  private AtomicBoolean waitingStarted;

  Dispatcher(Pool pool, Clock clock, AuditTrail audit, Composer composer, SmsGateway sms, MailTransport mail,
             Policy policy) {
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.composer = composer;
    this.sms = sms;
    this.mail = mail;
    this.policy = policy;
  }

  /** One run, starting after any run in progress (calls while one waits share it); how many rows it handled. */
  synchronized Future<Integer> runOnce() {
    if (waiting != null) {
      return waiting;
    }
    AtomicBoolean started = new AtomicBoolean();
    Future<Integer> next = tail.transform(previous -> {
      started.set(true);
      synchronized (this) {
        if (waitingStarted == started) {
          waiting = null;
          waitingStarted = null;
        }
      }
      return drain(0);
    });
    tail = next;
    if (!started.get()) {
      waiting = next;
      waitingStarted = started;
    }
    return next;
  }

  /** What became of one claimed row, written with the rest of its batch in one transaction (one commit). */
  private record Done(Claimed claimed, Message message, String failure, String skipReason) {
  }

  private Future<Integer> drain(int handled) {
    Instant now = clock.instant();
    Map<UUID, Future<Optional<Professional>>> professionals = new HashMap<>();
    return store.claim(pool, now, now.plus(policy.claim()), policy.batchSize())
        .compose(claimed -> Future.all(claimed.stream().map(c -> attempt(c, now, professionals)).toList())
            .compose(all -> record(all.<Done>list()))
            .map(v -> claimed.size()))
        .compose(count -> count == policy.batchSize() ? drain(handled + count) : Future.succeededFuture(handled + count));
  }

  private Future<Done> attempt(Claimed c, Instant now, Map<UUID, Future<Optional<Professional>>> professionals) {
    return composer.compose(c, now, professionals)
        .compose(outcome -> outcome.message() == null
            ? Future.succeededFuture(new Done(c, null, null, outcome.skipReason()))
            : send(c, outcome.message()))
        .recover(e -> {
          LOG.warn("Notification {} not composed: {}", c.id(), e.getClass().getSimpleName());
          return Future.succeededFuture(new Done(c, null, "not composed: " + e.getClass().getSimpleName(), null));
        });
  }

  private Future<Done> send(Claimed c, Message m) {
    Future<Void> sent = m.channel() == Channel.SMS ? sms.send(c, m) : mail.send(c, m);
    return sent.transform(result -> Future.succeededFuture(result.succeeded() ? new Done(c, m, null, null)
        : new Done(c, m, result.cause() instanceof SendFailed f ? f.getMessage()
            : "send failed: " + result.cause().getClass().getSimpleName(), null)));
  }

  private Future<Void> record(List<Done> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant at = clock.instant();
    // One connection, the statements pipelined (the client queues them in order), one commit for the batch.
    return pool.withTransaction(tx -> Future.all(done.stream().map(d -> write(tx, d, at)).toList()))
        .compose(v -> Future.all(done.stream().filter(d -> d.message() != null && d.failure() == null)
        .map(d -> audit.record(new AuditEvent(null, null, null, "notification.send", "appointment",
            d.claimed().appointmentId().toString(), d.claimed().territoryId(), null, AuditEvent.Outcome.SUCCESS,
            d.claimed().kind().name()))).toList()).mapEmpty());
  }

  private Future<Void> write(SqlClient tx, Done d, Instant at) {
    Claimed c = d.claimed();
    if (d.skipReason() != null) {
      return store.skip(tx, c.id(), d.skipReason());
    }
    if (d.failure() == null) {
      return store.sent(tx, c, d.message(), at);
    }
    int attempt = c.attempts() + 1;
    Instant retryAt = attempt >= policy.maxAttempts() ? null : at.plus(backoff(attempt));
    if (retryAt == null) {
      LOG.warn("Notification {} failed for good after {} attempts", c.id(), attempt);
    }
    return store.failed(tx, c, d.failure(), at, retryAt);
  }

  /** backoff × 2^(attempt − 1), at most six hours. */
  private Duration backoff(int attempt) {
    Duration wait = policy.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  static List<String> kicks() {
    return List.of("slot.booked", "slot.freed");
  }
}
