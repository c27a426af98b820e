package fr.aiguillage.calls.model;

/** How a call ended for the patient. */
public enum CallOutcome {
  BOOKED, ADVICE_GIVEN, REDIRECTED_15, REDIRECTED_OUT_OF_HOURS, REDIRECTED_OTHER, NO_SOLUTION, ABANDONED
}
