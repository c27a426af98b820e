package fr.aiguillage.ical;

import fr.aiguillage.failure.Unprocessable;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * An imported calendar may name only time zones that exist: an IANA zone id, or one the calendar defines in a
 * VTIMEZONE. Any other TZID is refused with 422 naming it (issue 21, class 8), rather than guessed.
 */
final class TimeZones {

  private TimeZones() {
  }

  static void requireKnown(Calendar calendar) {
    Set<String> defined = new HashSet<>();
    for (Component zone : calendar.getComponents(Component.VTIMEZONE)) {
      zone.getProperty(Property.TZID).ifPresent(p -> defined.add(p.getValue()));
    }
    for (Component event : calendar.getComponents(Component.VEVENT)) {
      for (Property property : event.getProperties()) {
        for (Parameter tzid : property.getParameters(Parameter.TZID)) {
          String zone = tzid.getValue();
          if (!defined.contains(zone) && !isIana(zone)) {
            throw new Unprocessable("UNKNOWN_TIME_ZONE", "body",
                "unknown time zone TZID=" + zone + " (line " + property.getName() + ")");
          }
        }
      }
    }
  }

  private static boolean isIana(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
