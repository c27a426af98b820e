/**
 * Notifications: the outbox written in the booking's transaction, the dispatcher (claims, retries, attempts),
 * reminders, cancellation links and their page, SMTP / SMS gateway / journal channels, French templates.
 * Depends on booking, patient, directory, ical (invitations), security and db; nothing depends on it but the root.
 */
package fr.aiguillage.notify;
