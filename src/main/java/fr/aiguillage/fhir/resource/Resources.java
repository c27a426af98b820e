package fr.aiguillage.fhir.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.fhir.model.SasPractitioner;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SasTerritory;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FHIR R4 resources of the SAS guide's CPTS case, written as JSON by hand (docs/decisions/0011 says why not
 * with HAPI) with a streaming generator (0026 says why not as a tree); the tests parse and validate every one of
 * them with HAPI FHIR.
 */
public final class Resources {

  private static final String LOCATION_ID = "lieu";
  /** A slot's {@code meta}: its profile and TRE_R314 slot types, one per kind. */
  static final Map<SlotKind, SerializableString> SLOT_META = new EnumMap<>(SlotKind.class);
  static final SerializableString APPOINTMENT_TYPE = FhirJson.serialized(json -> FhirJson.concept(json,
      Canonicals.APPOINTMENT_REASON, "ROUTINE", null));

  /** The identifier types of a Practitioner (RPPS) and of an Organization (FINESS), serialised once. */
  private static final SerializableString IDNPS = FhirJson.serialized(json -> FhirJson.concept(json,
      Canonicals.INTEROPSANTE_V2_0203, "IDNPS", null));
  private static final SerializableString IDNST = FhirJson.serialized(json -> FhirJson.concept(json,
      Canonicals.FR_CORE_V2_0203, "IDNST", null));

  static {
    for (SlotKind kind : SlotKind.values()) {
      SLOT_META.put(kind, FhirJson.serialized(json -> {
        json.writeStartObject();
        FhirJson.profile(json, Canonicals.SLOT);
        json.writeArrayFieldStart("security");
        FhirJson.coding(json, Canonicals.SLOT_TYPE, "SNP");
        if (kind == SlotKind.PUBLIC || kind == SlotKind.PRO) {
          FhirJson.coding(json, Canonicals.SLOT_TYPE, kind.name());
        }
        FhirJson.coding(json, Canonicals.SLOT_TYPE, "CPTS");
        json.writeEndArray();
        json.writeEndObject();
      }));
    }
  }

  private final String consoleBaseUrl;
  /** A slot's {@code serviceType} by territory (it names the territory's HealthcareService), serialised once. */
  private final Map<String, SerializableString> serviceTypes = new ConcurrentHashMap<>();
  private final SlotEntries slotEntries;

  /** {@code consoleBaseUrl}: how the console's booking addresses start ({@link #bookingAddress}). */
  public Resources(String consoleBaseUrl) {
    this.consoleBaseUrl = consoleBaseUrl.endsWith("/") ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1)
        : consoleBaseUrl;
    this.slotEntries = new SlotEntries(this.consoleBaseUrl + "/sas/creneaux/", this::serviceType);
  }

  /** One resource as an answer's body. */
  public static Buffer json(FhirJson.Writing resource) {
    return FhirJson.buffer(2048, resource);
  }

  /** Where a regulator books this slot; the SAS platform appends {@code ?origin=...} to it. */
  public String bookingAddress(java.util.UUID slotId) {
    return consoleBaseUrl + "/sas/creneaux/" + slotId;
  }

  /** The slot as a search entry, appended as UTF-8 bytes ({@link SlotEntries}). */
  void slotEntry(ByteText out, byte[] fullUrlPrefix, SasSlot s) {
    slotEntries.append(out, fullUrlPrefix, s);
  }

  /** TRE_R314 types: every slot given to the SAS is for regulators (SNP) and the CPTS's; PUBLIC / PRO as its kind. */
  public void slot(JsonGenerator json, SasSlot s) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "Slot");
    json.writeStringField("id", s.slot().id().toString());
    json.writeFieldName("meta");
    json.writeRawValue(SLOT_META.get(s.slot().kind()));
    json.writeFieldName("serviceType");
    json.writeRawValue(serviceType(s.territory().id()));
    json.writeFieldName("appointmentType");
    json.writeRawValue(APPOINTMENT_TYPE);
    FhirJson.reference(json, "schedule", "Schedule", s.site().id().toString());
    json.writeStringField("status", "free");
    json.writeStringField("start", FhirJson.instant(s.slot().start()));
    json.writeStringField("end", FhirJson.instant(s.slot().end()));
    json.writeStringField("comment", bookingAddress(s.slot().id()));
    json.writeEndObject();
  }

  private SerializableString serviceType(String territoryId) {
    return serviceTypes.computeIfAbsent(territoryId, Resources::serialisedServiceType);
  }

  private static SerializableString serialisedServiceType(String territoryId) {
    return FhirJson.serialized(json -> {
      json.writeStartArray();
      FhirJson.concept(json, Canonicals.ACT_CODE, "AMB", null);
      json.writeStartObject();
      json.writeArrayFieldStart("coding");
      json.writeStartObject();
      json.writeStringField("system", Canonicals.ESTABLISHMENT_CATEGORY);
      json.writeStringField("code", "604");
      json.writeStringField("display", "Communauté Professionnelle Territoriale de Santé");
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("extension");
      json.writeStartObject();
      json.writeStringField("url", Canonicals.SERVICE_TYPE_R5);
      FhirJson.reference(json, "valueReference", "HealthcareService", territoryId);
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
    });
  }

  public void schedule(JsonGenerator json, SasSchedule s) throws IOException {
    String siteId = s.site().id().toString();
    json.writeStartObject();
    json.writeStringField("resourceType", "Schedule");
    json.writeStringField("id", siteId);
    FhirJson.meta(json, Canonicals.SCHEDULE);
    json.writeBooleanField("active", true);
    json.writeArrayFieldStart("actor");
    FhirJson.reference(json, null, "Practitioner", s.professional().id().toString());
    FhirJson.reference(json, null, "PractitionerRole", siteId);
    json.writeEndArray();
    json.writeEndObject();
  }

  public void practitioner(JsonGenerator json, SasPractitioner p) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "Practitioner");
    json.writeStringField("id", p.id().toString());
    FhirJson.meta(json, Canonicals.PRACTITIONER);
    json.writeArrayFieldStart("identifier");
    json.writeStartObject();
    json.writeFieldName("type");
    json.writeRawValue(IDNPS);
    json.writeStringField("system", Canonicals.RPPS_SYSTEM);
    json.writeStringField("value", "8" + p.rpps());
    json.writeEndObject();
    json.writeEndArray();
    json.writeBooleanField("active", true);
    json.writeArrayFieldStart("name");
    json.writeStartObject();
    json.writeStringField("family", p.familyName());
    json.writeArrayFieldStart("given");
    json.writeString(p.givenName());
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The professional at the site, the site as a contained Location (address and position). */
  public void practitionerRole(JsonGenerator json, SasSchedule s) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "PractitionerRole");
    json.writeStringField("id", s.site().id().toString());
    FhirJson.meta(json, Canonicals.PRACTITIONER_ROLE);
    json.writeArrayFieldStart("contained");
    json.writeStartObject();
    json.writeStringField("resourceType", "Location");
    json.writeStringField("id", LOCATION_ID);
    FhirJson.meta(json, Canonicals.LOCATION);
    json.writeStringField("name", s.site().name());
    json.writeObjectFieldStart("address");
    json.writeStringField("use", "work");
    json.writeArrayFieldStart("line");
    json.writeString(s.site().address());
    json.writeEndArray();
    json.writeStringField("city", s.commune().name());
    json.writeStringField("postalCode", s.commune().postcode());
    json.writeStringField("country", "FR");
    json.writeEndObject();
    json.writeObjectFieldStart("position");
    json.writeNumberField("longitude", s.site().lon());
    json.writeNumberField("latitude", s.site().lat());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeBooleanField("active", true);
    FhirJson.reference(json, "practitioner", "Practitioner", s.professional().id().toString());
    json.writeArrayFieldStart("location");
    json.writeStartObject();
    json.writeStringField("reference", "#" + LOCATION_ID);
    json.writeEndObject();
    json.writeEndArray();
    FhirJson.telecom(json, s.site().phone() != null ? s.site().phone() : s.professional().phone());
    json.writeEndObject();
  }

  public void healthcareService(JsonGenerator json, SasTerritory t) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "HealthcareService");
    json.writeStringField("id", t.id());
    FhirJson.meta(json, Canonicals.HEALTHCARE_SERVICE);
    json.writeBooleanField("active", true);
    FhirJson.reference(json, "providedBy", "Organization", t.id());
    json.writeStringField("name", t.name());
    json.writeEndObject();
  }

  public void organization(JsonGenerator json, SasTerritory t) throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceType", "Organization");
    json.writeStringField("id", t.id());
    FhirJson.meta(json, Canonicals.ORGANIZATION);
    json.writeArrayFieldStart("identifier");
    json.writeStartObject();
    json.writeFieldName("type");
    json.writeRawValue(IDNST);
    json.writeStringField("system", Canonicals.FINESS_SYSTEM);
    json.writeStringField("value", t.finessIdentifier());
    json.writeEndObject();
    json.writeEndArray();
    json.writeBooleanField("active", true);
    json.writeStringField("name", t.name());
    if (t.phone() != null) {
      FhirJson.telecom(json, t.phone());
    }
    json.writeEndObject();
  }

  static String instant(OffsetDateTime time) {
    return FhirJson.instant(time);
  }
}
