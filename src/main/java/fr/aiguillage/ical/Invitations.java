package fr.aiguillage.ical;

import fr.aiguillage.booking.model.Appointment;
import fr.aiguillage.directory.model.Site;
import fr.aiguillage.ical.model.FeedEvent;
import fr.aiguillage.ical.model.Privacy;
import fr.aiguillage.ical.store.CalendarStore;
import fr.aiguillage.patient.model.Patient;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * iTIP (RFC 5546) invitations for a professional's mailbox: METHOD:REQUEST at booking, METHOD:CANCEL at
 * cancellation, with the UID and SEQUENCE their feed uses for the same appointment (so a calendar that has
 * both sees one event) and no more of the patient than their feed's privacy setting shows.
 */
public final class Invitations {

  private final Pool pool;
  private final CalendarStore store = new CalendarStore();

  public Invitations(Pool pool) {
    this.pool = pool;
  }

  /** What the professional's feed shows of patients (none unless they chose otherwise). */
  public Future<Privacy> privacyOf(UUID professionalId) {
    return store.settings(pool, professionalId).map(s -> s.settings().privacy());
  }

  /** The .ics text; {@code patient} may be null (privacy none). Blocking-free but CPU-bound: small. */
  public static String render(Appointment a, Site site, Patient patient, Privacy privacy, String organizerEmail,
                              String attendeeEmail) {
    FeedEvent e = FeedEvents.appointment(a, site, patient, privacy);
    boolean cancel = e.cancelled();
    ZoneId zone = ZoneId.of(FeedRenderer.ZONE);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Aiguillage//CPTS agenda//FR"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(FeedRenderer.ZONE).getVTimeZone());
    VEvent event = new VEvent(ZonedDateTime.ofInstant(e.start(), zone), ZonedDateTime.ofInstant(e.end(), zone),
        e.summary());
    event.add(new Uid(e.uid()));
    event.add(new DtStamp(e.stamp()));
    event.add(new Sequence(e.sequence()));
    event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new Organizer(URI.create("mailto:" + bareAddress(organizerEmail))));
    event.add(new Attendee(URI.create("mailto:" + bareAddress(attendeeEmail))));
    if (e.location() != null) {
      event.add(new Location(e.location()));
    }
    event.add(new Description(e.description()));
    calendar.add(event);
    StringWriter out = new StringWriter(4096);
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  /** "CPTS <x@y>" → "x@y". */
  private static String bareAddress(String address) {
    int open = address.indexOf('<');
    return open >= 0 ? address.substring(open + 1, address.indexOf('>', open)).trim() : address.trim();
  }
}
