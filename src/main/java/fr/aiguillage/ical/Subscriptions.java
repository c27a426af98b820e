package fr.aiguillage.ical;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.failure.Invalid;
import fr.aiguillage.failure.NotFound;
import fr.aiguillage.ical.store.SubscriptionStore;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.model.AuditEvent;
import fr.aiguillage.security.model.Caller;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Calendars the service fetches itself, every {@code subscriptionMinutes}, and imports like an upload. A
 * fetch over {@code ical.importMaxBytes} (2 MiB) or {@code ical.fetchTimeoutSeconds} (10 s) is abandoned;
 * every outcome is recorded on the subscription, and nothing a remote calendar does can stop the service.
 */
public final class Subscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AgendaAccess access;
  private final AvailabilityImport imports;
  private final long maxBytes;
  private final Duration timeout;
  private final HttpClient http;
  /** Hosts a subscription may reach over plain http (a setting; by default none: https only). */
  private final Set<String> httpHosts;
  private final SubscriptionStore store = new SubscriptionStore();

  public Subscriptions(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, AgendaAccess access,
                       AvailabilityImport imports, long maxBytes, Duration timeout, Set<String> httpHosts) {
    this.httpHosts = httpHosts;
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.imports = imports;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
        .setIdleTimeout((int) timeout.toSeconds()));
  }

  /** Saves the subscription and fetches it once now; the answer shows how that went. */
  public Future<SubscriptionStore.Subscription> subscribe(Caller caller, UUID professionalId, String url, UUID siteId,
                                                          int slotMinutes) {
    URI uri = checkedUrl(url);
    return access.toManage(caller, professionalId).compose(p -> {
      AgendaAccess.requireSite(p, siteId);
      return store.put(pool, professionalId, uri.toString(), siteId, slotMinutes, clock.instant());
    }).compose(v -> audit.record(AuditEvent.of(caller, "availability.subscribe", "professional", professionalId, null)))
        .compose(v -> refresh(professionalId))
        .compose(v -> find(caller, professionalId));
  }

  public Future<SubscriptionStore.Subscription> find(Caller caller, UUID professionalId) {
    return access.toRead(caller, professionalId).compose(p -> store.find(pool, professionalId))
        .map(found -> found.orElseThrow(() -> new NotFound("subscription of professional " + professionalId)));
  }

  /** Fetches every subscription once (the periodic job). */
  public Future<Void> refreshAll() {
    return store.all(pool).compose(all -> {
      Future<Void> chain = Future.succeededFuture();
      for (SubscriptionStore.Subscription s : all) {
        chain = chain.compose(v -> refresh(s.professionalId()));
      }
      return chain;
    });
  }

  private Future<Void> refresh(UUID professionalId) {
    return store.find(pool, professionalId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      SubscriptionStore.Subscription s = found.get();
      return fetch(s.url())
          .compose(text -> imports.apply(professionalId, s.siteId(), s.slotMinutes(), text))
          .compose(result -> store.recordOutcome(pool, professionalId, clock.instant(), "OK",
              result.created() + " created, " + result.kept() + " kept, " + result.removed() + " removed, "
                  + result.overlapsRefused().size() + " overlaps refused"))
          .recover(e -> {
            LOG.warn("Calendar subscription fetch failed: {}", e.getMessage());
            return store.recordOutcome(pool, professionalId, clock.instant(), "FAILED", e.getMessage());
          });
    });
  }

  Future<String> fetch(String url) {
    Promise<String> done = Promise.promise();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setIdleTimeout(timeout.toMillis()).setFollowRedirects(true);
    long deadline = vertx.setTimer(timeout.toMillis(),
        id -> done.tryFail("fetch slower than " + timeout.toSeconds() + " s, abandoned"));
    http.request(options).compose(request -> request.send()).onComplete(sent -> {
      if (sent.failed()) {
        done.tryFail(sent.cause());
        return;
      }
      var response = sent.result();
      if (response.statusCode() != 200) {
        done.tryFail("the calendar server answered HTTP " + response.statusCode());
        response.request().reset();
        return;
      }
      Buffer body = Buffer.buffer();
      response.handler(chunk -> {
        body.appendBuffer(chunk);
        if (body.length() > maxBytes && done.tryFail("calendar larger than " + size(maxBytes) + ", abandoned")) {
          response.request().reset();
        }
      });
      response.endHandler(v -> done.tryComplete(body.toString()));
      response.exceptionHandler(done::tryFail);
    });
    return done.future().onComplete(r -> vertx.cancelTimer(deadline));
  }

  private static String size(long bytes) {
    long mib = 1024 * 1024;
    return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
  }

  /**
   * An absolute https (or webcal) address with a host; plain http only to the hosts the setting
   * {@code ical.subscriptionHttpHosts} names (issue 21, class 5).
   */
  private URI checkedUrl(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim().replaceFirst("(?i)^webcal://", "https://"));
    } catch (URISyntaxException e) {
      throw new Invalid("url", "an absolute https address of a calendar");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    boolean allowed = "https".equals(scheme) || "http".equals(scheme) && host != null && httpHosts.contains(host);
    if (!uri.isAbsolute() || host == null || !allowed) {
      throw new Invalid("url", "an absolute https address of a calendar");
    }
    return uri;
  }
}
