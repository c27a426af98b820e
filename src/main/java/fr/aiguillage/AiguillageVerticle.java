package fr.aiguillage;

import fr.aiguillage.agenda.AgendaAccess;
import fr.aiguillage.agenda.AgendaModule;
import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.agenda.SlotClaims;
import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.booking.BookSlot;
import fr.aiguillage.booking.MoveAppointment;
import fr.aiguillage.booking.PatientsSeenThroughAppointments;
import fr.aiguillage.booking.http.BookingRoutes;
import fr.aiguillage.events.EventLog;
import fr.aiguillage.indicators.IndicatorsModule;
import fr.aiguillage.events.EventRelay;
import fr.aiguillage.notify.NotifyModule;
import fr.aiguillage.ops.OpsModule;
import fr.aiguillage.fhir.FhirModule;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.patient.http.PatientRoutes;
import fr.aiguillage.privacy.PrivacyModule;
import fr.aiguillage.push.PushModule;
import fr.aiguillage.rota.RotaModule;
import fr.aiguillage.security.AccountAdministration;
import fr.aiguillage.security.http.AccountAdminRoutes;
import fr.aiguillage.calls.CallIntake;
import fr.aiguillage.calls.CallService;
import fr.aiguillage.calls.http.CallRoutes;
import fr.aiguillage.calls.http.CallStream;
import fr.aiguillage.calls.http.TelephonySignature;
import fr.aiguillage.agenda.SlotImports;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.console.ConsoleRoutes;
import fr.aiguillage.waitlist.Proposals;
import fr.aiguillage.waitlist.WaitlistService;
import fr.aiguillage.waitlist.http.WaitlistRoutes;
import fr.aiguillage.ical.AvailabilityImport;
import fr.aiguillage.ical.FeedAccess;
import fr.aiguillage.ical.FeedService;
import fr.aiguillage.ical.Subscriptions;
import fr.aiguillage.ical.http.CalendarRoutes;
import fr.aiguillage.triage.TriageModule;
import fr.aiguillage.triage.TriageService;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.db.Pools;
import fr.aiguillage.demo.DemoData;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.ProfessionalValidator;
import fr.aiguillage.directory.SkillCatalog;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.http.ProfessionalRoutes;
import fr.aiguillage.directory.http.TerritoryRoutes;
import fr.aiguillage.security.AccountService;
import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.AuthService;
import fr.aiguillage.security.PasswordHasher;
import fr.aiguillage.security.http.AccountRoutes;
import fr.aiguillage.security.http.AuditRoutes;
import fr.aiguillage.security.http.AuthRoutes;
import fr.aiguillage.scope.ScopeModule;
import fr.aiguillage.web.ApiRouter;
import fr.aiguillage.web.ConnectionLimit;
import fr.aiguillage.web.InvalidRequests;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service: wires the modules, then listens. Startup is one chain; it waits for what it starts. */
public final class AiguillageVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AiguillageVerticle.class);

  private final AppConfig config;
  private final DbSettings db;
  private final Secrets secrets;
  private final Clock clock;
  private Pool pool;
  private Pool searchPool;
  private HttpServer server;
  private HttpServer tlsServer;
  private EventRelay relay;
  private NotifyModule notify;
  private FhirModule fhir;

  public AiguillageVerticle(AppConfig config, DbSettings db, Secrets secrets, Clock clock) {
    this.config = config;
    this.db = db;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = Pools.create(vertx, db, config.dbPoolSize());
    searchPool = Pools.createForSearch(vertx, db, config.dbSearchPoolSize());
    OpsModule ops = new OpsModule(vertx, pool, db, config.section("metrics"));
    AuditTrail audit = new AuditTrail(pool, clock);
    PasswordHasher hasher = new PasswordHasher(vertx, config.auth().pbkdf2Iterations());
    TerritoryService territories = new TerritoryService(pool);
    ProfessionalService professionals = new ProfessionalService(pool, clock, audit,
        new ProfessionalValidator(territories, SkillCatalog.load(config.skillsFile())));
    AccountService accounts = new AccountService(pool, clock, hasher, audit, new DirectoryReferenceData(territories, professionals));
    AuthService auth = new AuthService(pool, clock, config.auth(), hasher, audit);
    AgendaModule agenda = new AgendaModule(pool, searchPool, clock, audit, territories, professionals, config);
    AgendaAccess agendaAccess = agenda.access();
    SlotService slots = agenda.slots();
    RuleService rules = agenda.rules();
    EventLog events = new EventLog(pool, clock);
    relay = new EventRelay(vertx, db, clock, ops.relayLag());
    PatientService patients = new PatientService(pool, clock, audit, territories,
        new PatientsSeenThroughAppointments());
    SlotClaims claims = new SlotClaims();
    TriageModule triageModule = new TriageModule(vertx, pool, clock, audit, patients, agenda.search(), config.triageRulesFile());
    TriageService triage = triageModule.service();
    notify = new NotifyModule(vertx, pool, clock, audit, config, patients);
    BookSlot booking = new BookSlot(pool, clock, audit, events, claims, patients, professionals, triage,
        notify.notices(), ops.bookings());
    AppointmentService appointments = new AppointmentService(pool, clock, audit, events, claims, notify.notices());
    CallIntake intake = new CallIntake(pool, clock, audit, events);
    CallService calls = new CallService(pool, clock, audit, patients);
    AvailabilityImport imports = new AvailabilityImport(vertx, clock, audit, agendaAccess, new SlotImports(pool, clock),
        config.agendaHorizonDays());
    Subscriptions subscriptions = new Subscriptions(vertx, pool, clock, audit, agendaAccess, imports,
        config.ical().importMaxBytes(), Duration.ofSeconds(config.ical().fetchTimeoutSeconds()),
        config.ical().subscriptionHttpHosts());
    WaitlistService waitlist = new WaitlistService(pool, clock, audit, patients, config.waitlist());
    Proposals proposals = new Proposals(pool, clock, audit, waitlist, patients, professionals, territories, slots);
    CalendarRoutes calendar = new CalendarRoutes(new FeedAccess(pool, clock, audit, agendaAccess,
        config.ical().publicBaseUrl()), new FeedService(vertx, pool, clock, audit, appointments, slots, patients,
        professionals, config.agendaHorizonDays(), config.ical().requestsPerMinute()), imports, subscriptions,
        config.ical().importMaxBytes());
    PrivacyModule privacy = new PrivacyModule(pool, clock, audit, patients, config);
    ScopeModule scope = new ScopeModule(territories, professionals, slots, rules, patients, appointments, calls, triage,
        waitlist, proposals, accounts);
    fhir = new FhirModule(config, clock, audit, territories, professionals, slots);
    RotaModule rota = new RotaModule(vertx, pool, clock, audit, professionals, config);
    PushModule push = new PushModule(vertx, pool, clock, audit, events, config, new PushModule.Parts(territories,
        professionals, patients, triage, agenda.search(), claims, notify.notices(), notify.direct()));
    return relay.start()
        .compose(v -> territories.loadFrom(config.territoriesFile()))
        .compose(t -> accounts.ensureAdmin(secrets.adminPassword()))
        .onSuccess(generated -> generated.ifPresent(FirstStartNotice::adminPassword))
        .compose(v -> config.demoEnabled()
            ? new DemoData(clock, professionals, accounts, rules, waitlist, secrets.demoPassword()).loadOnce()
            : Future.succeededFuture())
        .compose(v -> accounts.reportCrossLinks())
        .compose(v -> agenda.start(vertx))
        .onSuccess(v -> scheduleSubscriptions(subscriptions))
        .compose(v -> notify.start(appointments, professionals, agendaAccess))
        .onSuccess(v -> privacy.scheduleRetention(vertx))
        .compose(v -> ops.start(relay, notify::queued))
        .onSuccess(v -> push.start())
        .compose(v -> Future.all(OpenAPIContract.from(vertx, ApiRouter.CONTRACT),
            vertx.fileSystem().readFile(ApiRouter.CONTRACT)))
        .compose(loaded -> listen(ApiRouter.build(vertx, loaded.resultAt(0), loaded.<Buffer>resultAt(1),
            config.bodyLimitBytes(), config.ical().importMaxBytes(), auth, audit,
            scope.guard(loaded.resultAt(0)), List.of(
                new AuthRoutes(auth)::mount,
                new AccountRoutes(accounts)::mount,
                new AccountAdminRoutes(new AccountAdministration(pool, clock, hasher, audit, auth))::mount,
                new AuditRoutes(audit)::mount,
                new TerritoryRoutes(territories)::mount,
                new ProfessionalRoutes(professionals)::mount,
                agenda.routes()::mount,
                new PatientRoutes(patients)::mount,
                new BookingRoutes(booking, appointments, new MoveAppointment(pool, clock, audit, events, claims,
                    professionals, notify.notices()))::mount,
                new CallRoutes(intake, calls, new TelephonySignature(config.telephony(), clock))::mount,
                new CallStream(vertx, events, clock, Duration.ofSeconds(config.callStreamHeartbeatSeconds()))::mount,
                triageModule.routes()::mount,
                calendar::mount,
                new WaitlistRoutes(waitlist, proposals)::mount,
                new IndicatorsModule(vertx, pool, clock, audit, territories::ids, config).routes()::mount,
                notify::mount,
                rota.routes()::mount,
                push.routes()::mount,
                privacy.routes()),
            List.of(ops::mount, calendar::mountFeed, new ConsoleRoutes(config.console(), clock)::mount,
                notify::mountPages, fhir::mountBookingLink))))
        .compose(v -> fhir.start(vertx));
  }

  /** Fetches subscribed calendars every {@code ical.subscriptionMinutes}; a failure is recorded, never fatal. */
  private void scheduleSubscriptions(Subscriptions subscriptions) {
    long period = TimeUnit.MINUTES.toMillis(config.ical().subscriptionMinutes());
    vertx.setPeriodic(period, period, id -> subscriptions.refreshAll()
        .onFailure(e -> LOG.error("Calendar subscriptions failed: {}", e.getMessage())));
  }

  /** HTTP, HTTPS, or both (docs/privacy.md, "Chiffrement"): HTTPS when a certificate is configured. */
  private Future<?> listen(io.vertx.ext.web.Router router) {
    AppConfig.Tls tls = config.tls();
    if (!tls.enabled() && !tls.plainHttp()) {
      return Future.failedFuture(new IllegalStateException("http.enabled is false but no TLS certificate is set"));
    }
    Future<HttpServer> plain = tls.plainHttp()
        ? listenPlain(router, ConnectionLimit.of(config.section("limits"))).onSuccess(s -> server = s)
        : Future.succeededFuture();
    Future<HttpServer> secure = tls.enabled()
        ? Tls.listen(vertx, tls, router, ConnectionLimit.of(config.section("limits"))).onSuccess(s -> tlsServer = s)
        : Future.succeededFuture();
    return Future.all(plain, secure);
  }

  private Future<HttpServer> listenPlain(io.vertx.ext.web.Router router, ConnectionLimit limit) {
    return vertx.createHttpServer().invalidRequestHandler(new InvalidRequests()).connectionHandler(limit::opened)
        .requestHandler(limit.guard(router)).listen(config.httpPort());
  }

  /** The port actually bound (useful when configured as 0): HTTP's, or HTTPS's when HTTP is off. */
  public int actualPort() {
    return server != null ? server.actualPort() : tlsServer.actualPort();
  }

  /** The HTTPS port actually bound, or -1 without TLS. */
  public int actualTlsPort() {
    return tlsServer == null ? -1 : tlsServer.actualPort();
  }

  /** The SAS FHIR listener's port (0 when it is off). */
  public int fhirPort() {
    return fhir.actualPort();
  }

  @Override
  public Future<?> stop() {
    Future<Void> http = server == null ? Future.succeededFuture() : server.close();
    return http.eventually(() -> tlsServer == null ? Future.succeededFuture() : tlsServer.close())
            .eventually(() -> notify == null ? Future.succeededFuture() : notify.stop())
        .eventually(() -> fhir == null ? Future.succeededFuture() : fhir.stop())
        .eventually(() -> relay == null ? Future.succeededFuture() : relay.stop())
        .eventually(() -> searchPool == null ? Future.succeededFuture() : searchPool.close())
        .eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
