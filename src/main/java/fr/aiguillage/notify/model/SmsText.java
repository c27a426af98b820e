package fr.aiguillage.notify.model;

/** How an SMS text travels: GSM-7 (160 characters, 153 per part) or UCS-2 (70, 67 per part), in how many parts. */
public record SmsText(String encoding, int units, int segments) {
}
