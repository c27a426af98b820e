/**
 * Triage: the rules file, the safety rules in code, permanence-des-soins hours, stored assessments and
 * overrides. Depends on {@code patient}, {@code agenda} (slot search) and {@code security}.
 */
package fr.aiguillage.triage;
