package fr.aiguillage.notify;

import fr.aiguillage.directory.model.Profession;

/** Professions as a patient reads them. */
final class Professions {

  private Professions() {
  }

  static String label(Profession profession) {
    return switch (profession.name()) {
      case "GENERAL_PRACTITIONER" -> "médecin généraliste";
      case "PHARMACIST" -> "pharmacien(ne)";
      case "NURSE" -> "infirmier(ère)";
      case "PHYSIOTHERAPIST" -> "masseur-kinésithérapeute";
      case "MIDWIFE" -> "sage-femme";
      case "SPECIALIST" -> "médecin spécialiste";
      case "DENTIST" -> "chirurgien-dentiste";
      default -> "professionnel(le) de santé";
    };
  }
}
