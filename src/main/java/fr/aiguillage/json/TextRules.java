package fr.aiguillage.json;

/**
 * What a text value may hold, decided once (decision 0013) and checked wherever text comes in (JSON bodies,
 * query and path parameters): any Unicode character except the C0 controls other than tab, line feed and
 * carriage return, DEL, and unpaired surrogates. PostgreSQL refuses NUL in text (SQLSTATE 22021); the others
 * are never meant by a person and break logs, CSV exports and iCalendar feeds.
 */
public final class TextRules {

  private TextRules() {
  }

  /** Null when the text is acceptable, else the reason (English, for the field error's message). */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character";
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return "must not contain control characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return "must not contain an unpaired surrogate";
        }
      } else if (Character.isLowSurrogate(c)) {
        return "must not contain an unpaired surrogate";
      }
    }
    return null;
  }
}
