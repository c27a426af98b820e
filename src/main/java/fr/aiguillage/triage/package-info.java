/**
 * Triage: the rules file (vocabulary, rules, reference cases, check and reload), the safety rules in code, the
 * next questions, permanence-des-soins hours, stored assessments and overrides. Depends on {@code patient},
 * {@code agenda} (slot search) and {@code security}.
 */
package fr.aiguillage.triage;
