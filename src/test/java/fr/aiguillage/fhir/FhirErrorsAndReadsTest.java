package fr.aiguillage.fhir;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals as OperationOutcomes, the CapabilityStatement and the reads, all checked by HAPI FHIR. */
class FhirErrorsAndReadsTest extends ApiTest {

  private final SasPlatform platform = new SasPlatform();
  private SasScene scene;

  @Override
  protected Map<String, String> settings() {
    return platform.settings();
  }

  @BeforeAll
  void scene() {
    scene = SasScene.build(server, coordinatorOf("errors-coordinator", Fixtures.THAU, Fixtures.BERANGE));
  }

  private String one() {
    return SasScene.rppsToken(scene.thauGp);
  }

  /** Asserts an OperationOutcome with this status, valid for HAPI, and returns it. */
  private static OperationOutcome assertOutcome(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    OperationOutcome outcome = FhirChecks.parse(response.bodyAsString(), OperationOutcome.class);
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    FhirChecks.assertValid(response.bodyAsString());
    return outcome;
  }

  @Test
  @DisplayName("a search without its upper start bound is a 400 OperationOutcome")
  void missingBound() {
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Slot?start=ge2026-11-24T00:00:00%2B01:00"
        + "&schedule.actor:Practitioner.identifier=" + one() + "&status=free"), 400);
  }

  @Test
  @DisplayName("26 identifiers are a 400 OperationOutcome; 25 are answered")
  void tooManyIdentifiers() {
    String ids25 = String.join(",", Collections.nCopies(25, one()));
    HttpResponse<Buffer> ok = platform.get(server.vertx, SasScene.guideQuery(ids25, SasScene.TOMORROW_FROM,
        SasScene.TOMORROW_TO));
    assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
    OperationOutcome outcome = assertOutcome(platform.get(server.vertx, SasScene.guideQuery(ids25 + "," + one(),
        SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO)), 400);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("25");
  }

  @Test
  @DisplayName("a malformed date is a 400 OperationOutcome")
  void malformedDate() {
    assertOutcome(platform.get(server.vertx, SasScene.guideQuery(one(), "2026-13-45T99:00", SasScene.TOMORROW_TO)),
        400);
  }

  @Test
  @DisplayName("an unknown parameter is ignored, and refused with Prefer: handling=strict")
  void unknownParameter() {
    String query = SasScene.guideQuery(one(), SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO) + "&couleur=bleu";
    HttpResponse<Buffer> lenient = platform.get(server.vertx, query);
    assertThat(lenient.statusCode()).isEqualTo(200);
    assertThat(lenient.bodyAsString()).doesNotContain("couleur");
    WebClient web = platform.client(server.vertx, platform.client);
    HttpResponse<Buffer> strict = Await.result(web.get(query).putHeader("Accept", "application/fhir+json")
        .putHeader("Prefer", "handling=strict").send());
    web.close();
    assertThat(assertOutcome(strict, 400).getIssueFirstRep().getDiagnostics()).contains("couleur");
  }

  @Test
  @DisplayName("a search without status is a 400 OperationOutcome")
  void missingStatus() {
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Slot?start=ge2026-11-24&start=le2026-11-25"
        + "&schedule.actor:Practitioner.identifier=" + one()), 400);
  }

  @Test
  @DisplayName("XML only is refused with 406")
  void xmlRefused() {
    WebClient web = platform.client(server.vertx, platform.client);
    HttpResponse<Buffer> response = Await.result(web.get("/fhir/r4/metadata").putHeader("Accept", "application/fhir+xml")
        .send());
    web.close();
    assertOutcome(response, 406);
  }

  @Test
  @DisplayName("metadata is a valid CapabilityStatement instantiating the guide's CPTS slot-manager requirements")
  void metadata() {
    HttpResponse<Buffer> response = platform.get(server.vertx, "/fhir/r4/metadata");
    assertThat(response.statusCode()).isEqualTo(200);
    CapabilityStatement statement = FhirChecks.parse(response.bodyAsString(), CapabilityStatement.class);
    FhirChecks.assertValid(response.bodyAsString());
    assertThat(statement.getInstantiates().get(0).getValue())
        .isEqualTo("https://interop.esante.gouv.fr/ig/fhir/sas/CapabilityStatement/SAS-GestionnaireAgenda-CPTS");
    var slot = statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Slot")).findFirst()
        .orElseThrow();
    assertThat(slot.getSearchInclude()).extracting(s -> s.getValue()).containsExactlyInAnyOrder("Slot:schedule",
        "Schedule:actor", "Slot:service-type-reference", "HealthcareService:organization");
  }

  @Test
  @DisplayName("Slot, Schedule and Practitioner are read by id, each valid R4")
  void reads() {
    HttpResponse<Buffer> slot = platform.get(server.vertx, "/fhir/r4/Slot/" + scene.snpSlot);
    assertThat(slot.statusCode()).as(slot.bodyAsString()).isEqualTo(200);
    assertThat(FhirChecks.parse(slot.bodyAsString(), Slot.class).getIdPart()).isEqualTo(scene.snpSlot);
    FhirChecks.assertValid(slot.bodyAsString());
    HttpResponse<Buffer> schedule = platform.get(server.vertx, "/fhir/r4/Schedule/" + SasScene.siteOf(scene.thauGp));
    assertThat(FhirChecks.parse(schedule.bodyAsString(), Schedule.class).getActor()).hasSize(2);
    FhirChecks.assertValid(schedule.bodyAsString());
    HttpResponse<Buffer> practitioner = platform.get(server.vertx, "/fhir/r4/Practitioner/"
        + scene.thauGp.getString("id"));
    assertThat(FhirChecks.parse(practitioner.bodyAsString(), Practitioner.class).getIdentifierFirstRep().getValue())
        .isEqualTo("8" + scene.thauGp.getString("rpps"));
    FhirChecks.assertValid(practitioner.bodyAsString());
  }

  @Test
  @DisplayName("a booked slot, a slot kind kept from the SAS and an unknown id read as 404 OperationOutcomes")
  void readsOfWhatTheSasMayNotSee() {
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Slot/" + scene.bookedSlot), 404);
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Slot/" + scene.publicSlot), 404);
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Practitioner/pas-un-identifiant"), 404);
    assertOutcome(platform.get(server.vertx, "/fhir/r4/Patient/1"), 404);
  }
}
