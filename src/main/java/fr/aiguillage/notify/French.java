package fr.aiguillage.notify;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, times and phone numbers as a French reader expects them ("mardi 24 novembre", "14 h 20", "06 12 34 56 78"). */
final class French {

  private static final Locale FR = Locale.FRANCE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", FR);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd/MM", FR);

  private French() {
  }

  static String day(OffsetDateTime t) {
    return DAY.format(t.atZoneSameInstant(fr.aiguillage.db.SqlTime.PARIS));
  }

  static String shortDay(OffsetDateTime t) {
    return SHORT_DAY.format(t.atZoneSameInstant(fr.aiguillage.db.SqlTime.PARIS));
  }

  static String time(OffsetDateTime t) {
    var local = t.atZoneSameInstant(fr.aiguillage.db.SqlTime.PARIS);
    return local.getHour() + " h " + String.format("%02d", local.getMinute());
  }

  static String shortTime(OffsetDateTime t) {
    var local = t.atZoneSameInstant(fr.aiguillage.db.SqlTime.PARIS);
    return local.getHour() + "h" + String.format("%02d", local.getMinute());
  }

  static String phone(String e164) {
    if (e164 == null) {
      return null;
    }
    try {
      PhoneNumberUtil util = PhoneNumberUtil.getInstance();
      return util.format(util.parse(e164, "FR"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
