package fr.aiguillage.booking.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An appointment's state; lower case on the wire and in the database. */
public enum AppointmentStatus {
  BOOKED, CANCELLED, HONOURED, NO_SHOW;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AppointmentStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
