package fr.aiguillage.waitlist.model;

/** OPEN → PROPOSED → ASSIGNED, or CLOSED with a reason. */
public enum WaitlistStatus { OPEN, PROPOSED, ASSIGNED, CLOSED }
