package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API served on two event loops at once (http.eventLoops, decision 0025): connections go to both, and what the
 * handlers share (session cache, audit batch, connection count) holds when requests run on two threads at once.
 */
class EventLoopsTest extends ApiTest {

  private static final int CONNECTIONS = 16;

  private WebClient clients;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_HTTP_EVENT_LOOPS", "2");
  }

  @BeforeEach
  void sixteenConnections() {
    clients = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
  }

  @AfterEach
  void closeThem() {
    clients.close();
  }

  @Test
  @DisplayName("sixteen connections are shared between two event loops, and every request on them is answered")
  void twoLoops() {
    String operator = server.tokenFor("loops-me", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    List<Integer> statuses = all(200, () -> clients.get("/api/v1/me").bearerTokenAuthentication(operator).send())
        .stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).hasSize(200).containsOnly(200);
    assertThat(server.servingThreads()).as("event loops that accepted a connection").hasSize(2);
  }

  @Test
  @DisplayName("600 reads of one patient at once on two event loops: each is answered and leaves exactly one audit line")
  void auditUnderConcurrency() {
    String operator = server.tokenFor("loops-audit", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    var created = http.post("/api/v1/patients", operator, Fixtures.aPatientInSete());
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String patient = created.bodyAsJsonObject().getString("id");
    List<Integer> statuses = all(600, () -> clients.get("/api/v1/patients/" + patient)
        .bearerTokenAuthentication(operator).send()).stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).hasSize(600).containsOnly(200);
    assertThat(server.servingThreads()).hasSize(2);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'patient.read' AND entity_id = '"
        + patient + "'")).isEqualTo(600);
  }

  /** {@code n} requests sent at once (as many in flight as the client has connections); their answers. */
  private static List<HttpResponse<Buffer>> all(int n, java.util.function.Supplier<Future<HttpResponse<Buffer>>> send) {
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(send.get());
    }
    Await.result(Future.join(sent));
    return sent.stream().map(Future::result).toList();
  }
}
