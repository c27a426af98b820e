/**
 * Typed refusals shared by every module ({@code Invalid}, {@code NotFound}, {@code Conflict}...).
 * Depends on nothing; the web layer maps them to problem+json.
 */
package fr.aiguillage.failure;
