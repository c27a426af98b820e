package fr.aiguillage.rota;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.fhir.SasDuties;
import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.rota.http.RotaRoutes;
import fr.aiguillage.rota.store.DutyStore;
import fr.aiguillage.security.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;

/** Wires the rota from the shared parts and hands back its routes; reads the {@code rota} section of the settings. */
public final class RotaModule {

  /**
   * {@code rota.gapsAheadHours}: how far ahead the coordinator's home screen lists gaps (72);
   * {@code rota.showDutiesToSas}: whether the SAS's FHIR slot search lists duties (false);
   * {@code rota.consoleBaseUrl}: the console's address in the messages of a duty given away (blank: the calendar
   * feeds' public address).
   */
  public record Settings(int gapsAheadHours, boolean showDutiesToSas, String consoleBaseUrl) {

    static Settings from(JsonObject section, String fallbackBaseUrl) {
      String base = String.valueOf(section.getValue("consoleBaseUrl", ""));
      base = base.isBlank() || "null".equals(base) ? fallbackBaseUrl : base;
      return new Settings(Integer.parseInt(String.valueOf(section.getValue("gapsAheadHours", 72))),
          Boolean.parseBoolean(String.valueOf(section.getValue("showDutiesToSas", false))),
          base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }
  }

  private final RotaRoutes routes;
  private final DutyBooking dutyBooking;
  private final DutySearch dutySearch;
  private final SasDuties sasDuties;
  private final DutyFeed dutyFeed;

  public RotaModule(Vertx vertx, Pool pool, Clock clock, AuditTrail audit, ProfessionalService professionals,
                    DirectOutbox outbox, AppConfig config) {
    Settings settings = Settings.from(config.section("rota"), config.ical().publicBaseUrl());
    RotaMonths months = new RotaMonths(pool, clock, audit, professionals);
    this.routes = new RotaRoutes(new RotaSetup(pool, clock, audit), months,
        new RotaProposals(vertx, pool, clock, audit, professionals, months), new RotaDuties(pool, clock, audit, months,
        new DutyOffers(outbox, settings.consoleBaseUrl())),
        Duration.ofHours(settings.gapsAheadHours()), new RotaPrint(vertx, clock, audit, months, professionals));
    this.dutyBooking = new DutyBooking(Duration.ofMinutes(config.bookingLeadMinutes()));
    this.dutySearch = new DutySearch(pool);
    this.dutyFeed = new DutyFeed(pool);
    this.sasDuties = settings.showDutiesToSas()
        ? new SasDutySlots(pool, clock, Duration.ofMinutes(config.bookingLeadMinutes())) : SasDuties.NONE;
  }

  /** Seats on published duties, for {@code POST /api/v1/appointments} with {@code dutyPlaceId}. */
  public DutyBooking dutyBooking() {
    return dutyBooking;
  }

  /** Duties as busy blocks of the professional's calendar feed. */
  public DutyFeed dutyFeed() {
    return dutyFeed;
  }

  /** The duties a professional holds in a period, for absences declared over them. */
  public fr.aiguillage.agenda.DutiesHeld dutiesHeld() {
    DutyStore store = new DutyStore();
    return store::heldBetween;
  }

  /** Duties for the SAS's slot search: none unless {@code rota.showDutiesToSas}. */
  public SasDuties sasDuties() {
    return sasDuties;
  }

  /** Professionals on duty, for the operators' search. */
  public DutySearch dutySearch() {
    return dutySearch;
  }

  public RotaRoutes routes() {
    return routes;
  }
}
