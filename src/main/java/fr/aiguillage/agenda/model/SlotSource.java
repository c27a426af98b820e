package fr.aiguillage.agenda.model;

/** Where a slot came from. */
public enum SlotSource { MANUAL, RULE, IMPORT }
