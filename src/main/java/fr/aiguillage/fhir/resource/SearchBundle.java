package fr.aiguillage.fhir.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.aiguillage.fhir.model.Include;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The searchset Bundle of {@code sas-cpts-bundle-aggregator}: the slots ({@code match}), then what the asked
 * includes bring, each resource once ({@code include}): Schedules, their actors (Practitioner, PractitionerRole),
 * the CPTS's HealthcareService and its Organization. Written straight into the answer's buffer.
 */
public final class SearchBundle {

  /** About what one slot and its share of the includes take (the benchmark's answers: 1.7 KB a slot). */
  private static final int BYTES_PER_SLOT = 2048;

  private final Resources resources;
  private final String base;
  /** The slots' fullUrls up to their id, as written inside a JSON string. */
  private final String slotUrl;
  private final String meta = FhirJson.fragment(json -> {
    json.writeStartObject();
    json.writeArrayFieldStart("profile");
    json.writeString(Canonicals.BUNDLE);
    json.writeEndArray();
    json.writeEndObject();
  });

  /** {@code base}: the FHIR base fullUrls and links start with, e.g. https://cpts.example/fhir/r4. */
  public SearchBundle(Resources resources, String base) {
    this.resources = resources;
    this.base = base;
    this.slotUrl = FhirJson.escaped(base + "/Slot/");
  }

  public Buffer of(SlotSearchQuery query, List<SasSlot> slots) {
    return FhirJson.buffer(1024 + BYTES_PER_SLOT * slots.size(), json -> {
      json.writeStartObject();
      json.writeStringField("resourceType", "Bundle");
      json.writeStringField("id", UUID.randomUUID().toString());
      json.writeFieldName("meta");
      json.writeRawValue(meta);
      json.writeStringField("type", "searchset");
      json.writeNumberField("total", slots.size());
      json.writeArrayFieldStart("link");
      json.writeStartObject();
      json.writeStringField("relation", "self");
      json.writeStringField("url", base + "/Slot" + (query.selfQuery().isEmpty() ? "" : "?" + query.selfQuery()));
      json.writeEndObject();
      json.writeEndArray();
      // FHIR JSON forbids empty arrays: no match, no entry element.
      if (!slots.isEmpty()) {
        json.writeArrayFieldStart("entry");
        Map<String, FhirJson.Writing> included = new LinkedHashMap<>();
        // The slots' entries as one raw value (text, comma-separated): most of the answer, mostly pre-written parts.
        StringBuilder matches = new StringBuilder(BYTES_PER_SLOT * slots.size());
        for (SasSlot s : slots) {
          if (!matches.isEmpty()) {
            matches.append(',');
          }
          resources.slotEntry(matches, slotUrl, s);
          include(query, s, included);
        }
        FhirJson.rawValue(json, matches.toString());
        for (Map.Entry<String, FhirJson.Writing> resource : included.entrySet()) {
          String[] typeAndId = resource.getKey().split("/", 2);
          entry(json, typeAndId[0], typeAndId[1], "include", resource.getValue());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    });
  }

  private void include(SlotSearchQuery query, SasSlot s, Map<String, FhirJson.Writing> included) {
    SasSchedule schedule = new SasSchedule(s.professional(), s.site(), s.commune(), s.territory());
    if (query.includes(Include.SCHEDULE)) {
      included.putIfAbsent("Schedule/" + s.site().id(), g -> resources.schedule(g, schedule));
      if (query.includes(Include.SCHEDULE_ACTOR)) {
        included.putIfAbsent("Practitioner/" + s.professional().id(), g -> resources.practitioner(g, s.professional()));
        included.putIfAbsent("PractitionerRole/" + s.site().id(), g -> resources.practitionerRole(g, schedule));
      }
    }
    if (query.includes(Include.SERVICE)) {
      included.putIfAbsent("HealthcareService/" + s.territory().id(), g -> resources.healthcareService(g, s.territory()));
      if (query.includes(Include.SERVICE_ORGANIZATION)) {
        included.putIfAbsent("Organization/" + s.territory().id(), g -> resources.organization(g, s.territory()));
      }
    }
  }

  private void entry(JsonGenerator json, String type, String id, String mode, FhirJson.Writing resource)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("fullUrl", base + "/" + type + "/" + id);
    json.writeFieldName("resource");
    resource.write(json);
    json.writeObjectFieldStart("search");
    json.writeStringField("mode", mode);
    json.writeEndObject();
    json.writeEndObject();
  }
}
