package fr.aiguillage.ical;

import fr.aiguillage.agenda.model.Slot;
import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.ical.model.FeedEvent;
import fr.aiguillage.ical.model.Privacy;
import fr.aiguillage.patient.model.Patient;

import java.util.Map;

/**
 * The words of a feed event. A feed URL ends up in third-party calendar services, so by default an event
 * says what it is, its category and a reference, and nothing of the patient; initials or name and phone
 * only when the professional chose so.
 */
final class FeedEvents {

  private static final Map<String, String> CATEGORY = Map.of("SNP", "Soins non programmés",
      "MT_FIRST_VISIT", "Première consultation (médecin traitant)", "PUBLIC", "Consultation", "PRO", "Consultation");

  private FeedEvents() {
  }

  static FeedEvent appointment(Appointment a, Site site, Patient patient, Privacy privacy) {
    String category = CATEGORY.getOrDefault(a.slot().kind(), "Consultation");
    String reference = "Réf. " + a.id().toString().substring(0, 8).toUpperCase();
    String who = switch (privacy) {
      case NONE -> null;
      case INITIALS -> patient == null ? null : initials(patient);
      case FULL -> patient == null ? null
          : patient.givenName() + " " + patient.familyName() + (patient.phone() == null ? "" : " — " + patient.phone());
    };
    String summary = category + " — orienté par la CPTS" + (who == null ? "" : " — " + who);
    String description = "Catégorie : " + category + "\n" + reference
        + (FeedService.cancelled(a) ? "\nRendez-vous annulé" : "");
    return new FeedEvent(a.id() + "@aiguillage", a.slot().start().toInstant(), a.slot().end().toInstant(), summary,
        location(site), description, a.version(), FeedService.cancelled(a), false, a.createdAt().toInstant());
  }

  static FeedEvent freeSlot(Slot s, Site site) {
    return new FeedEvent("slot-" + s.id() + "@aiguillage", s.start().toInstant(), s.end().toInstant(),
        "Disponible — soins non programmés (CPTS)", location(site), "Créneau libre publié dans l'agenda partagé",
        0, false, true, s.start().toInstant());
  }

  private static String initials(Patient p) {
    return p.givenName().substring(0, 1).toUpperCase() + ". " + p.familyName().substring(0, 1).toUpperCase() + ".";
  }

  private static String location(Site site) {
    return site == null ? null : site.name() + ", " + site.address();
  }
}
