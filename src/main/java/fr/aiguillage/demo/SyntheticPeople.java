package fr.aiguillage.demo;

import fr.aiguillage.directory.Rpps;

import java.util.List;
import java.util.Random;

/**
 * Generated identities for demo data: common French first and family names combined at random
 * (a fixed seed, so every run makes the same people), RPPS numbers with a valid check digit in a
 * range starting "19", and phone numbers in 04 65 71, a block ARCEP keeps for fiction. None of this describes a real person.
 */
final class SyntheticPeople {

  private static final List<String> GIVEN = List.of("Camille", "Julien", "Claire", "Thomas", "Léa", "Nicolas",
      "Sophie", "Antoine", "Manon", "Hugo", "Inès", "Mathieu", "Chloé", "Pierre", "Sarah", "Louis", "Émilie",
      "Romain", "Lucie", "Maxime", "Anaïs", "Quentin", "Pauline", "Adrien", "Marion", "Yanis", "Élodie", "Karim",
      "Nadia", "Théo");
  private static final List<String> FAMILY = List.of("Aubert", "Barral", "Castan", "Delmas", "Escudier", "Fabre",
      "Granier", "Hébrard", "Issert", "Jourdan", "Lafont", "Marty", "Nougaret", "Olivier", "Pradal", "Quintane",
      "Roux", "Sabatier", "Teissier", "Vidal", "Arnal", "Bessière", "Cabanel", "Durand-Sol", "Estève", "Ferrand",
      "Gaillac", "Hortala", "Imbert", "Julian", "Combes", "Mourgues");

  private final Random random = new Random(34_2026L);
  private int serial;

  String givenName() {
    return GIVEN.get(random.nextInt(GIVEN.size()));
  }

  String familyName() {
    return FAMILY.get(random.nextInt(FAMILY.size()));
  }

  String rpps() {
    String first10 = "19" + String.format("%08d", ++serial * 7919 % 100_000_000);
    return first10 + Rpps.checkDigit(first10);
  }

  private int patients;

  /** Patients' phones, in the second half of the same fiction block. */
  String patientPhone() {
    patients++;
    return String.format("04 65 71 %02d %02d", 50 + patients / 100 % 50, patients % 100);
  }

  String mobile() {
    return String.format("04 65 71 %02d %02d", serial / 100 % 100, serial % 100);
  }
}
