package fr.aiguillage.notify;

import fr.aiguillage.notify.model.SmsText;

/**
 * How many parts an SMS text takes (3GPP TS 23.038 / 23.040). A text made only of the GSM-7 default alphabet
 * (the extension characters ^ { } \ [ ~ ] | € count twice) fits 160 characters in one part, 153 per part
 * beyond; any other character (ê, ç, ô, an emoji...) turns the whole text into UCS-2: 70 UTF-16 units in one
 * part, 67 per part beyond.
 */
public final class SmsSegments {

  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {
  }

  public static SmsText count(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) {
        septets++;
      } else if (EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return ucs2(text);
      }
    }
    return new SmsText("GSM-7", septets, septets <= 160 ? 1 : (septets + 152) / 153);
  }

  private static SmsText ucs2(String text) {
    int units = text.length();
    return new SmsText("UCS-2", units, units <= 70 ? 1 : (units + 66) / 67);
  }
}
