package fr.aiguillage.push;

import fr.aiguillage.failure.DomainFailure;

/** The push API's refusals, each with its stable code and French title (problem+json through the one handler). */
public final class PushFailure extends DomainFailure {

  private PushFailure(int status, String code, String title, String detail) {
    super(status, code, title, detail);
  }

  static PushFailure notAllowed(String detail) {
    return new PushFailure(422, "PUSH_NOT_ALLOWED", "Demande impossible pour ce triage", detail);
  }

  static PushFailure alreadyTaken() {
    return new PushFailure(409, "PUSH_ALREADY_TAKEN", "Déjà pris en charge, merci",
        "another professional has already accepted this request");
  }

  static PushFailure closed() {
    return new PushFailure(409, "PUSH_CLOSED", "Demande close", "this request is no longer open");
  }

  static PushFailure linkUnknown() {
    return new PushFailure(404, "PUSH_LINK_UNKNOWN", "Lien inconnu", "this link is not (or no longer) valid");
  }

  static PushFailure linkExpired() {
    return new PushFailure(410, "PUSH_LINK_EXPIRED", "Lien expiré", "this link expired with its request");
  }

  static PushFailure linkNotYours() {
    return new PushFailure(403, "PUSH_LINK_NOT_YOURS", "Ce lien ne vous est pas adressé",
        "this link was sent to another professional");
  }

  static PushFailure notRecipient() {
    return new PushFailure(404, "NOT_FOUND", "Introuvable", "no such request addressed to you");
  }

  static PushFailure keyReused() {
    return new PushFailure(422, "IDEMPOTENCY_KEY_REUSED", "Clé d'idempotence déjà utilisée",
        "this Idempotency-Key was already used with a different request");
  }

  static PushFailure badTime(String detail) {
    return new PushFailure(422, "PUSH_BAD_TIME", "Heure impossible", detail);
  }

  static PushFailure notYourSite() {
    return new PushFailure(422, "PUSH_SITE_NOT_YOURS", "Ce lieu n'est pas le vôtre",
        "siteId: choose one of your own sites");
  }
}
