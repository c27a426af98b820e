package fr.aiguillage.fhir.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.aiguillage.fhir.model.Include;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
  /** The slots' fullUrls up to their id, as written inside a JSON string, as UTF-8. */
  private final byte[] slotUrl;
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
    this.slotUrl = ByteText.utf8(FhirJson.escaped(base + "/Slot/"));
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
        // The slots' entries as one raw value (UTF-8, comma-separated): most of the answer, mostly pre-written parts.
        ByteText matches = new ByteText(BYTES_PER_SLOT * slots.size());
        Includes included = new Includes(query);
        for (SasSlot s : slots) {
          if (!matches.isEmpty()) {
            matches.append(',');
          }
          resources.slotEntry(matches, slotUrl, s);
          included.add(s);
        }
        FhirJson.rawValue(json, matches);
        for (Included resource : included.inOrder) {
          entry(json, resource);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    });
  }

  /** What one included resource is, written once it is known to be new ({@link Includes}). */
  private enum Kind { SCHEDULE, PRACTITIONER, PRACTITIONER_ROLE, HEALTHCARE_SERVICE, ORGANIZATION }

  private record Included(Kind kind, SasSlot slot) {
  }

  /**
   * The asked includes of the slots, each resource once, in the order the slots first bring them: per slot its
   * Schedule, Practitioner and PractitionerRole, then the territory's HealthcareService and Organization.
   */
  private static final class Includes {

    private final boolean schedule;
    private final boolean actor;
    private final boolean service;
    private final boolean organization;
    private final Set<UUID> sites = new HashSet<>();
    private final Set<UUID> practitioners = new HashSet<>();
    private final Set<String> territories = new HashSet<>();
    private final List<Included> inOrder = new ArrayList<>();

    Includes(SlotSearchQuery query) {
      schedule = query.includes(Include.SCHEDULE);
      actor = schedule && query.includes(Include.SCHEDULE_ACTOR);
      service = query.includes(Include.SERVICE);
      organization = service && query.includes(Include.SERVICE_ORGANIZATION);
    }

    void add(SasSlot s) {
      if (schedule) {
        boolean newSite = sites.add(s.site().id());
        if (newSite) {
          inOrder.add(new Included(Kind.SCHEDULE, s));
        }
        if (actor && practitioners.add(s.professional().id())) {
          inOrder.add(new Included(Kind.PRACTITIONER, s));
        }
        if (actor && newSite) {
          inOrder.add(new Included(Kind.PRACTITIONER_ROLE, s));
        }
      }
      if (service && territories.add(s.territory().id())) {
        inOrder.add(new Included(Kind.HEALTHCARE_SERVICE, s));
        if (organization) {
          inOrder.add(new Included(Kind.ORGANIZATION, s));
        }
      }
    }
  }

  private void entry(JsonGenerator json, Included included) throws IOException {
    SasSlot s = included.slot();
    switch (included.kind()) {
      case SCHEDULE -> entry(json, "Schedule", s.site().id().toString(), g -> resources.schedule(g, schedule(s)));
      case PRACTITIONER -> entry(json, "Practitioner", s.professional().id().toString(),
          g -> resources.practitioner(g, s.professional()));
      case PRACTITIONER_ROLE -> entry(json, "PractitionerRole", s.site().id().toString(),
          g -> resources.practitionerRole(g, schedule(s)));
      case HEALTHCARE_SERVICE -> entry(json, "HealthcareService", s.territory().id(),
          g -> resources.healthcareService(g, s.territory()));
      case ORGANIZATION -> entry(json, "Organization", s.territory().id(),
          g -> resources.organization(g, s.territory()));
    }
  }

  private static SasSchedule schedule(SasSlot s) {
    return new SasSchedule(s.professional(), s.site(), s.commune(), s.territory());
  }

  private void entry(JsonGenerator json, String type, String id, FhirJson.Writing resource) throws IOException {
    json.writeStartObject();
    json.writeStringField("fullUrl", base + "/" + type + "/" + id);
    json.writeFieldName("resource");
    resource.write(json);
    json.writeObjectFieldStart("search");
    json.writeStringField("mode", "include");
    json.writeEndObject();
    json.writeEndObject();
  }
}
