package fr.aiguillage.notify.model;

/** The outbox's backlog: rows still to send ({@code pending}), of which {@code due} should have gone already. */
public record QueuedNotifications(long pending, long due) {
}
