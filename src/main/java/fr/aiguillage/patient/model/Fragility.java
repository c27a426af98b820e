package fr.aiguillage.patient.model;

/** Fragility flags that raise a patient's priority (ALD, CSS, AME, précarité, handicap). */
public enum Fragility { ALD, CSS, AME, PRECARITY, DISABILITY }
