/**
 * Patients (minimal data, every access audited) and who may see them. Depends on {@code directory}
 * (communes, phone numbers) and {@code security}; learns about appointments through {@code PatientVisibility}.
 */
package fr.aiguillage.patient;
