package fr.aiguillage.directory.model;

/** The professions the directory knows (the API's vocabulary). */
public enum Profession {
  GENERAL_PRACTITIONER,
  SPECIALIST,
  NURSE,
  PHARMACIST,
  PHYSIOTHERAPIST,
  MIDWIFE,
  DENTIST
}
