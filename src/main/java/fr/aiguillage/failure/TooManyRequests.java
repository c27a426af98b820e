package fr.aiguillage.failure;

/** 429 TOO_MANY_REQUESTS, with the number of seconds to wait. */
public final class TooManyRequests extends DomainFailure {

  private final long retryAfterSeconds;

  public TooManyRequests(String detail, long retryAfterSeconds) {
    super(429, "TOO_MANY_REQUESTS", "Trop de tentatives", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
