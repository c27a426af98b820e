package fr.aiguillage.waitlist.model;

/** Who reported the patient. */
public enum Source { PROFESSIONAL, PARTNER, PATIENT, ASSURANCE_MALADIE }
