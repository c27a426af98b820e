package fr.aiguillage.indicators;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GET /api/v1/indicators over the scripted day of {@link ScriptedDay}; every expected figure worked out by hand. */
class IndicatorsTest extends ApiTest {

  static final String TWO_DAYS = "/api/v1/indicators?territory=bassin-de-thau&from=2026-11-23&to=2026-11-24"
      + "&granularity=day";

  private ScriptedDay day;
  private JsonObject report;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_AUTH_TOKEN_HOURS", "2000");
  }

  @BeforeAll
  void playTheDay() {
    day = new ScriptedDay(server).play();
    var response = http.get(TWO_DAYS, day.coordinator);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    report = response.bodyAsJsonObject();
  }

  private JsonObject monday(String group) {
    JsonObject period = report.getJsonArray("periods").getJsonObject(0);
    assertThat(period.getString("period")).isEqualTo("2026-11-23");
    return period.getJsonObject(group);
  }

  private JsonObject tuesday(String group) {
    JsonObject period = report.getJsonArray("periods").getJsonObject(1);
    assertThat(period.getString("period")).isEqualTo("2026-11-24");
    return period.getJsonObject(group);
  }

  private JsonObject total(String group) {
    return report.getJsonObject("total").getJsonObject(group);
  }

  @Test
  @DisplayName("two Paris days are two periods, [midnight, midnight), and the total spans both")
  void periods() {
    assertThat(report.getJsonArray("periods")).hasSize(2);
    assertThat(report.getJsonArray("periods").getJsonObject(1).getString("start"))
        .isEqualTo("2026-11-24T00:00+01:00");
    assertThat(report.getJsonObject("total").getString("end")).isEqualTo("2026-11-25T00:00+01:00");
    assertThat(report.getJsonArray("territories")).containsExactly(Fixtures.THAU);
  }

  @Test
  @DisplayName("calls: 7 received on the Thau line, 5 answered, 2 abandoned; waits 5, 10, 20, 45, 90 s")
  void calls() {
    JsonObject calls = monday("calls");
    assertThat(calls.getLong("received")).isEqualTo(7);
    assertThat(calls.getLong("answered")).isEqualTo(5);
    assertThat(calls.getLong("abandoned")).isEqualTo(2);
    // within 20 s: 10, 20 and 5 s → 3 of 7; within 60 s: also 45 s → 4 of 7
    assertThat(calls.getDouble("answeredWithin20sShare")).isEqualTo(0.4286);
    assertThat(calls.getDouble("answeredWithin60sShare")).isEqualTo(0.5714);
    // median of 5, 10, 20, 45, 90 is 20; 90th percentile: 45 + 0.6 × (90 − 45) = 72
    assertThat(calls.getDouble("medianWaitSeconds")).isEqualTo(20.0);
    assertThat(calls.getDouble("p90WaitSeconds")).isEqualTo(72.0);
    assertThat(calls.getJsonObject("byHour").getMap()).isEqualTo(Map.of("09", 3, "10", 2, "14", 2));
    assertThat(tuesday("calls").getLong("received")).isZero();
    assertThat(total("calls").getLong("received")).isEqualTo(7);
  }

  @Test
  @DisplayName("triage: 5 assessments, 1 VITAL sent to the 15, 1 override; orientations of the 3 SNP requests")
  void triage() {
    JsonObject triage = monday("triage");
    assertThat(triage.getLong("assessments")).isEqualTo(5);
    assertThat(triage.getJsonObject("byUrgency").getMap())
        .isEqualTo(Map.of("WITHIN_24H", 2, "WITHIN_48H", 1, "VITAL", 1, "ADVICE", 1));
    assertThat(triage.getLong("vitalTo15")).isEqualTo(1);
    assertThat(triage.getJsonObject("byProfession").getMap()).isEqualTo(Map.of("PHARMACIST", 2, "PHYSIOTHERAPIST", 1));
    assertThat(triage.getJsonObject("byProtocol").getMap()).isEqualTo(Map.of("rule:cystite-simple-pharmacien", 1,
        "rule:angine-pharmacien", 1, "rule:entorse-kine", 1, "safety:red-flag", 1, "rule:plaie-infirmier", 1));
    assertThat(triage.getDouble("pharmacistShare")).isEqualTo(0.6667);
    assertThat(triage.getDouble("nurseShare")).isEqualTo(0.0);
    assertThat(triage.getDouble("physiotherapistShare")).isEqualTo(0.3333);
    assertThat(triage.getLong("overrides")).isEqualTo(1);
    assertThat(triage.getDouble("overrideShare")).isEqualTo(0.2);
  }

  @Test
  @DisplayName("soins non programmés: 3 requests booked, 2 within 24 h of the call (7 h and 23.5 h), one cancelled")
  void unscheduledCare() {
    JsonObject snp = monday("snp");
    assertThat(snp.getLong("requests")).isEqualTo(3);
    assertThat(snp.getLong("booked")).isEqualTo(3);
    assertThat(snp.getLong("bookedWithin24h")).isEqualTo(2);
    assertThat(snp.getDouble("bookedWithin24hShare")).isEqualTo(0.6667);
    // median of 7 h (09:00 → 16:00) and 23.5 h (09:30 → next day 09:00); the cancelled one is not counted
    assertThat(snp.getDouble("medianHoursToAppointment")).isEqualTo(15.3);
    assertThat(snp.getLong("honoured")).isEqualTo(1);
    assertThat(snp.getLong("noShow")).isEqualTo(1);
    assertThat(snp.getLong("cancelled")).isEqualTo(1);
    assertThat(tuesday("snp").getLong("requests")).isZero();
  }

  @Test
  @DisplayName("agenda: SNP slots by start day; unused = still free once started (it is Tuesday noon)")
  void agenda() {
    JsonObject monday = monday("agenda");
    assertThat(List.of(monday.getLong("published"), monday.getLong("booked"), monday.getLong("unused"),
        monday.getLong("professionals"))).containsExactly(3L, 1L, 2L, 2L);
    assertThat(monday.getDouble("unusedShare")).isEqualTo(0.6667);
    JsonObject tuesday = tuesday("agenda");
    // S2 was freed by the cancellation and its 11:00 start has passed; S5 (18:00) has not started
    assertThat(List.of(tuesday.getLong("published"), tuesday.getLong("booked"), tuesday.getLong("unused"),
        tuesday.getLong("professionals"))).containsExactly(3L, 1L, 1L, 2L);
    assertThat(tuesday.getDouble("unusedShare")).isEqualTo(0.5);
    assertThat(tuesday.getJsonObject("publishedByCommune").getMap())
        .isEqualTo(Map.of("34108 Frontignan", 2, "34301 Sète", 1));
    JsonObject total = total("agenda");
    assertThat(List.of(total.getLong("published"), total.getLong("booked"), total.getLong("unused"),
        total.getLong("professionals"))).containsExactly(6L, 2L, 3L, 3L);
    assertThat(total.getDouble("unusedShare")).isEqualTo(0.6);
    assertThat(total.getJsonObject("unusedByCommune").getMap()).isEqualTo(Map.of("34301 Sète", 3));
  }

  @Test
  @DisplayName("médecin traitant: 3 received, 1 assigned after 22.2 days, 1 closed; open requests at each day's end")
  void medecinTraitant() {
    JsonObject monday = monday("mt");
    assertThat(List.of(monday.getLong("received"), monday.getLong("assigned"), monday.getLong("closedOtherwise")))
        .containsExactly(3L, 1L, 0L);
    // 1 November 10:00 → 23 November 15:00 = 22 days 5 hours
    assertThat(monday.getDouble("medianDaysToAssignment")).isCloseTo(22.2, within(0.001));
    assertThat(List.of(monday.getLong("open"), monday.getLong("openAld"), monday.getLong("openAged70"),
        monday.getLong("openCssAme"))).containsExactly(3L, 1L, 1L, 1L);
    JsonObject tuesday = tuesday("mt");
    assertThat(List.of(tuesday.getLong("closedOtherwise"), tuesday.getLong("open"), tuesday.getLong("openCssAme")))
        .containsExactly(1L, 2L, 0L);
    assertThat(tuesday.getValue("medianDaysToAssignment")).isNull();
    JsonObject total = total("mt");
    assertThat(List.of(total.getLong("received"), total.getLong("assigned"), total.getLong("closedOtherwise"),
        total.getLong("open"), total.getLong("gpsWithCapacity"), total.getLong("placesOffered")))
        .containsExactly(3L, 1L, 1L, 2L, 1L, 1L);
    assertThat(monday.containsKey("gpsWithCapacity")).as("today's capacity is not a per-day figure").isFalse();
  }

  @Test
  @DisplayName("no personal data: no name, phone or birth date of the day's people anywhere in the answer")
  void nothingPersonal() {
    String body = report.encode();
    assertThat(body).doesNotContain("Camille", "Premiere", "Zoé", "+33465", "+33612", "1950-04-04");
  }

  @Test
  @DisplayName("by month: November is one period and the year's figures equal the two days'")
  void byMonth() {
    JsonObject month = http.get("/api/v1/indicators?territory=bassin-de-thau&from=2026-11-01&to=2026-11-30",
        day.coordinator).bodyAsJsonObject();
    JsonArray periods = month.getJsonArray("periods");
    assertThat(periods).hasSize(1);
    assertThat(periods.getJsonObject(0).getString("period")).isEqualTo("2026-11");
    // the call of 22 November 23:30 now counts too
    assertThat(periods.getJsonObject(0).getJsonObject("calls").getLong("received")).isEqualTo(8);
    assertThat(periods.getJsonObject(0).getJsonObject("mt").getLong("received")).isEqualTo(4);
  }
}
