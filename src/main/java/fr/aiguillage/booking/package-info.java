/**
 * Appointments: booking (idempotent, never twice per slot), cancelling, outcomes, listing, and the
 * slot.booked / slot.freed events. Depends on {@code agenda} (slot claims), {@code patient},
 * {@code directory}, {@code events} and {@code security}, each through its service.
 */
package fr.aiguillage.booking;
