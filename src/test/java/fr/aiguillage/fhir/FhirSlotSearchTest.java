package fr.aiguillage.fhir;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The SAS platform's slot search, as the guide writes it, checked by HAPI FHIR. */
class FhirSlotSearchTest extends ApiTest {

  private static final String TYPE_CRENEAU = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
  private static final String SAS = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/";
  private static final String SAS_FR = "http://sas.fr/fhir/StructureDefinition/";

  private final SasPlatform platform = new SasPlatform();
  private SasScene scene;

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(platform.settings());
    settings.put("AIGUILLAGE_TERRITORIES_FILE", SasScene.territoriesFile().toString());
    return settings;
  }

  @BeforeAll
  void scene() {
    scene = SasScene.build(server, coordinatorOf("sas-coordinator", Fixtures.THAU, Fixtures.BERANGE));
  }

  private HttpResponse<Buffer> search(String from, String to) {
    return platform.get(server.vertx, SasScene.guideQuery(SasScene.rppsToken(scene.thauGp) + ","
        + SasScene.rppsToken(scene.berangeGp) + ",urn:oid:1.2.250.1.71.4.2.1|810000000000", from, to));
  }

  private HttpResponse<Buffer> tomorrow() {
    return search(SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO);
  }

  @Test
  @DisplayName("a duty is neither listed nor read by id (404) while rota.showDutiesToSas is off (the default)")
  void dutiesHiddenByDefault() {
    String place = SasDutiesTest.SasDutyScene.dutyTomorrowNoon(http,
        coordinatorOf("sas-rota-coordinator", Fixtures.THAU), scene.thauGp.getString("id"));
    Bundle bundle = FhirChecks.parse(tomorrow().bodyAsString(), Bundle.class);
    assertThat(ids(bundle, SearchEntryMode.MATCH)).doesNotContain("Slot/" + place).hasSize(3);
    HttpResponse<Buffer> read = platform.get(server.vertx, "/fhir/r4/Slot/" + place);
    assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(404);
    assertThat(read.getHeader("Content-Type")).startsWith("application/fhir+json");
    assertThat(FhirChecks.parse(read.bodyAsString(), org.hl7.fhir.r4.model.OperationOutcome.class)
        .getIssueFirstRep().getSeverity()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
  }

  @Test
  @DisplayName("each slot of the search answer is written exactly as its read writes it (fields, order and values)")
  void searchedSlotsAreTheirReads() {
    JsonArray entries = new JsonObject(tomorrow().bodyAsString()).getJsonArray("entry");
    int slots = 0;
    for (int i = 0; i < entries.size(); i++) {
      JsonObject resource = entries.getJsonObject(i).getJsonObject("resource");
      if (resource.getString("resourceType").equals("Slot")) {
        HttpResponse<Buffer> read = platform.get(server.vertx, "/fhir/r4/Slot/" + resource.getString("id"));
        assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
        assertThat(resource.encode()).isEqualTo(new JsonObject(read.bodyAsString()).encode());
        slots++;
      }
    }
    assertThat(slots).isEqualTo(3);
  }

  @Test
  @DisplayName("the guide's query answers a searchset Bundle that HAPI parses and the R4 validator accepts")
  void bundleIsValidR4() {
    HttpResponse<Buffer> response = tomorrow();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    Bundle bundle = FhirChecks.parse(response.bodyAsString(), Bundle.class);
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    FhirChecks.assertValid(response.bodyAsString());
  }

  @Test
  @DisplayName("each free slot opened to the SAS is a match with its total, then every included resource once")
  void matchesAndIncludes() {
    Bundle bundle = FhirChecks.parse(tomorrow().bodyAsString(), Bundle.class);
    assertThat(bundle.getTotal()).isEqualTo(3);
    assertThat(ids(bundle, SearchEntryMode.MATCH)).containsExactlyInAnyOrder("Slot/" + scene.snpSlot,
        "Slot/" + scene.publicSlot, "Slot/" + scene.berangeSnpSlot);
    assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactlyInAnyOrder(
        "Schedule/" + SasScene.siteOf(scene.thauGp), "Schedule/" + SasScene.siteOf(scene.berangeGp),
        "Practitioner/" + scene.thauGp.getString("id"), "Practitioner/" + scene.berangeGp.getString("id"),
        "PractitionerRole/" + SasScene.siteOf(scene.thauGp), "PractitionerRole/" + SasScene.siteOf(scene.berangeGp),
        "HealthcareService/" + Fixtures.THAU, "HealthcareService/" + Fixtures.BERANGE,
        "Organization/" + Fixtures.THAU, "Organization/" + Fixtures.BERANGE);
    assertThat(bundle.getLink("self").getUrl()).startsWith(SasPlatform.BASE + "/Slot?_include=Slot:schedule");
    bundle.getEntry().forEach(e -> assertThat(e.getFullUrl())
        .isEqualTo(SasPlatform.BASE + "/" + e.getResource().getResourceType() + "/" + e.getResource().getIdPart()));
  }

  @Test
  @DisplayName("every resource carries the meta.profile the guide lists for its type")
  void profiles() {
    JsonObject bundle = tomorrow().bodyAsJsonObject();
    assertThat(profile(bundle)).isEqualTo(SAS + "sas-cpts-bundle-aggregator");
    Map<String, String> expected = Map.of("Slot", SAS + "sas-cpts-slot-aggregator",
        "Schedule", SAS_FR + "FrScheduleAgregateur", "Practitioner", SAS_FR + "FrPractitionerAgregateur",
        "PractitionerRole", SAS_FR + "FrPractitionerRoleExerciceAgregateur",
        "HealthcareService", SAS + "sas-cpts-healthcareservice-aggregator",
        "Organization", SAS + "sas-cpts-organization-aggregator");
    for (Object e : bundle.getJsonArray("entry")) {
      JsonObject resource = ((JsonObject) e).getJsonObject("resource");
      assertThat(profile(resource)).as(resource.getString("resourceType"))
          .isEqualTo(expected.get(resource.getString("resourceType")));
      if (resource.getString("resourceType").equals("PractitionerRole")) {
        assertThat(profile(resource.getJsonArray("contained").getJsonObject(0))).isEqualTo(SAS_FR + "FrLocationAgregateur");
      }
    }
  }

  @Test
  @DisplayName("slots carry the TRE_R314 types, AMB and the CPTS's 604 service whose R5 reference resolves in the Bundle")
  void slotCodes() {
    Bundle bundle = FhirChecks.parse(tomorrow().bodyAsString(), Bundle.class);
    Map<String, Resource> byFullUrl = bundle.getEntry().stream()
        .collect(Collectors.toMap(BundleEntryComponent::getFullUrl, BundleEntryComponent::getResource));
    for (Slot slot : resources(bundle, Slot.class)) {
      Set<String> types = slot.getMeta().getSecurity().stream().peek(c -> assertThat(c.getSystem()).isEqualTo(TYPE_CRENEAU))
          .map(Coding::getCode).collect(Collectors.toSet());
      assertThat(types).as(slot.getIdPart()).isEqualTo(slot.getIdPart().equals(scene.publicSlot)
          ? Set.of("SNP", "PUBLIC", "CPTS") : Set.of("SNP", "CPTS"));
      assertThat(slot.getServiceType().get(0).getCodingFirstRep().getCode()).isEqualTo("AMB");
      var cpts = slot.getServiceType().get(1);
      assertThat(cpts.getCodingFirstRep().getSystem())
          .isEqualTo("https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement");
      assertThat(cpts.getCodingFirstRep().getCode()).isEqualTo("604");
      Reference service = (Reference) cpts.getExtensionByUrl(
          "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType").getValue();
      assertThat(byFullUrl.get(SasPlatform.BASE + "/" + service.getReference())).isNotNull()
          .extracting(r -> r.getResourceType().name()).isEqualTo("HealthcareService");
      assertThat(byFullUrl.get(SasPlatform.BASE + "/" + slot.getSchedule().getReference())).isNotNull();
      assertThat(slot.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("ROUTINE");
      assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
      assertThat(slot.getComment()).isEqualTo("https://console.cpts.example/sas/creneaux/" + slot.getIdPart());
    }
  }

  @Test
  @DisplayName("practitioners carry 8 + RPPS under the RPPS OID typed IDNPS; roles contain the site's address and position")
  void practitionersAndRoles() {
    Bundle bundle = FhirChecks.parse(tomorrow().bodyAsString(), Bundle.class);
    Set<String> values = resources(bundle, Practitioner.class).stream().map(p -> {
      assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.1");
      assertThat(p.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("IDNPS");
      return p.getIdentifierFirstRep().getValue();
    }).collect(Collectors.toSet());
    assertThat(values).containsExactlyInAnyOrder("8" + scene.thauGp.getString("rpps"),
        "8" + scene.berangeGp.getString("rpps"));
    for (PractitionerRole role : resources(bundle, PractitionerRole.class)) {
      org.hl7.fhir.r4.model.Location location = (org.hl7.fhir.r4.model.Location) role.getContained().get(0);
      assertThat(role.getLocationFirstRep().getReference()).isEqualTo("#" + location.getIdPart());
      assertThat(location.getAddress().getLine()).hasSize(1);
      assertThat(location.getAddress().getCity()).isIn("Sète", "Mauguio");
      assertThat(location.getAddress().getPostalCode()).matches("34[0-9]{3}");
      assertThat(location.getPosition().getLatitude()).isNotNull();
    }
  }

  @Test
  @DisplayName("each CPTS organisation carries its FINESS from the configuration: 1 + 9 digits under the FINESS OID")
  void organisations() {
    Bundle bundle = FhirChecks.parse(tomorrow().bodyAsString(), Bundle.class);
    Map<String, String> finess = resources(bundle, Organization.class).stream().collect(Collectors.toMap(
        Organization::getIdPart, o -> {
          assertThat(o.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.2");
          assertThat(o.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("IDNST");
          return o.getIdentifierFirstRep().getValue();
        }));
    assertThat(finess).containsEntry(Fixtures.THAU, "1349990011").containsEntry(Fixtures.BERANGE, "1349990029");
    assertThat(finess.values()).allMatch(v -> v.matches("^1[0-9]{9}$"));
  }

  @Test
  @DisplayName("booked, cancelled and past slots, and kinds a territory keeps for itself, never appear")
  void onlyOpenFreeFutureSlots() {
    Bundle bundle = FhirChecks.parse(search("2026-11-23T00:00:00+01:00", SasScene.TOMORROW_TO).bodyAsString(),
        Bundle.class);
    List<String> ids = ids(bundle, SearchEntryMode.MATCH);
    assertThat(ids).doesNotContain("Slot/" + scene.bookedSlot, "Slot/" + scene.cancelledSlot,
        "Slot/" + scene.pastSlot, "Slot/" + scene.berangePublicSlot);
    assertThat(ids).contains("Slot/" + scene.snpSlot);
  }

  @Test
  @DisplayName("a search without the includes answers the slots alone")
  void withoutIncludes() {
    HttpResponse<Buffer> response = platform.get(server.vertx, "/fhir/r4/Slot?start=ge2026-11-24&start=le2026-11-24"
        + "&schedule.actor:Practitioner.identifier=" + SasScene.rppsToken(scene.thauGp) + "&status=free");
    Bundle bundle = FhirChecks.parse(response.bodyAsString(), Bundle.class);
    assertThat(bundle.getTotal()).isEqualTo(2);
    assertThat(bundle.getEntry()).allMatch(e -> e.getResource() instanceof Slot);
  }

  @Test
  @DisplayName("a search for nobody we know is an empty Bundle with total 0, still valid")
  void emptyResult() {
    HttpResponse<Buffer> response = platform.get(server.vertx, SasScene.guideQuery(
        "urn:oid:1.2.250.1.71.4.2.1|810000000000", SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FhirChecks.parse(response.bodyAsString(), Bundle.class).getTotal()).isZero();
    FhirChecks.assertValid(response.bodyAsString());
  }

  @Test
  @DisplayName("every search is in the audit trail with the client certificate's subject")
  void audited() {
    long before = server.count("SELECT count(*) FROM audit_event WHERE action = 'fhir.slot.search'");
    tomorrow();
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'fhir.slot.search'"
        + " AND detail LIKE 'subject=CN=sas-platform-test,OU=SAS,O=Plateforme de test,C=FR%'")).isGreaterThan(before);
  }

  private static String profile(JsonObject resource) {
    JsonArray profiles = resource.getJsonObject("meta").getJsonArray("profile");
    assertThat(profiles).hasSize(1);
    return profiles.getString(0);
  }

  private static List<String> ids(Bundle bundle, SearchEntryMode mode) {
    return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == mode)
        .map(e -> e.getResource().getResourceType() + "/" + e.getResource().getIdPart()).toList();
  }

  private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
        .toList();
  }
}
