package fr.aiguillage.ical;

import fr.aiguillage.ical.model.FeedEvent;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes a feed as RFC 5545 with ical4j: PUBLISH, a calendar name, a 15-minute refresh hint
 * (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL), the Europe/Paris VTIMEZONE, and one VEVENT per item
 * with DTSTART/DTEND in TZID=Europe/Paris.
 */
final class FeedRenderer {

  static final String ZONE = "Europe/Paris";
  private static final Duration REFRESH = Duration.ofMinutes(15);
  private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

  private FeedRenderer() {
  }

  static String render(String calendarName, List<FeedEvent> events) {
    TimeZone paris = REGISTRY.getTimeZone(ZONE);
    ZoneId zone = ZoneId.of(ZONE);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Aiguillage//CPTS agenda//FR"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", calendarName));
    calendar.add(new XProperty("X-WR-TIMEZONE", ZONE));
    calendar.add(new RefreshInterval(new net.fortuna.ical4j.model.ParameterList(
        List.of(new net.fortuna.ical4j.model.parameter.Value("DURATION"))), REFRESH));
    calendar.add(new XProperty("X-PUBLISHED-TTL", "PT15M"));
    calendar.add(paris.getVTimeZone());
    for (FeedEvent e : events) {
      calendar.add(event(e, zone));
    }
    StringWriter out = new StringWriter(events.size() * 400 + 4096);
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static VEvent event(FeedEvent e, ZoneId zone) {
    VEvent event = new VEvent(ZonedDateTime.ofInstant(e.start(), zone), ZonedDateTime.ofInstant(e.end(), zone),
        e.summary());
    event.add(new Uid(e.uid()));
    event.add(new DtStamp(e.stamp()));
    event.add(new Sequence(e.sequence()));
    if (e.free()) {
      event.add(ImmutableTransp.TRANSPARENT);
      event.add(new XProperty("X-AIGUILLAGE-AVAILABILITY", "FREE"));
    } else {
      event.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
      event.add(ImmutableTransp.OPAQUE);
    }
    if (e.location() != null) {
      event.add(new Location(e.location()));
    }
    if (e.description() != null) {
      event.add(new Description(e.description()));
    }
    return event;
  }
}
