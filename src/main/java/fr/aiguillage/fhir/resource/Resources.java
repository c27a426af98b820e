package fr.aiguillage.fhir.resource;

import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.directory.model.Professional;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SasTerritory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The FHIR R4 resources of the SAS guide's CPTS case, written as JSON by hand (docs/decisions/0011 says why not
 * with HAPI); the tests parse and validate every one of them with HAPI FHIR.
 */
public final class Resources {

  /** FHIR {@code instant}: seconds always present, offset always present. */
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final String LOCATION_ID = "lieu";

  private final String consoleBaseUrl;

  /** {@code consoleBaseUrl}: how the console's booking addresses start ({@link #bookingAddress}). */
  public Resources(String consoleBaseUrl) {
    this.consoleBaseUrl = consoleBaseUrl.endsWith("/") ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1)
        : consoleBaseUrl;
  }

  /** Where a regulator books this slot; the SAS platform appends {@code ?origin=...} to it. */
  public String bookingAddress(java.util.UUID slotId) {
    return consoleBaseUrl + "/sas/creneaux/" + slotId;
  }

  public JsonObject slot(SasSlot s) {
    return new JsonObject().put("resourceType", "Slot").put("id", s.slot().id().toString())
        .put("meta", meta(Canonicals.SLOT).put("security", slotTypes(s.slot().kind())))
        .put("serviceType", new JsonArray()
            .add(concept(Canonicals.ACT_CODE, "AMB", null))
            .add(concept(Canonicals.ESTABLISHMENT_CATEGORY, "604", "Communauté Professionnelle Territoriale de Santé")
                .put("extension", new JsonArray().add(new JsonObject().put("url", Canonicals.SERVICE_TYPE_R5)
                    .put("valueReference", reference("HealthcareService", s.territory().id()))))))
        .put("appointmentType", concept(Canonicals.APPOINTMENT_REASON, "ROUTINE", null))
        .put("schedule", reference("Schedule", s.site().id().toString()))
        .put("status", "free")
        .put("start", INSTANT.format(s.slot().start()))
        .put("end", INSTANT.format(s.slot().end()))
        .put("comment", bookingAddress(s.slot().id()));
  }

  /** TRE_R314: every slot given to the SAS is for regulators (SNP) and the CPTS's; PUBLIC / PRO as its kind says. */
  private static JsonArray slotTypes(SlotKind kind) {
    JsonArray types = new JsonArray().add(coding(Canonicals.SLOT_TYPE, "SNP"));
    if (kind == SlotKind.PUBLIC || kind == SlotKind.PRO) {
      types.add(coding(Canonicals.SLOT_TYPE, kind.name()));
    }
    return types.add(coding(Canonicals.SLOT_TYPE, "CPTS"));
  }

  public JsonObject schedule(SasSchedule s) {
    String siteId = s.site().id().toString();
    return new JsonObject().put("resourceType", "Schedule").put("id", siteId)
        .put("meta", meta(Canonicals.SCHEDULE))
        .put("active", true)
        .put("actor", new JsonArray().add(reference("Practitioner", s.professional().id().toString()))
            .add(reference("PractitionerRole", siteId)));
  }

  public JsonObject practitioner(Professional p) {
    return new JsonObject().put("resourceType", "Practitioner").put("id", p.id().toString())
        .put("meta", meta(Canonicals.PRACTITIONER))
        .put("identifier", new JsonArray().add(new JsonObject()
            .put("type", concept(Canonicals.INTEROPSANTE_V2_0203, "IDNPS", null))
            .put("system", Canonicals.RPPS_SYSTEM).put("value", "8" + p.rpps())))
        .put("active", true)
        .put("name", new JsonArray().add(new JsonObject().put("family", p.familyName())
            .put("given", new JsonArray().add(p.givenName()))));
  }

  /** The professional at the site, the site as a contained Location (address and position). */
  public JsonObject practitionerRole(SasSchedule s) {
    JsonObject location = new JsonObject().put("resourceType", "Location").put("id", LOCATION_ID)
        .put("meta", meta(Canonicals.LOCATION))
        .put("name", s.site().name())
        .put("address", new JsonObject().put("use", "work").put("line", new JsonArray().add(s.site().address()))
            .put("city", s.commune().name()).put("postalCode", s.commune().postcode()).put("country", "FR"))
        .put("position", new JsonObject().put("longitude", s.site().lon()).put("latitude", s.site().lat()));
    String phone = s.site().phone() != null ? s.site().phone() : s.professional().phone();
    return new JsonObject().put("resourceType", "PractitionerRole").put("id", s.site().id().toString())
        .put("meta", meta(Canonicals.PRACTITIONER_ROLE))
        .put("contained", new JsonArray().add(location))
        .put("active", true)
        .put("practitioner", reference("Practitioner", s.professional().id().toString()))
        .put("location", new JsonArray().add(new JsonObject().put("reference", "#" + LOCATION_ID)))
        .put("telecom", new JsonArray().add(new JsonObject().put("system", "phone").put("value", phone)
            .put("use", "work")));
  }

  public JsonObject healthcareService(SasTerritory t) {
    return new JsonObject().put("resourceType", "HealthcareService").put("id", t.id())
        .put("meta", meta(Canonicals.HEALTHCARE_SERVICE))
        .put("active", true)
        .put("providedBy", reference("Organization", t.id()))
        .put("name", t.name());
  }

  public JsonObject organization(SasTerritory t) {
    JsonObject organization = new JsonObject().put("resourceType", "Organization").put("id", t.id())
        .put("meta", meta(Canonicals.ORGANIZATION))
        .put("identifier", new JsonArray().add(new JsonObject()
            .put("type", concept(Canonicals.FR_CORE_V2_0203, "IDNST", null))
            .put("system", Canonicals.FINESS_SYSTEM).put("value", t.finessIdentifier())))
        .put("active", true)
        .put("name", t.name());
    if (t.phone() != null) {
      organization.put("telecom", new JsonArray().add(new JsonObject().put("system", "phone").put("value", t.phone())
          .put("use", "work")));
    }
    return organization;
  }

  static JsonObject meta(String profile) {
    return new JsonObject().put("profile", new JsonArray().add(profile));
  }

  static JsonObject reference(String type, String id) {
    return new JsonObject().put("reference", type + "/" + id);
  }

  private static JsonObject coding(String system, String code) {
    return new JsonObject().put("system", system).put("code", code);
  }

  private static JsonObject concept(String system, String code, String display) {
    JsonObject coding = coding(system, code);
    if (display != null) {
      coding.put("display", display);
    }
    return new JsonObject().put("coding", new JsonArray().add(coding));
  }

  static String instant(OffsetDateTime time) {
    return INSTANT.format(time);
  }
}
