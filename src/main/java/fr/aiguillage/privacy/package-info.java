/**
 * Privacy: retention of every kind of record (with counts kept), a patient's export and erasure, and the
 * verification of the audit hash chain. Data lifecycle spans every module's tables, so its stores read them
 * directly (docs/decisions/0012); it depends on security (audit, caller) and patient (visibility).
 */
package fr.aiguillage.privacy;
