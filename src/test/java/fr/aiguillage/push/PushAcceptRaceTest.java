package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.aiguillage.push.PushScenario.siteOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Fifty GPs answering at once: the database lets exactly one acceptance through. */
class PushAcceptRaceTest extends ApiTest {

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600");
  }

  @Test
  @DisplayName("50 concurrent accepts of one request: one 201, 49 × 409 PUSH_ALREADY_TAKEN, one appointment")
  void fiftyAccepts() {
    PushScenario push = new PushScenario(server, "race");
    List<JsonObject> gps = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      gps.add(push.gp(Fixtures.SETE));
    }
    JsonObject request = push.send(push.feverTriage(), null);
    assertThat(request.getJsonArray("recipients")).hasSize(50);
    push.tick();
    List<String> tokens = gps.stream().map(push::token).toList();
    String start = request.getString("createdAt").substring(0, 11) + "17:00:00+01:00";
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(50));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(client.post("/api/v1/push-links/" + tokens.get(i) + "/accept").sendJsonObject(new JsonObject()
          .put("start", start).put("siteId", siteOf(gps.get(i)))));
    }
    Await.result(Future.join(calls));
    List<Integer> statuses = calls.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    assertThat(calls.stream().filter(f -> f.result().statusCode() == 409)
        .map(f -> f.result().bodyAsJsonObject().getString("code"))).containsOnly("PUSH_ALREADY_TAKEN");
    String id = request.getString("id");
    assertThat(server.count("SELECT count(*) FROM appointment a JOIN push_request r ON r.triage_id = a.triage_id"
        + " WHERE r.id = '" + id + "'")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM push_request WHERE id = '" + id + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);
  }
}
