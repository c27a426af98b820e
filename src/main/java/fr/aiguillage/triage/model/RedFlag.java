package fr.aiguillage.triage.model;

/** Signs of a vital emergency: any one of them means the 15, whatever the rules file says. */
public enum RedFlag {
  CHEST_PAIN, STROKE_SIGNS, SEVERE_BREATHING_DIFFICULTY, LOSS_OF_CONSCIOUSNESS, SEIZURE, SEVERE_BLEEDING,
  ANAPHYLAXIS_SIGNS, PURPURA_WITH_FEVER, CONFUSION, SUICIDAL_RISK, MAJOR_TRAUMA
}
