package fr.aiguillage.notify;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.booking.AppointmentNotices;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.events.EventRelay;
import fr.aiguillage.ical.Invitations;
import fr.aiguillage.notify.channel.HttpSmsGateway;
import fr.aiguillage.notify.channel.Journal;
import fr.aiguillage.notify.channel.MailTransport;
import fr.aiguillage.notify.channel.SmsGateway;
import fr.aiguillage.notify.channel.SmtpMailTransport;
import fr.aiguillage.notify.http.CancelRoutes;
import fr.aiguillage.notify.http.NotificationRoutes;
import fr.aiguillage.notify.model.QueuedNotifications;
import fr.aiguillage.notify.store.OutboxStore;
import fr.aiguillage.notify.store.SettingsStore;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires notifications from the shared parts. Two steps, because booking needs the outbox and notifications
 * need booking: {@link #notices()} first (handed to booking), then {@link #start} once the services exist.
 * The dispatcher runs every {@code notify.dispatchIntervalMillis}, at once after a booking or a freed slot
 * (any instance's, through the event relay), and on a message to {@link #DISPATCH_ADDRESS}.
 */
public final class NotifyModule {

  /** Event bus address: a message runs the dispatcher once and is answered with the number of rows handled. */
  public static final String DISPATCH_ADDRESS = "aiguillage.notify.dispatch";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final AuditTrail audit;
  private final AppConfig config;
  private final PatientService patients;
  private final Templates templates = new Templates();
  private final Outbox outbox;
  private DirectOutbox directOutbox;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private NotificationRoutes api;
  private CancelRoutes pages;
  private long timer = -1;
  private long directTimer = -1;

  public NotifyModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, AppConfig config,
                      PatientService patients) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.audit = audit;
    this.config = config;
    this.patients = patients;
    this.outbox = new Outbox(patients, new Reminders(config.notifications().reminderEveningTime(),
        Duration.ofHours(config.notifications().reminderSameDayHours())));
  }

  /** What booking calls inside its transactions. */
  public AppointmentNotices notices() {
    return outbox;
  }

  /** The channels the direct outbox sends through. */
  private DirectMessages direct() {
    AppConfig.Notify n = config.notifications();
    return new DirectMessages(clock, sms(n.sms()), mail(n.mail()));
  }

  /** Messages other modules compose (a duty given away, a push request's link), queued in their transactions. */
  public DirectOutbox directOutbox() {
    if (directOutbox == null) {
      directOutbox = new DirectOutbox(pool, clock, direct(),
          Duration.ofSeconds(config.notifications().claimSeconds()));
    }
    return directOutbox;
  }

  /** The outbox's backlog now (operators' metrics). */
  public Future<QueuedNotifications> queued() {
    return new OutboxStore().queued(pool, clock.instant());
  }

  public Future<Void> start(AppointmentService appointments, ProfessionalService professionals, AgendaAccess access) {
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    // Not waited for: startup goes on while the templates compile on a worker thread.
    vertx.executeBlocking(this::warmUp);
    return new SettingsStore().linkKey(pool, candidate, clock.instant())
        .compose(key -> vertx.fileSystem().readFile("notify/annulation.css").map(css -> {
          CancelLinks links = new CancelLinks(key, config.ical().publicBaseUrl());
          AppConfig.Notify n = config.notifications();
          Composer composer = new Composer(appointments, patients, professionals, new Invitations(pool), templates,
              links, n.mail().from());
          Dispatcher dispatcher = new Dispatcher(pool, clock, audit, composer, sms(n.sms()), mail(n.mail()),
              new Dispatcher.Policy(n.maxAttempts(), Duration.ofSeconds(n.backoffSeconds()),
                  Duration.ofSeconds(n.claimSeconds()), n.batchSize()));
          api = new NotificationRoutes(new NotificationService(pool, clock, audit, appointments, access));
          pages = new CancelRoutes(new CancelPage(appointments, professionals, audit, clock, links, templates), css);
          if (n.dispatchEnabled()) {
            schedule(dispatcher, n.dispatchIntervalMillis());
          }
          sendDirect(n);
          return null;
        }));
  }

  /** First uses of mustache.java, ical4j and libphonenumber load classes and data for seconds: done here. */
  private Void warmUp() {
    templates.warmUp(List.of("sms-confirmation", "sms-reminder", "sms-cancellation", "mail-confirmation",
        "mail-confirmation-subject", "mail-reminder", "mail-reminder-subject", "mail-cancellation",
        "mail-cancellation-subject", "mail-pro-booking", "mail-pro-booking-subject", "mail-pro-cancellation",
        "mail-pro-cancellation-subject", "cancel-page", "sms-moved", "mail-moved", "mail-moved-subject"));
    French.phone("+33612345678");
    net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone("Europe/Paris");
    return null;
  }

  public void mount(RouterBuilder builder) {
    api.mount(builder);
  }

  public void mountPages(Router router) {
    pages.mount(router);
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (directTimer >= 0) {
      vertx.cancelTimer(directTimer);
    }
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private void schedule(Dispatcher dispatcher, int intervalMillis) {
    timer = vertx.setPeriodic(intervalMillis, id -> dispatcher.runOnce());
    consumers.add(vertx.eventBus().<JsonObject>consumer(EventRelay.ADDRESS, event -> {
      if (Dispatcher.kicks().contains(event.body().getString("type"))) {
        dispatcher.runOnce();
      }
    }));
    consumers.add(vertx.eventBus().consumer(DISPATCH_ADDRESS, request -> dispatcher.runOnce()
        .onSuccess(request::reply).onFailure(e -> request.fail(500, e.getClass().getSimpleName()))));
  }

  /** The direct messages' sender: on its address always (tests drive it), on the timer when dispatch is on. */
  private void sendDirect(AppConfig.Notify n) {
    DirectOutbox direct = directOutbox();
    if (n.dispatchEnabled()) {
      directTimer = vertx.setPeriodic(n.dispatchIntervalMillis(), id -> direct.kick());
    }
    consumers.add(vertx.eventBus().consumer(DirectOutbox.SEND_ADDRESS, request -> direct.runOnce()
        .onSuccess(request::reply).onFailure(e -> request.fail(500, e.getClass().getSimpleName()))));
  }

  private SmsGateway sms(AppConfig.Sms sms) {
    return sms.gatewayUrl() == null || sms.gatewayUrl().isBlank() ? new Journal(pool, clock)
        : new HttpSmsGateway(vertx, sms, templates);
  }

  private MailTransport mail(AppConfig.Mail mail) {
    return mail.smtpHost() == null || mail.smtpHost().isBlank() ? new Journal(pool, clock)
        : new SmtpMailTransport(vertx, mail);
  }
}
