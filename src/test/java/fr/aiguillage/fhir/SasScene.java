package fr.aiguillage.fhir;

import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The professionals and slots the SAS tests look at (clock: Monday 23 November 2026, 10:00 in Paris). Thau opens
 * SNP and PUBLIC slots to the SAS, Bérange SNP only (its default).
 */
final class SasScene {

  static final String TOMORROW_FROM = "2026-11-24T00:00:00.000+01:00";
  static final String TOMORROW_TO = "2026-11-25T00:00:00.000+01:00";

  JsonObject thauGp;
  JsonObject berangeGp;
  String snpSlot;
  String publicSlot;
  String bookedSlot;
  String cancelledSlot;
  String pastSlot;
  String berangeSnpSlot;
  String berangePublicSlot;

  /** config/territories.json with Thau opening PUBLIC slots too. */
  static Path territoriesFile() {
    try {
      JsonObject file = new JsonObject(Files.readString(Path.of("config/territories.json")));
      JsonArray territories = file.getJsonArray("territories");
      for (int i = 0; i < territories.size(); i++) {
        JsonObject t = territories.getJsonObject(i);
        if (t.getString("id").equals(Fixtures.THAU)) {
          t.getJsonObject("sas").put("slotKinds", new JsonArray().add("SNP").add("PUBLIC"));
        }
      }
      Path copy = Files.createTempFile("territories", ".json");
      Files.writeString(copy, file.encodePrettily());
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SasScene build(TestServer server, String coordinator) {
    BookingScenario scenario = new BookingScenario(server, coordinator);
    SasScene s = new SasScene();
    s.thauGp = scenario.professional(Fixtures.aGpInSete());
    s.berangeGp = scenario.professional(Fixtures.aProfessional("GENERAL_PRACTITIONER", Fixtures.MAUGUIO));
    s.snpSlot = scenario.slot(s.thauGp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    s.publicSlot = scenario.slot(s.thauGp, Fixtures.aSlot(s.thauGp, "2026-11-24T10:00:00+01:00",
        "2026-11-24T10:20:00+01:00").put("kind", "PUBLIC"));
    s.bookedSlot = scenario.slot(s.thauGp, "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00");
    s.cancelledSlot = scenario.slot(s.thauGp, "2026-11-24T12:00:00+01:00", "2026-11-24T12:20:00+01:00");
    s.berangeSnpSlot = scenario.slot(s.berangeGp, "2026-11-24T14:00:00+01:00", "2026-11-24T14:20:00+01:00");
    s.berangePublicSlot = scenario.slot(s.berangeGp, Fixtures.aSlot(s.berangeGp, "2026-11-24T15:00:00+01:00",
        "2026-11-24T15:20:00+01:00").put("kind", "PUBLIC"));
    String patient = scenario.patient(Fixtures.aPatientInSete());
    var booked = server.http.post("/api/v1/appointments", coordinator, BookingScenario.booking(s.bookedSlot, patient));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    var cancelled = server.http.delete("/api/v1/slots/" + s.cancelledSlot, coordinator);
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isBetween(200, 204);
    s.pastSlot = java.util.UUID.randomUUID().toString();
    // The API refuses slots in the past: this one is written as if it had been published last week.
    server.execute("INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, created_at,"
        + " updated_at) VALUES ('" + s.pastSlot + "', '" + s.thauGp.getString("id") + "', '" + siteOf(s.thauGp)
        + "', 'SNP', 'free', '2026-11-23T08:00:00Z', '2026-11-23T08:20:00Z', 'MANUAL', now(), now())");
    return s;
  }

  static String siteOf(JsonObject professional) {
    return professional.getJsonArray("sites").getJsonObject(0).getString("id");
  }

  static String rppsToken(JsonObject professional) {
    return "urn:oid:1.2.250.1.71.4.2.1|8" + professional.getString("rpps");
  }

  /** The guide's query, as its example writes it (unencoded '+' and '|'). */
  static String guideQuery(String identifiers, String from, String to) {
    return "/fhir/r4/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor"
        + "&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + "&start=ge" + from + "&start=le" + to + "&schedule.actor:Practitioner.identifier=" + identifiers
        + "&status=free";
  }
}
