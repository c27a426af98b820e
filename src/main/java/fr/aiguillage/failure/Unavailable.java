package fr.aiguillage.failure;

/**
 * 503 DATABASE_UNAVAILABLE: the database cannot be reached for now (restarting, failing over). Nothing was done;
 * the client may send the same request again after {@link #RETRY_AFTER_SECONDS}.
 */
public final class Unavailable extends DomainFailure {

  /** The pool reconnects on the next request once the server is back: a few seconds are enough. */
  public static final long RETRY_AFTER_SECONDS = 5;

  public Unavailable() {
    super(503, "DATABASE_UNAVAILABLE", "Service momentanément indisponible",
        "the database cannot be reached for now; nothing was done, try again shortly");
  }

  public long retryAfterSeconds() {
    return RETRY_AFTER_SECONDS;
  }
}
