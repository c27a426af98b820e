package fr.aiguillage.triage.model;

/** Why the patient calls (the API's vocabulary; French labels live in config/triage-rules.json). */
public enum Complaint {
  FEVER, SORE_THROAT, URINARY_SYMPTOMS, ANKLE_INJURY, LOW_BACK_PAIN, WOUND, SKIN_RASH, COUGH, EAR_PAIN, EYE_PROBLEM,
  DENTAL_PAIN, ABDOMINAL_PAIN, HEADACHE, VOMITING_DIARRHOEA, ALLERGIC_RHINITIS, ANXIETY_LOW_MOOD,
  PRESCRIPTION_RENEWAL, OTHER
}
