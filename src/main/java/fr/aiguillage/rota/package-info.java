/**
 * The SNP duty rota (issue 22): sectors, duty bands, a month opened for volunteering, the proposal, the published
 * duties and booking on them. Owns the {@code rota_*} tables; uses the directory, booking and security modules only
 * through their services.
 */
package fr.aiguillage.rota;
