package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static fr.aiguillage.push.PushScenario.ok;
import static fr.aiguillage.push.PushScenario.siteOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15's indicators gain the push requests' figures, per month and territory, in JSON and CSV. */
class PushIndicatorsTest extends ApiTest {

  private static final String QUERY = "territory=" + Fixtures.THAU + "&from=2026-11-01&to=2026-11-30&granularity=month";

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600");
  }

  @Test
  @DisplayName("sent, accepted in ring 1 after 15 minutes, withdrawn, expired; received and accepted per professional")
  void figures() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    PushScenario push = new PushScenario(server, "figures");
    JsonObject taker = push.gp(Fixtures.SETE);
    JsonObject other = push.gp(Fixtures.SETE);
    push.send(push.feverTriage(), null);
    push.tick();
    String token = push.token(taker);
    server.clock.set(server.clock.instant().plus(Duration.ofMinutes(15)));
    ok(server.http.post("/api/v1/push-links/" + token + "/accept", null, new JsonObject()
        .put("start", "2026-11-23T16:00:00+01:00").put("siteId", siteOf(taker))), 201);
    String withdrawn = push.send(push.feverTriage(), null).getString("id");
    ok(server.http.post("/api/v1/push-requests/" + withdrawn + "/withdraw", push.operator, new JsonObject()), 200);
    JsonObject expiring = push.send(push.feverTriage(), null);
    server.clock.set(Instant.parse(expiring.getString("deadline")).minus(Duration.ofMinutes(100)));
    push.tick();

    JsonObject figures = ok(server.http.get("/api/v1/indicators?" + QUERY, push.coordinator), 200)
        .getJsonObject("total").getJsonObject("push");
    assertThat(figures.getLong("sent")).isEqualTo(3);
    assertThat(figures.getLong("accepted")).isEqualTo(1);
    assertThat(figures.getJsonObject("acceptedByRing").fieldNames()).containsExactly("cercle 1");
    assertThat(figures.getJsonObject("acceptedByRing").getLong("cercle 1")).isEqualTo(1);
    assertThat(figures.getDouble("medianMinutesToAcceptance")).isEqualTo(15.0);
    assertThat(figures.getDouble("p90MinutesToAcceptance")).isEqualTo(15.0);
    assertThat(figures.getLong("expired")).isEqualTo(1);
    assertThat(figures.getLong("withdrawn")).isEqualTo(1);
    assertThat(figures.getLong("professionalsAsked")).isEqualTo(2);
    String takerKey = "Testeur Alix (" + taker.getString("rpps") + ")";
    assertThat(figures.getJsonObject("receivedByProfessional").getLong(takerKey)).isEqualTo(3);
    assertThat(figures.getJsonObject("receivedByProfessional").getLong("Testeur Alix (" + other.getString("rpps")
        + ")")).isEqualTo(3);
    assertThat(figures.getJsonObject("acceptedByProfessional").fieldNames()).containsExactly(takerKey);
    assertThat(figures.getJsonObject("acceptedByProfessional").getLong(takerKey)).isEqualTo(1);
    String csv = server.http.get("/api/v1/indicators.csv?" + QUERY, push.coordinator).bodyAsString();
    assertThat(csv).contains("push.sent").contains("Demandes envoyées aux professionnels")
        .contains("push.acceptedByProfessional");
  }
}
