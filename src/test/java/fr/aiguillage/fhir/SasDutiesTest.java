package fr.aiguillage.fhir;

import fr.aiguillage.rota.RotaScene;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With rota.showDutiesToSas set, the SAS's slot search lists a duty with places left as a free FHIR Slot. */
class SasDutiesTest extends ApiTest {

  private final SasPlatform platform = new SasPlatform();
  private SasScene scene;
  private String place;

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(platform.settings());
    settings.put("AIGUILLAGE_TERRITORIES_FILE", SasScene.territoriesFile().toString());
    settings.put("AIGUILLAGE_ROTA_SHOW_DUTIES_TO_SAS", "true");
    return settings;
  }

  @BeforeAll
  void dutyTomorrow() {
    String coordinator = coordinatorOf("sas-duty-coordinator", Fixtures.THAU, Fixtures.BERANGE);
    scene = SasScene.build(server, coordinator);
    place = SasDutyScene.dutyTomorrowNoon(http, coordinator, scene.thauGp.getString("id"));
  }

  @Test
  @DisplayName("with the setting, a duty appears as a free Slot at its next step, valid R4, beside the slots")
  void dutyIsASlot() {
    HttpResponse<Buffer> response = platform.get(server.vertx, SasScene.guideQuery(SasScene.rppsToken(scene.thauGp),
        SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    FhirChecks.assertValid(response.bodyAsString());
    Bundle bundle = FhirChecks.parse(response.bodyAsString(), Bundle.class);
    Slot duty = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r instanceof Slot && r.getIdPart().equals(place)).map(r -> (Slot) r).findFirst().orElseThrow();
    assertThat(duty.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
    assertThat(duty.getStart().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(duty.getEnd().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-24T11:15:00Z"));
    assertThat(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Slot)).hasSize(3);
  }

  @Test
  @DisplayName("with the setting, the duty reads by id as the same free Slot the search shows, valid R4")
  void dutyReadsAsASlotById() {
    HttpResponse<Buffer> response = platform.get(server.vertx, "/fhir/r4/Slot/" + place);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    FhirChecks.assertValid(response.bodyAsString());
    Slot duty = FhirChecks.parse(response.bodyAsString(), Slot.class);
    assertThat(duty.getIdPart()).isEqualTo(place);
    assertThat(duty.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
    assertThat(duty.getStart().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(duty.getEnd().toInstant()).isEqualTo(java.time.Instant.parse("2026-11-24T11:15:00Z"));
    Slot searched = FhirChecks.parse(platform.get(server.vertx, SasScene.guideQuery(SasScene.rppsToken(scene.thauGp),
        SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO)).bodyAsString(), Bundle.class).getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource).filter(r -> r.getIdPart().equals(place)).map(r -> (Slot) r)
        .findFirst().orElseThrow();
    assertThat(duty.getSchedule().getReference()).isEqualTo(searched.getSchedule().getReference());
    assertThat(duty.getServiceType().get(0).getCodingFirstRep().getCode())
        .isEqualTo(searched.getServiceType().get(0).getCodingFirstRep().getCode());
  }

  @Test
  @DisplayName("with the setting, a place nobody holds (a gap) is not a Slot: 404 OperationOutcome")
  void gapIsNotASlot() {
    RotaScene rota = new RotaScene(http, coordinatorOf("sas-duty-gap", Fixtures.THAU));
    String gap = rota.grid("2026-11").stream().filter(p -> p.getString("professionalId") == null
        && "2026-11-25".equals(p.getString("day"))).findFirst().orElseThrow().getString("placeId");
    HttpResponse<Buffer> response = platform.get(server.vertx, "/fhir/r4/Slot/" + gap);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    FhirChecks.parse(response.bodyAsString(), org.hl7.fhir.r4.model.OperationOutcome.class);
  }

  /** The duty set-up shared with the search test that checks it is hidden by default. */
  static final class SasDutyScene {

    private SasDutyScene() {
    }

    /** A published November with the professional holding tomorrow's 12:00–14:00 duty (4 places, 15-min step). */
    static String dutyTomorrowNoon(fr.aiguillage.support.Http http, String coordinator, String professionalId) {
      RotaScene rota = new RotaScene(http, coordinator);
      String band = rota.band("Midi", "12:00", "14:00", 4, 15);
      rota.publish("2026-11");
      String place = rota.place("2026-11", band, "2026-11-24");
      rota.hold(place, professionalId);
      return place;
    }
  }
}
