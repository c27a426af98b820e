package fr.aiguillage.agenda.model;

import fr.aiguillage.agenda.model.SearchResult.ProfessionalSummary;
import fr.aiguillage.agenda.model.SearchResult.SiteSummary;

/** One slot with who holds it and where, as a booking screen shows it (the same parts as a search hit). */
public record SlotDetail(Slot slot, ProfessionalSummary professional, SiteSummary site) {
}
