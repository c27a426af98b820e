package fr.aiguillage.fhir.resource;

import fr.aiguillage.fhir.model.Include;
import fr.aiguillage.fhir.model.SasSchedule;
import fr.aiguillage.fhir.model.SasSlot;
import fr.aiguillage.fhir.model.SlotSearchQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The searchset Bundle of {@code sas-cpts-bundle-aggregator}: the slots ({@code match}), then what the asked
 * includes bring, each resource once ({@code include}): Schedules, their actors (Practitioner, PractitionerRole),
 * the CPTS's HealthcareService and its Organization.
 */
public final class SearchBundle {

  private final Resources resources;
  private final String base;

  /** {@code base}: the FHIR base fullUrls and links start with, e.g. https://cpts.example/fhir/r4. */
  public SearchBundle(Resources resources, String base) {
    this.resources = resources;
    this.base = base;
  }

  public JsonObject of(SlotSearchQuery query, List<SasSlot> slots) {
    JsonArray entries = new JsonArray();
    Map<String, JsonObject> included = new LinkedHashMap<>();
    for (SasSlot s : slots) {
      entries.add(entry(resources.slot(s), "match"));
      include(query, s, included);
    }
    included.values().forEach(resource -> entries.add(entry(resource, "include")));
    JsonObject bundle = new JsonObject().put("resourceType", "Bundle").put("id", UUID.randomUUID().toString())
        .put("meta", Resources.meta(Canonicals.BUNDLE))
        .put("type", "searchset")
        .put("total", slots.size())
        .put("link", new JsonArray().add(new JsonObject().put("relation", "self")
            .put("url", base + "/Slot" + (query.selfQuery().isEmpty() ? "" : "?" + query.selfQuery()))));
    // FHIR JSON forbids empty arrays: no match, no entry element.
    return entries.isEmpty() ? bundle : bundle.put("entry", entries);
  }

  private void include(SlotSearchQuery query, SasSlot s, Map<String, JsonObject> included) {
    SasSchedule schedule = new SasSchedule(s.professional(), s.site(), s.commune(), s.territory());
    if (query.includes(Include.SCHEDULE)) {
      included.computeIfAbsent("Schedule/" + s.site().id(), k -> resources.schedule(schedule));
      if (query.includes(Include.SCHEDULE_ACTOR)) {
        included.computeIfAbsent("Practitioner/" + s.professional().id(), k -> resources.practitioner(s.professional()));
        included.computeIfAbsent("PractitionerRole/" + s.site().id(), k -> resources.practitionerRole(schedule));
      }
    }
    if (query.includes(Include.SERVICE)) {
      included.computeIfAbsent("HealthcareService/" + s.territory().id(),
          k -> resources.healthcareService(s.territory()));
      if (query.includes(Include.SERVICE_ORGANIZATION)) {
        included.computeIfAbsent("Organization/" + s.territory().id(), k -> resources.organization(s.territory()));
      }
    }
  }

  private JsonObject entry(JsonObject resource, String mode) {
    return new JsonObject()
        .put("fullUrl", base + "/" + resource.getString("resourceType") + "/" + resource.getString("id"))
        .put("resource", resource)
        .put("search", new JsonObject().put("mode", mode));
  }
}
