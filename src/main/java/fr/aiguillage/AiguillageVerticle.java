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
import fr.aiguillage.ical.IcalModule;
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
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.console.ConsoleRoutes;
import fr.aiguillage.waitlist.Proposals;
import fr.aiguillage.waitlist.WaitlistService;
import fr.aiguillage.waitlist.http.WaitlistRoutes;
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
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The service: wires the modules, then listens. Startup is one chain; it waits for what it starts. */
public final class AiguillageVerticle extends VerticleBase {

  private final AppConfig config;
  private final DbSettings db;
  private final Secrets secrets;
  private final Clock clock;
  private Pool pool;
  private Pool searchPool;
  private Listeners listeners;
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
    listeners = new Listeners(vertx, config);
    searchPool = Pools.createForSearch(vertx, db, config.dbSearchPoolSize());
    OpsModule ops = new OpsModule(vertx, pool, db, config.section("metrics"));
    AuditTrail audit = new AuditTrail(pool, clock);
    PasswordHasher hasher = new PasswordHasher(vertx, config.auth().pbkdf2Iterations());
    TerritoryService territories = new TerritoryService(pool);
    ProfessionalService professionals = new ProfessionalService(pool, searchPool, clock, audit,
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
    WaitlistService waitlist = new WaitlistService(pool, clock, audit, patients, config.waitlist());
    Proposals proposals = new Proposals(pool, clock, audit, waitlist, patients, professionals, territories, slots);
    IcalModule ical = new IcalModule(vertx, pool, clock, audit, config, agendaAccess, slots, appointments, patients,
        professionals);
    PrivacyModule privacy = new PrivacyModule(pool, clock, audit, patients, config);
    ScopeModule scope = new ScopeModule(territories, professionals, slots, rules, patients, appointments, calls, triage,
        waitlist, proposals, accounts);
    fhir = new FhirModule(config, clock, audit, territories, professionals, slots, searchPool);
    RotaModule rota = new RotaModule(vertx, pool, clock, audit, professionals, notify.directOutbox(), config);
    // Parsed while the steps below wait on the database: on a restart it is the longest single step (decision 0016).
    Future<OpenAPIContract> contract = OpenAPIContract.from(vertx, ApiRouter.CONTRACT);
    booking.takeDutiesFrom(rota.dutyBooking());
    agenda.search().showDutiesFrom(rota.dutySearch());
    fhir.showDuties(rota.sasDuties());
    agenda.absences().seeDutiesIn(rota.dutiesHeld());
    ical.feeds().showDutiesFrom(rota.dutyFeed());
    PushModule push = new PushModule(vertx, pool, clock, audit, events, config, new PushModule.Parts(territories,
        professionals, patients, triage, agenda.search(), claims, notify.notices(), notify.directOutbox()));
    IndicatorsModule indicators = new IndicatorsModule(vertx, pool, clock, audit, territories::ids, config);
    return relay.start()
        .compose(v -> territories.loadFrom(config.territoriesFile()))
        .compose(t -> accounts.ensureAdmin(secrets.adminPassword()))
        .onSuccess(generated -> generated.ifPresent(FirstStartNotice::adminPassword))
        .compose(v -> config.demoEnabled()
            ? new DemoData(clock, professionals, accounts, rules, waitlist, secrets.demoPassword()).loadOnce()
            : Future.succeededFuture())
        .compose(v -> accounts.reportCrossLinks())
        .compose(v -> agenda.start(vertx))
        .onSuccess(v -> ical.start(vertx))
        .compose(v -> notify.start(appointments, professionals, agendaAccess))
        .onSuccess(v -> privacy.scheduleRetention(vertx))
        .compose(v -> ops.start(relay, notify::queued))
        .onSuccess(v -> push.start())
        // the indicators' warm-up (decision 0036) runs while the contract is parsed; the service listens after both
        .compose(v -> Future.all(contract, vertx.fileSystem().readFile(ApiRouter.CONTRACT),
            indicators.warmUp(auth::warmUp)))
        .compose(loaded -> listeners.listen(ApiRouter.build(vertx, loaded.resultAt(0), loaded.<Buffer>resultAt(1),
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
                ical.routes()::mount,
                new WaitlistRoutes(waitlist, proposals)::mount,
                indicators.routes()::mount,
                notify::mount,
                rota.routes()::mount,
                push.routes()::mount,
                privacy.routes()),
            List.of(ops::mount, ical.routes()::mountFeed, new ConsoleRoutes(config.console(), clock)::mount,
                notify::mountPages, fhir::mountBookingLink))))
        .compose(v -> fhir.start(vertx));
  }

  /** The port actually bound (useful when configured as 0): HTTP's, or HTTPS's when HTTP is off. */
  public int actualPort() {
    return listeners.port();
  }

  /** The HTTPS port actually bound, or -1 without TLS. */
  public int actualTlsPort() {
    return listeners.tlsPort();
  }

  /** The event loops that have accepted an HTTP or HTTPS connection so far (their threads' names). */
  public java.util.Set<String> httpServingThreads() {
    return listeners.servingThreads();
  }

  /** How many event loops serve HTTP and HTTPS ({@code http.eventLoops}). */
  public int httpEventLoops() {
    return listeners.eventLoops();
  }

  /** The SAS FHIR listener's port (0 when it is off). */
  public int fhirPort() {
    return fhir.actualPort();
  }

  @Override
  public Future<?> stop() {
    return (listeners == null ? Future.<Void>succeededFuture() : listeners.close())
        .eventually(() -> notify == null ? Future.succeededFuture() : notify.stop())
        .eventually(() -> fhir == null ? Future.succeededFuture() : fhir.stop())
        .eventually(() -> relay == null ? Future.succeededFuture() : relay.stop())
        .eventually(() -> searchPool == null ? Future.succeededFuture() : searchPool.close())
        .eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
