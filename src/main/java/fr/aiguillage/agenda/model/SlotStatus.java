package fr.aiguillage.agenda.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A slot's state; written in lower case on the wire and in the database. */
public enum SlotStatus {
  FREE, BOOKED, BLOCKED, CANCELLED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SlotStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean live() {
    return this != CANCELLED;
  }
}
