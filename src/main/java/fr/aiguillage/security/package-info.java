/**
 * Accounts, roles, sessions (bearer tokens) and the append-only audit trail.
 * Depends on {@code failure}, {@code config} and {@code web} helpers; knows the directory only
 * through its {@code ReferenceData} port.
 */
package fr.aiguillage.security;
