/**
 * The event log (domain_event + NOTIFY, in the writer's transaction) and its relay to the event bus of
 * every instance. Depends on {@code db} and {@code json} only.
 */
package fr.aiguillage.events;
