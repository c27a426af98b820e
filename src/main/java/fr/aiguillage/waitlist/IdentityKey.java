package fr.aiguillage.waitlist;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/** The same person however their name is typed: no case, no accents, no spaces or hyphens, plus the birth date. */
final class IdentityKey {

  private IdentityKey() {
  }

  static String of(String familyName, String givenName, LocalDate birthDate) {
    return plain(familyName) + "|" + plain(givenName) + "|" + birthDate;
  }

  static String plain(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
  }
}
