package fr.aiguillage.waitlist.model;

/** Why a request was closed without an assignment. */
public enum CloseReason { FOUND_OWN_MT, MOVED_AWAY, UNREACHABLE, DECLINED, DUPLICATE, DECEASED }
