/**
 * Territories, communes and the directory of professionals (sites, skills, phones, RPPS).
 * Depends on {@code security} for callers and the audit trail, on {@code failure} and {@code web} helpers.
 */
package fr.aiguillage.directory;
