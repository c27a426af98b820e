package fr.aiguillage.failure;

/** 403 PASSWORD_CHANGE_REQUIRED: this account must choose its own password before anything else. */
public final class PasswordChangeRequired extends DomainFailure {

  public PasswordChangeRequired() {
    super(403, "PASSWORD_CHANGE_REQUIRED", "Changement de mot de passe requis",
        "this account was created by someone else: change its password (POST /api/v1/auth/password) first");
  }
}
