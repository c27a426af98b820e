package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.aiguillage.push.PushScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rings and deadlines on a controlled clock (the job run on demand, no sleeping). Radii 5 and 10 km from Sète, 10
 * minutes per ring for the same day: Sète and Balaruc-les-Bains (4.5 km) are ring 1, Frontignan (6.9) and Mèze (7.9)
 * ring 2, Villeveyrac (13.1) ring 3.
 */
class PushRingsTest extends ApiTest {

  private PushScenario push;
  private JsonObject mt;
  private JsonObject sete;
  private JsonObject balaruc;
  private JsonObject absent;
  private JsonObject meze;
  private JsonObject villeveyrac;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600", "AIGUILLAGE_PUSH_SECOND_RADIUS_KM", "10",
        "AIGUILLAGE_PUSH_SAME_DAY_RING_MINUTES", "10", "AIGUILLAGE_PUSH_ALERT_BEFORE_DEADLINE_MINUTES", "120");
  }

  @BeforeAll
  void scene() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    push = new PushScenario(server, "rings");
    mt = push.gp("34108");
    sete = push.gp(Fixtures.SETE);
    balaruc = push.gp("34023");
    absent = push.gp(Fixtures.SETE);
    meze = push.gp("34157");
    villeveyrac = push.gp("34341");
    ok(server.http.post("/api/v1/professionals/" + absent.getString("id") + "/absences", push.coordinator,
        new JsonObject().put("from", "2026-11-20T00:00:00+01:00").put("to", "2026-12-20T00:00:00+01:00")
            .put("reason", "Congés")), 201);
  }

  @Test
  @DisplayName("the médecin traitant alone first; each ring 10 minutes later; absences skipped; then the alert")
  void ringsInOrder() {
    Instant sent = server.clock.instant();
    JsonObject request = push.send(push.feverTriage(), mt.getString("id"));
    String id = request.getString("id");
    assertThat(request.getInteger("currentRing")).isEqualTo(0);
    assertThat(askedIn(request, 0)).containsExactly(mt.getString("id"));
    assertThat(request.getJsonArray("recipients")).hasSize(1);

    at(sent.plus(Duration.ofMinutes(9)));
    assertThat(push.get(id).getInteger("currentRing")).as("nothing before the delay").isEqualTo(0);

    at(sent.plus(Duration.ofMinutes(10)));
    JsonObject first = push.get(id);
    assertThat(first.getInteger("currentRing")).isEqualTo(1);
    assertThat(askedIn(first, 1)).contains(sete.getString("id"), balaruc.getString("id"))
        .doesNotContain(absent.getString("id"), meze.getString("id"), villeveyrac.getString("id"));

    at(sent.plus(Duration.ofMinutes(20)));
    assertThat(askedIn(push.get(id), 2)).contains(meze.getString("id")).doesNotContain(villeveyrac.getString("id"));

    at(sent.plus(Duration.ofMinutes(30)));
    JsonObject last = push.get(id);
    assertThat(last.getInteger("currentRing")).isEqualTo(3);
    assertThat(askedIn(last, 3)).contains(villeveyrac.getString("id"));
    assertThat(last.getString("status")).isEqualTo("OPEN");

    at(sent.plus(Duration.ofMinutes(40)));
    JsonObject ended = push.get(id);
    assertThat(ended.getString("status")).isEqualTo("EXPIRED");
    assertThat(ended.getString("endReason")).isEqualTo("NO_ACCEPTANCE");
    assertThat(ended.getString("endedAt")).isNotNull();
    assertThat(askedEver(ended)).doesNotContain(absent.getString("id"));
    assertThat(server.count("SELECT count(*) FROM domain_event WHERE type = 'push.unanswered'"
        + " AND payload->>'requestId' = '" + id + "' AND jsonb_array_length(payload->'asked') >= 5"
        + " AND payload->'asked'->0->>'phone' LIKE '+33%'")).isEqualTo(1);
  }

  @Test
  @DisplayName("an absent médecin traitant is skipped: the first radius is asked at once")
  void absentMtSkipped() {
    JsonObject request = push.send(push.feverTriage(), absent.getString("id"));
    assertThat(request.getInteger("currentRing")).isEqualTo(1);
    assertThat(askedEver(request)).contains(sete.getString("id")).doesNotContain(absent.getString("id"));
  }

  @Test
  @DisplayName("a professional on duty in the rota is asked first in their ring")
  void onDutyFirst() {
    onDutyNow(balaruc);
    JsonObject request = push.send(push.feverTriage(), null);
    JsonArray asked = request.getJsonArray("recipients");
    JsonObject head = asked.getJsonObject(0);
    assertThat(head.getString("professionalId")).isEqualTo(balaruc.getString("id"));
    assertThat(head.getBoolean("onDuty")).isTrue();
    assertThat(asked.stream().map(JsonObject.class::cast).filter(r -> !r.getBoolean("onDuty"))).isNotEmpty();
  }

  @Test
  @DisplayName("when the deadline comes near before the last ring, the operators are alerted and the request ends")
  void deadlineNear() {
    JsonObject request = push.send(push.feverTriage(), null);
    Instant deadline = Instant.parse(request.getString("deadline"));
    at(deadline.minus(Duration.ofMinutes(119)));
    JsonObject ended = push.get(request.getString("id"));
    assertThat(ended.getString("status")).isEqualTo("EXPIRED");
    assertThat(ended.getString("endReason")).isEqualTo("DEADLINE_NEAR");
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
  }

  /** Moves the clock and runs the job once, as its timer would. */
  private void at(Instant instant) {
    server.clock.set(instant);
    push.tick();
  }

  private void onDutyNow(JsonObject professional) {
    String territory = Fixtures.THAU;
    server.execute("INSERT INTO rota_sector (id, territory_id, name, is_default) VALUES"
        + " ('00000000-0000-0000-0000-0000000000a1', '" + territory + "', 'Tout le territoire', true)");
    server.execute("INSERT INTO rota_band (id, sector_id, label, days, starts, ends, profession, needed, capacity,"
        + " step_minutes, created_at) VALUES ('00000000-0000-0000-0000-0000000000a2',"
        + " '00000000-0000-0000-0000-0000000000a1', 'Journée', '{1,2,3,4,5}', '08:00', '20:00',"
        + " 'GENERAL_PRACTITIONER', 1, 4, 20, now())");
    server.execute("INSERT INTO rota_month (id, territory_id, month, deadline, status, opened_at) VALUES"
        + " ('00000000-0000-0000-0000-0000000000a3', '" + territory + "', '2026-11-01', '2026-10-20T00:00Z',"
        + " 'PUBLISHED', now())");
    String during = "[2026-11-23 07:00:00+00,2026-11-23 19:00:00+00)";
    server.execute("INSERT INTO rota_place (id, month_id, sector_id, band_id, day, seat, during, special, capacity)"
        + " VALUES ('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-0000000000a3',"
        + " '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a2', '2026-11-23', 0, '"
        + during + "', false, 4)");
    server.execute("INSERT INTO rota_assignment (place_id, professional_id, during, capacity, reason) VALUES"
        + " ('00000000-0000-0000-0000-0000000000a4', '" + professional.getString("id") + "', '" + during + "', 4,"
        + " 'MANUAL')");
  }

  private static List<String> askedIn(JsonObject request, int ring) {
    return request.getJsonArray("recipients").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("ring") == ring).map(r -> r.getString("professionalId")).toList();
  }

  private static List<String> askedEver(JsonObject request) {
    return request.getJsonArray("recipients").stream().map(JsonObject.class::cast)
        .map(r -> r.getString("professionalId")).toList();
  }
}
