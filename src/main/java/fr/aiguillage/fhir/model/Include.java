package fr.aiguillage.fhir.model;

import java.util.Arrays;
import java.util.Optional;

/** The {@code _include} values of the guide's slot search. */
public enum Include {
  SCHEDULE("Slot:schedule"),
  SCHEDULE_ACTOR("Schedule:actor"),
  SERVICE("Slot:service-type-reference"),
  SERVICE_ORGANIZATION("HealthcareService:organization");

  private final String value;

  Include(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<Include> of(String value) {
    return Arrays.stream(values()).filter(i -> i.value.equals(value)).findFirst();
  }
}
