package fr.aiguillage.ical.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much of the patient a feed event shows: nothing (default), initials, or name and phone. */
public enum Privacy {
  NONE, INITIALS, FULL;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Privacy fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
