/**
 * How the service writes its log: text or one JSON line per event (AIGUILLAGE_LOG_FORMAT), with the request's id.
 * Depends on logback only; every other module logs through SLF4J and never names personal data.
 */
package fr.aiguillage.logs;
