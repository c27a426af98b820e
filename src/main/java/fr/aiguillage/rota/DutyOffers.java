package fr.aiguillage.rota;

import fr.aiguillage.notify.DirectOutbox;
import fr.aiguillage.notify.model.Letter;
import fr.aiguillage.rota.model.GridPlace;
import fr.aiguillage.rota.store.MonthStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Tells the sector's other volunteers of the month that a duty is given away, in the giving transaction (issue 16's
 * channels, through notify's {@link DirectOutbox}). The words name the sector, band, day and hours, and the console's
 * "Mes gardes" screen where the first who takes it holds it; never a patient, never the giver.
 */
final class DutyOffers {

  static final String TOPIC = "rota.dutyOffered";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH' h 'mm", Locale.FRENCH);

  private final DirectOutbox outbox;
  private final String screenUrl;
  private final MonthStore months = new MonthStore();

  DutyOffers(DirectOutbox outbox, String consoleBaseUrl) {
    this.outbox = outbox;
    this.screenUrl = consoleBaseUrl + "/#/mes-gardes";
  }

  /** Queues one message per other volunteer of the place's sector and month; how many were queued. */
  Future<Integer> tell(SqlClient tx, String territoryId, GridPlace place, UUID giver) {
    return months.volunteersOfSector(tx, place.placeId()).compose(ids -> outbox.queue(tx, letter(territoryId, place),
        ids.stream().filter(id -> !id.equals(giver)).toList()));
  }

  /** After the commit: send now rather than at the next run of the sender. */
  void sendNow() {
    outbox.kick();
  }

  private Letter letter(String territoryId, GridPlace p) {
    String when = DAY.format(p.day()) + " de " + HOUR.format(p.start()) + " à " + HOUR.format(p.end());
    String what = "garde « " + p.bandLabel() + " », secteur " + p.sectorName() + ", " + when;
    String sms = "CPTS : une " + what + " est à reprendre. Le premier volontaire qui la prend la tient : " + screenUrl;
    String mail = "Bonjour,\n\nUn·e collègue cède sa " + what + ".\n\nSi vous pouvez la tenir, prenez-la dans"
        + " l'écran « Mes gardes » de la console :\n" + screenUrl + "\n\nLe premier volontaire du secteur qui la"
        + " prend la tient ; elle n'est plus proposée ensuite.\n";
    return new Letter(TOPIC, UUID.randomUUID(), territoryId, sms,
        "Garde à reprendre : " + p.bandLabel() + ", " + DAY.format(p.day()), mail);
  }
}
