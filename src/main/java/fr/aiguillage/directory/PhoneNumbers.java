package fr.aiguillage.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import fr.aiguillage.failure.Invalid;

import java.util.List;
import java.util.Optional;

/**
 * Phone numbers as French people write them, parsed with libphonenumber. A number written in the
 * national form (0690…) is tried as metropolitan first, then as each overseas département or
 * collectivity with its own country code; only valid subscriber numbers pass (no short or emergency numbers).
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<String> REGIONS = List.of("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF");

  private PhoneNumbers() {
  }

  /** E.164 form of {@code raw}, or a 400 naming {@code field}. */
  public static String toE164(String field, String raw) {
    return parse(raw).orElseThrow(() -> new Invalid(field,
        "not a valid phone number (expected e.g. 06 12 34 56 78 or +33 6 12 34 56 78)"));
  }

  public static Optional<String> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String cleaned = raw.replace("(0)", "").trim();
    for (String region : REGIONS) {
      try {
        PhoneNumber number = UTIL.parse(cleaned, region);
        if (UTIL.isValidNumber(number)) {
          return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        }
      } catch (NumberParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
