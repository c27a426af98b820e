/**
 * What the people who run the service see: health for orchestrators ({@code /health}, {@code /health/live},
 * {@code /health/ready}) and Prometheus metrics ({@code /metrics}, behind a token or a network list). Depends on
 * {@code db}, {@code events}, {@code failure} and the notify module's outbox count, never on their tables.
 */
package fr.aiguillage.ops;
