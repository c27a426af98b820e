package fr.aiguillage.push.model;

/** Where a request stands: open until one acceptance, a withdrawal by the operator, or the end of its rings. */
public enum PushStatus { OPEN, ACCEPTED, EXPIRED, WITHDRAWN }
