/**
 * The SNP duty rota (issue 22): sectors, duty bands, a month opened for volunteering, the proposal, the published
 * duties and booking on them. Owns the {@code rota_*} tables; uses the directory, booking and security modules only
 * through their services, and notify's {@code DirectOutbox} to tell volunteers of a duty given away.
 */
package fr.aiguillage.rota;
