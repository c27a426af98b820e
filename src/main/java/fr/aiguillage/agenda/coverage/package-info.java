/**
 * The SNP coverage of a territory (free and booked SNP slots per commune, day and half-day) for coordinators.
 * Reads slots with their sites' communes; depends on {@code directory} for the territory's communes.
 */
package fr.aiguillage.agenda.coverage;
