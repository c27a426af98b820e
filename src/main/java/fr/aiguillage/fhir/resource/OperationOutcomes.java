package fr.aiguillage.fhir.resource;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The FHIR error body: one error issue with its type and a French text. */
public final class OperationOutcomes {

  private OperationOutcomes() {
  }

  public static JsonObject error(String issueType, String text) {
    return new JsonObject().put("resourceType", "OperationOutcome")
        .put("issue", new JsonArray().add(new JsonObject().put("severity", "error").put("code", issueType)
            .put("details", new JsonObject().put("text", text)).put("diagnostics", text)));
  }
}
