package fr.aiguillage.failure;

/**
 * An expected refusal (bad input, missing right, conflict) that the web layer turns into
 * problem+json. No stack trace: these are outcomes, not bugs.
 */
public abstract class DomainFailure extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;

  protected DomainFailure(int status, String code, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The fields at fault, when the refusal is about some (a problem's {@code errors}). */
  public java.util.List<FieldError> errors() {
    return java.util.List.of();
  }
}
