package fr.aiguillage.calls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a call stands; also the telephony events' names. A later stage never goes back to an earlier one. */
public enum CallStatus {
  RINGING(1), ANSWERED(2), ENDED(3), MISSED(3);

  private final int stage;

  CallStatus(int stage) {
    this.stage = stage;
  }

  public int stage() {
    return stage;
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CallStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
