package fr.aiguillage.rota.model;

/** Why the proposal put this professional on this place, as the coordinator reads it. */
public enum Reason {
  /** The professional marked this day or band as preferred. */
  PREFERRED,
  /** Nobody else of the sector could hold this place. */
  ONLY_ONE_AVAILABLE,
  /** Among those who could, the one furthest below their fair share. */
  LEAST_LOADED,
  /** Set by hand by a coordinator, or taken over from a colleague. */
  MANUAL
}
