package fr.aiguillage.scope;

import fr.aiguillage.agenda.RuleService;
import fr.aiguillage.agenda.SlotService;
import fr.aiguillage.booking.AppointmentService;
import fr.aiguillage.calls.CallService;
import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.patient.PatientService;
import fr.aiguillage.security.AccountService;
import fr.aiguillage.triage.TriageService;
import fr.aiguillage.waitlist.Proposals;
import fr.aiguillage.waitlist.WaitlistService;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the territory guard from each module's answer to "which territories does this record lie in". */
public final class ScopeModule {

  private final Places places;

  public ScopeModule(TerritoryService territories, ProfessionalService professionals, SlotService slots,
                     RuleService rules, PatientService patients, AppointmentService appointments, CallService calls,
                     TriageService triage, WaitlistService waitlist, Proposals proposals, AccountService accounts) {
    this.places = new Places(Map.ofEntries(
        Map.entry(IdKind.PROFESSIONAL, professionals::territoriesOf),
        Map.entry(IdKind.SITE, professionals::territoriesOfSite),
        Map.entry(IdKind.SLOT, slots::territoriesOf),
        Map.entry(IdKind.RULE, rules::territoriesOf),
        Map.entry(IdKind.PATIENT, patients::territoriesOf),
        Map.entry(IdKind.APPOINTMENT, appointments::territoriesOf),
        Map.entry(IdKind.CALL, calls::territoriesOf),
        Map.entry(IdKind.TRIAGE, triage::territoriesOf),
        Map.entry(IdKind.WAITLIST_REQUEST, waitlist::territoriesOf),
        Map.entry(IdKind.PROPOSAL, proposals::territoriesOf),
        Map.entry(IdKind.ACCOUNT, accounts::territoriesOf)),
        id -> territories.ids().contains(id) ? Optional.of(Set.of(id)) : Optional.empty());
  }

  public TerritoryGuard guard(OpenAPIContract contract) {
    return TerritoryGuard.of(contract, places);
  }
}
