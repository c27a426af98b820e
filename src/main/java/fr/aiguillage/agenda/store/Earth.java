package fr.aiguillage.agenda.store;

/**
 * Distances on earthdistance's sphere (radius {@code earth()} = 6,378,168 m). The KNN index orders sites by
 * the straight chord between two points of the sphere; the great-circle distance follows from it exactly:
 * arc = 2R·asin(chord / 2R).
 */
public final class Earth {

  static final double RADIUS_METRES = 6_378_168.0;

  private Earth() {
  }

  public static double greatCircleKm(double chordMetres) {
    double half = Math.min(1.0, chordMetres / (2 * RADIUS_METRES));
    return 2 * RADIUS_METRES * Math.asin(half) / 1000.0;
  }

  public static double chordMetres(double greatCircleKm) {
    return 2 * RADIUS_METRES * Math.sin(Math.min(Math.PI / 2, greatCircleKm * 1000.0 / (2 * RADIUS_METRES)));
  }
}
