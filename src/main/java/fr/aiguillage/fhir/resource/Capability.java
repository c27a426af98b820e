package fr.aiguillage.fhir.resource;

import fr.aiguillage.fhir.model.Include;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * This server's CapabilityStatement ({@code kind = instance}): it instantiates the guide's "gestionnaire d'agenda
 * CPTS" requirements for what it implements — Slot search with the four includes and read, Schedule and
 * Practitioner read.
 */
public final class Capability {

  private Capability() {
  }

  public static JsonObject statement(String base, OffsetDateTime published) {
    return new JsonObject().put("resourceType", "CapabilityStatement")
        .put("id", "aiguillage-sas-cpts")
        .put("url", base + "/metadata")
        .put("name", "AiguillageGestionnaireAgendaCPTS")
        .put("title", "Aiguillage — gestionnaire d'agenda CPTS pour la plateforme numérique SAS")
        .put("status", "active")
        .put("date", Resources.instant(published))
        .put("publisher", "Aiguillage")
        .put("description", "Créneaux de soins non programmés que la CPTS ouvre au SAS (guide SAS de l'ANS, cas CPTS).")
        .put("kind", "instance")
        .put("instantiates", new JsonArray().add(Canonicals.CAPABILITY_REQUIREMENTS))
        .put("software", new JsonObject().put("name", "Aiguillage"))
        .put("implementation", new JsonObject().put("description", "Interface SAS de la CPTS").put("url", base))
        .put("fhirVersion", "4.0.1")
        .put("format", new JsonArray().add("application/fhir+json").add("json"))
        .put("implementationGuide", new JsonArray().add(Canonicals.GUIDE))
        .put("rest", new JsonArray().add(new JsonObject().put("mode", "server")
            .put("documentation", "Mise à disposition de créneaux de disponibilité CPTS")
            .put("security", new JsonObject().put("cors", false).put("description",
                "TLS mutuel : certificat client d'une autorité de confiance configurée, sujet autorisé par configuration."))
            .put("resource", new JsonArray().add(slot()).add(readOnly("Schedule", Canonicals.SCHEDULE))
                .add(readOnly("Practitioner", Canonicals.PRACTITIONER)))));
  }

  private static JsonObject slot() {
    JsonArray includes = new JsonArray();
    Arrays.stream(Include.values()).forEach(i -> includes.add(i.value()));
    return new JsonObject().put("type", "Slot").put("profile", Canonicals.SLOT)
        .put("interaction", new JsonArray().add(interaction("read")).add(interaction("search-type")))
        .put("searchInclude", includes)
        .put("searchParam", new JsonArray()
            .add(parameter("start", Canonicals.START_PARAMETER, "date",
                "Début du créneau : une borne ge et une borne le, toutes deux obligatoires."))
            .add(parameter("schedule", "http://hl7.org/fhir/SearchParameter/Slot-schedule", "reference",
                "Utilisé chaîné : schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|8<RPPS>, 1 à 25 valeurs."))
            .add(parameter("status", "http://hl7.org/fhir/SearchParameter/Slot-status", "token",
                "Obligatoire ; seuls les créneaux free sont proposés au SAS.")));
  }

  private static JsonObject readOnly(String type, String profile) {
    return new JsonObject().put("type", type).put("profile", profile)
        .put("interaction", new JsonArray().add(interaction("read")));
  }

  private static JsonObject interaction(String code) {
    return new JsonObject().put("code", code);
  }

  private static JsonObject parameter(String name, String definition, String type, String documentation) {
    return new JsonObject().put("name", name).put("definition", definition).put("type", type)
        .put("documentation", documentation);
  }
}
