package fr.aiguillage.fhir;

/**
 * A refusal answered as an OperationOutcome (the SAS guide's error form), not problem+json: HTTP status, FHIR
 * issue type (http://hl7.org/fhir/R4/valueset-issue-type.html) and a French text.
 */
public final class FhirFailure extends RuntimeException {

  private final int status;
  private final String issueType;

  private FhirFailure(int status, String issueType, String text) {
    super(text, null, false, false);
    this.status = status;
    this.issueType = issueType;
  }

  public static FhirFailure invalid(String text) {
    return new FhirFailure(400, "invalid", text);
  }

  public static FhirFailure notSupported(String text) {
    return new FhirFailure(400, "not-supported", text);
  }

  public static FhirFailure notFound(String text) {
    return new FhirFailure(404, "not-found", text);
  }

  public static FhirFailure forbidden(String text) {
    return new FhirFailure(403, "forbidden", text);
  }

  public static FhirFailure notAcceptable(String text) {
    return new FhirFailure(406, "not-supported", text);
  }

  /** A bug or an unavailable database: nothing about it is shown. */
  public static FhirFailure internal() {
    return new FhirFailure(500, "exception", "Erreur interne du service ; réessayez plus tard.");
  }

  public int status() {
    return status;
  }

  public String issueType() {
    return issueType;
  }

  public String text() {
    return getMessage();
  }
}
