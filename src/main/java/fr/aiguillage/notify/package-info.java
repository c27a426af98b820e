/**
 * Notifications: the outbox written in the booking's transaction, the dispatcher (claims, retries, attempts),
 * reminders, cancellation links and their page, SMTP / SMS gateway / journal channels, French templates; and the
 * outbox of messages other modules compose ({@code DirectOutbox}, {@code direct_notice}).
 * Depends on booking, patient, directory, ical (invitations), security and db; push and rota send through it.
 */
package fr.aiguillage.notify;
