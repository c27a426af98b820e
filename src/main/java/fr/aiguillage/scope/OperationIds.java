package fr.aiguillage.scope;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.aiguillage.scope.Carried.body;
import static fr.aiguillage.scope.Carried.path;
import static fr.aiguillage.scope.Carried.query;
import static fr.aiguillage.scope.IdKind.ACCOUNT;
import static fr.aiguillage.scope.IdKind.APPOINTMENT;
import static fr.aiguillage.scope.IdKind.CALL;
import static fr.aiguillage.scope.IdKind.PATIENT;
import static fr.aiguillage.scope.IdKind.PROFESSIONAL;
import static fr.aiguillage.scope.IdKind.PROPOSAL;
import static fr.aiguillage.scope.IdKind.RULE;
import static fr.aiguillage.scope.IdKind.SITE;
import static fr.aiguillage.scope.IdKind.SLOT;
import static fr.aiguillage.scope.IdKind.TERRITORY;
import static fr.aiguillage.scope.IdKind.TRIAGE;
import static fr.aiguillage.scope.IdKind.WAITLIST_REQUEST;

/**
 * Every operation of openapi.yaml, one line each: the ids it takes and what they name, or why it takes none.
 * {@link TerritoryGuard} checks these ids before any handler runs; the service refuses to start while an operation
 * of the contract has no line here, and {@code CrossTerritoryContractTest} sends each id of another territory.
 * <p>A new operation: add {@code row("opId", path("id", PATIENT), body("slotId", SLOT))}, or
 * {@code none("opId", "why it names no record of a territory")}.
 */
public final class OperationIds {

  private static final String PUSH_INSIDE = "a push request, read by its service only within the caller's territories";
  private static final String PUSH_MINE = "a push request, found only among those addressed to the caller's professional";
  private static final String ROTA_INSIDE = "a rota record looked up only inside the path's territory, checked first";

  private static final List<OperationRow> ROWS = List.of(
      none("getOpenApiDocument", "the contract, the same for everyone"),
      none("login", "public: no session yet"),
      none("logout", "ends the caller's own session"),
      none("me", "the caller's own account"),
      none("openSession", "public: signs in, sets the console's session cookie"),
      none("changePassword", "the caller's own password"),
      none("verifyAudit", "administrators only; walks the whole chain, names no record"),
      none("previewRetention", "counts per kind in the caller's territories; names no record"),
      none("runRetention", "removes what is past its time in the caller's territories; names no record"),
      row("createAccount", body("professionalId", PROFESSIONAL), body("territories", TERRITORY)),
      none("listAccounts", "lists the accounts of the caller's territories only"),
      row("deactivateAccount", path("id", ACCOUNT)),
      row("resetAccountPassword", path("id", ACCOUNT)),
      row("listAudit", query("accountId", ACCOUNT)),
      none("listTerritories", "territories and communes are public reference data"),
      none("createProfessional", "sites are placed by their commune; the directory checks each one"),
      row("listProfessionals", query("territory", TERRITORY)),
      row("getProfessional", path("id", PROFESSIONAL)),
      row("updateProfessional", path("id", PROFESSIONAL)),
      row("deactivateProfessional", path("id", PROFESSIONAL)),
      row("addSite", path("id", PROFESSIONAL)),
      row("createSlot", path("id", PROFESSIONAL), body("siteId", SITE)),
      row("listSlots", path("id", PROFESSIONAL)),
      row("getSlot", path("id", SLOT)),
      row("updateSlot", path("id", SLOT)),
      row("cancelSlot", path("id", SLOT)),
      row("createRule", path("id", PROFESSIONAL), body("siteId", SITE)),
      row("getRule", path("id", RULE)),
      row("updateRule", path("id", RULE), body("siteId", SITE)),
      row("deleteRule", path("id", RULE)),
      row("declareAbsence", path("id", PROFESSIONAL)),
      none("extendHorizon", "administrators only; names no record"),
      row("snpCoverage", query("territory", TERRITORY)),
      none("createPatient", "the patient is placed by their commune; the patient module checks it"),
      none("findPatients", "a phone number, answered only with patients the caller may see"),
      row("getPatient", path("id", PATIENT)),
      row("updatePatient", path("id", PATIENT)),
      row("exportPatient", path("id", PATIENT)),
      row("erasePatient", path("id", PATIENT)),
      none("searchSlots", "names no record; the search reads only the caller's territories (tuned, no extra trip)"),
      row("getPushSettings", path("id", PROFESSIONAL)),
      row("putPushSettings", path("id", PROFESSIONAL)),
      within("sendPushRequest", "mtProfessionalId", "the patient's médecin traitant, who may practise in another"
          + " territory; only asked if they take requests", body("triageId", TRIAGE), body("callId", CALL)),
      none("listPushRequests", "lists the caller's territories only"),
      notScoped("getPushRequest", "id", PUSH_INSIDE),
      notScoped("widenPushRequest", "id", PUSH_INSIDE),
      notScoped("withdrawPushRequest", "id", PUSH_INSIDE),
      none("myPushRequests", "the requests addressed to the caller's own professional"),
      notScoped("myPushRequestStream", "lastEventId", "the caller's own professional's events; a log position"),
      notScoped("getMyPushRequest", "id", PUSH_MINE),
      notScopedAll("acceptMyPushRequest", PUSH_MINE + "; the site must be one of the caller's own", "id", "siteId"),
      notScoped("declineMyPushRequest", "id", PUSH_MINE),
      none("getPushLink", "public: the token is the credential, bound to one request and one professional"),
      notScopedAll("acceptPushLink", "public: the token is the credential; the site must be the link's"
          + " professional's own", "siteId"),
      none("declinePushLink", "public: the token is the credential, bound to one request and one professional"),
      row("book", body("slotId", SLOT), body("patientId", PATIENT), body("callId", CALL), body("triageId", TRIAGE)),
      row("listAppointments", query("professionalId", PROFESSIONAL), query("patientId", PATIENT)),
      row("getAppointment", path("id", APPOINTMENT)),
      row("cancelAppointment", path("id", APPOINTMENT)),
      row("moveAppointment", path("id", APPOINTMENT), body("slotId", SLOT)),
      row("recordOutcome", path("id", APPOINTMENT)),
      row("listAppointmentNotifications", path("id", APPOINTMENT)),
      row("readNotificationJournal", query("territoryId", TERRITORY)),
      notScoped("telephonyEvent", "callId", "the telephony provider's own id; the signed line fixes the territory"),
      row("createCall", body("territoryId", TERRITORY), body("patientId", PATIENT)),
      none("listCalls", "lists the caller's territories only"),
      notScoped("callStream", "lastEventId", "streams the caller's territories only; Last-Event-ID is a position"),
      row("getCall", path("id", CALL)),
      row("updateCall", path("id", CALL), body("patientId", PATIENT), body("operatorId", ACCOUNT)),
      row("triage", body("callId", CALL), body("patientId", PATIENT)),
      row("triagePreview", body("callId", CALL), body("patientId", PATIENT)),
      none("triageVocabulary", "the questionnaire's words, the same for everyone"),
      none("checkTriageRules", "a candidate rules file and its cases; names no record"),
      none("reloadTriageRules", "the rules file on disk; names no record"),
      row("getTriage", path("id", TRIAGE)),
      row("overrideTriage", path("id", TRIAGE)),
      row("triageSlots", path("id", TRIAGE)),
      row("issueCalendarFeed", path("id", PROFESSIONAL)),
      row("revokeCalendarFeed", path("id", PROFESSIONAL)),
      row("getCalendarSettings", path("id", PROFESSIONAL)),
      row("putCalendarSettings", path("id", PROFESSIONAL)),
      row("putNotificationSettings", path("id", PROFESSIONAL)),
      row("importAvailability", path("id", PROFESSIONAL), query("siteId", SITE)),
      row("putSubscription", path("id", PROFESSIONAL), body("siteId", SITE)),
      row("getSubscription", path("id", PROFESSIONAL)),
      row("reportWaitlist", body("patientId", PATIENT)),
      row("listWaitlist", query("territory", TERRITORY)),
      row("waitlistStats", query("territory", TERRITORY)),
      row("getWaitlist", path("id", WAITLIST_REQUEST)),
      row("closeWaitlist", path("id", WAITLIST_REQUEST)),
      row("waitlistCandidates", path("id", WAITLIST_REQUEST)),
      row("proposeMt", path("id", WAITLIST_REQUEST), body("professionalId", PROFESSIONAL)),
      none("myMtProposals", "the proposals made to the caller's own professional"),
      row("gpAccept", path("id", PROPOSAL)),
      row("gpDecline", path("id", PROPOSAL)),
      row("patientAccept", path("id", PROPOSAL)),
      row("patientDecline", path("id", PROPOSAL)),
      row("indicators", query("territory", TERRITORY)),
      row("indicatorsCsv", query("territory", TERRITORY)),
      row("listRotaSectors", path("territoryId", TERRITORY)),
      row("createRotaSector", path("territoryId", TERRITORY)),
      row("listRotaBands", path("territoryId", TERRITORY)),
      within("createRotaBand", "sectorId", ROTA_INSIDE, path("territoryId", TERRITORY)),
      row("openRotaMonth", path("territoryId", TERRITORY)),
      row("getRotaMonth", path("territoryId", TERRITORY)),
      within("putRotaAvailability", "sectorId", ROTA_INSIDE, path("territoryId", TERRITORY),
          path("professionalId", PROFESSIONAL)),
      row("proposeRotaMonth", path("territoryId", TERRITORY)),
      row("publishRotaMonth", path("territoryId", TERRITORY)),
      row("rotaHistory", path("territoryId", TERRITORY)),
      row("exportRotaMonth", path("territoryId", TERRITORY)),
      row("rotaGaps", path("territoryId", TERRITORY)),
      within("assignRotaPlace", "placeId", ROTA_INSIDE, path("territoryId", TERRITORY),
          body("professionalId", PROFESSIONAL)),
      within("giveAwayDuty", "placeId", ROTA_INSIDE, path("territoryId", TERRITORY)),
      within("takeDuty", "placeId", ROTA_INSIDE, path("territoryId", TERRITORY)),
      none("myDuties", "the caller's own duties"));

  private static final Map<String, OperationRow> BY_ID = ROWS.stream()
      .collect(Collectors.toUnmodifiableMap(OperationRow::operationId, Function.identity()));

  private OperationIds() {
  }

  public static Optional<OperationRow> of(String operationId) {
    return Optional.ofNullable(BY_ID.get(operationId));
  }

  public static List<OperationRow> all() {
    return ROWS;
  }

  private static OperationRow row(String operationId, Carried... ids) {
    return new OperationRow(operationId, Arrays.asList(ids), Map.of(), null);
  }

  private static OperationRow none(String operationId, String reason) {
    return new OperationRow(operationId, List.of(), Map.of(), reason);
  }

  /** An operation whose ids are checked, and one more id-like name that is only looked up inside them. */
  private static OperationRow within(String operationId, String name, String reason, Carried... ids) {
    return new OperationRow(operationId, Arrays.asList(ids), Map.of(name, reason), null);
  }

  /** An operation whose id-like names place nothing in a territory (the service checks them), for one reason. */
  private static OperationRow notScopedAll(String operationId, String reason, String... names) {
    return new OperationRow(operationId, List.of(), Arrays.stream(names)
        .collect(Collectors.toUnmodifiableMap(Function.identity(), n -> reason)), reason);
  }

  /** An operation whose only id-like name places nothing in a territory. */
  private static OperationRow notScoped(String operationId, String name, String reason) {
    return new OperationRow(operationId, List.of(), Map.of(name, reason), reason);
  }
}
