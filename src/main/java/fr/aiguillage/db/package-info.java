/**
 * Database plumbing: the embedded or external PostgreSQL, Flyway migrations, the reactive pool.
 * Depends on configuration only; business modules get a {@code Pool}, never this package's internals.
 */
package fr.aiguillage.db;
