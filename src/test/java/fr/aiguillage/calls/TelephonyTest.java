package fr.aiguillage.calls;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelephonyTest extends ApiTest {

  private static final String THAU_LINE = "+33499000001";
  private String operator;

  @BeforeAll
  void operator() {
    operator = server.tokenFor("phone-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  static String sign(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<Buffer> post(String body, String timestamp, String signature) {
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()));
    HttpRequest<Buffer> request = client.post("/api/v1/telephony/events").putHeader("Content-Type", "application/json");
    if (timestamp != null) {
      request.putHeader("X-Aiguillage-Timestamp", timestamp);
    }
    if (signature != null) {
      request.putHeader("X-Aiguillage-Signature", signature);
    }
    return fr.aiguillage.support.Await.result(request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> signed(JsonObject event) throws Exception {
    String body = event.encode();
    String ts = Long.toString(server.clock.instant().getEpochSecond());
    return post(body, ts, sign(TestServer.TELEPHONY_SECRET, ts, body));
  }

  static JsonObject event(String callId, String event, String from, String at) {
    return new JsonObject().put("callId", callId).put("event", event).put("from", from).put("to", THAU_LINE)
        .put("at", at);
  }

  private long rows(String table, String callId) {
    return server.count("SELECT count(*) FROM " + table + " WHERE provider_call_id = '" + callId + "'");
  }

  @Test
  @DisplayName("a signed event creates the call; a bad signature, missing headers or a stale timestamp → 401, nothing stored")
  void signature() throws Exception {
    String body = event("sig-1", "ringing", "06 12 34 56 78", "2026-11-23T09:59:00+01:00").encode();
    String ts = Long.toString(server.clock.instant().getEpochSecond());
    assertProblem(post(body, ts, sign("wrong-secret", ts, body)), 401, "UNAUTHORIZED");
    assertProblem(post(body, null, sign(TestServer.TELEPHONY_SECRET, ts, body)), 401, "UNAUTHORIZED");
    assertProblem(post(body, ts, null), 401, "UNAUTHORIZED");
    String stale = Long.toString(server.clock.instant().getEpochSecond() - 301);
    assertProblem(post(body, stale, sign(TestServer.TELEPHONY_SECRET, stale, body)), 401, "UNAUTHORIZED");
    String tampered = body.replace("sig-1", "sig-2");
    assertProblem(post(tampered, ts, sign(TestServer.TELEPHONY_SECRET, ts, body)), 401, "UNAUTHORIZED");
    assertThat(rows("call", "sig-1") + rows("call", "sig-2") + rows("call_event", "sig-1")).isZero();
    var accepted = post(body, ts, sign(TestServer.TELEPHONY_SECRET, ts, body));
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
    assertThat(rows("call", "sig-1")).isEqualTo(1);
  }

  @Test
  @DisplayName("replaying the same (callId, event) is accepted and changes nothing")
  void replay() throws Exception {
    JsonObject ringing = event("replay-1", "ringing", "0612345678", "2026-11-23T09:59:00+01:00");
    assertThat(signed(ringing).statusCode()).isEqualTo(202);
    var again = signed(ringing);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.bodyAsJsonObject().getBoolean("duplicate")).isTrue();
    assertThat(rows("call_event", "replay-1")).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM domain_event WHERE type = 'call.ringing'"
        + " AND payload->>'callId' = (SELECT id::text FROM call WHERE provider_call_id = 'replay-1')")).isEqualTo(1);
  }

  @Test
  @DisplayName("events out of order still end in a consistent call; a withheld number is an unknown caller")
  void outOfOrder() throws Exception {
    signed(event("ooo-1", "ended", "anonymous", "2026-11-23T10:05:00+01:00"));
    signed(event("ooo-1", "answered", "anonymous", "2026-11-23T10:00:30+01:00"));
    signed(event("ooo-1", "ringing", "anonymous", "2026-11-23T10:00:00+01:00"));
    JsonObject call = http.get("/api/v1/calls?limit=50", operator).bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(c -> "ooo-1".equals(c.getString("providerCallId"))).findFirst().orElseThrow();
    assertThat(call.getString("status")).isEqualTo("ended");
    assertThat(call.getString("ringingAt")).isEqualTo("2026-11-23T10:00:00+01:00");
    assertThat(call.getString("answeredAt")).isEqualTo("2026-11-23T10:00:30+01:00");
    assertThat(call.getString("endedAt")).isEqualTo("2026-11-23T10:05:00+01:00");
    assertThat(call.getString("caller")).isNull();
    assertThat(call.getString("territoryId")).isEqualTo(Fixtures.THAU);
  }

  @Test
  @DisplayName("a call shows the patients whose phone matches the caller; operators record the outcome")
  void callWithPatients() throws Exception {
    String patient = http.post("/api/v1/patients", operator, Fixtures.aPatientInSete().put("phone", "06 55 44 33 22"))
        .bodyAsJsonObject().getString("id");
    signed(event("match-1", "ringing", "+33655443322", "2026-11-23T09:58:00+01:00"));
    String id = http.get("/api/v1/calls?status=ringing", operator).bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(c -> "match-1".equals(c.getString("providerCallId"))).findFirst()
        .orElseThrow().getString("id");
    JsonObject detail = http.get("/api/v1/calls/" + id, operator).bodyAsJsonObject();
    assertThat(detail.getJsonObject("call").getString("caller")).isEqualTo("+33655443322");
    assertThat(detail.getJsonArray("patients").getJsonObject(0).getString("id")).isEqualTo(patient);
    var patched = http.patch("/api/v1/calls/" + id, operator, new JsonObject().put("patientId", patient)
        .put("outcome", "ADVICE_GIVEN").put("note", "Conseils donnés"));
    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
    assertThat(patched.bodyAsJsonObject().getString("outcome")).isEqualTo("ADVICE_GIVEN");
    assertInvalidField(http.patch("/api/v1/calls/" + id, operator, new JsonObject().put("outcome", "LOST")), "outcome");
    String elsewhere = server.tokenFor("phone-berange", List.of("OPERATOR"), List.of(Fixtures.BERANGE), null);
    assertProblem(http.get("/api/v1/calls/" + id, elsewhere), 403, "FORBIDDEN");
    String orienter = server.tokenFor("phone-orienter", List.of("ORIENTER"), List.of(Fixtures.THAU), null);
    assertProblem(http.get("/api/v1/calls", orienter), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("a walk-in call is created by hand in one of the operator's territories")
  void manualCall() {
    var created = http.post("/api/v1/calls", operator, new JsonObject().put("territoryId", Fixtures.THAU)
        .put("caller", "06 11 11 11 11").put("note", "Patient venu à l'accueil"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("source")).isEqualTo("MANUAL");
    assertThat(created.bodyAsJsonObject().getString("caller")).isEqualTo("+33611111111");
    assertProblem(http.post("/api/v1/calls", operator, new JsonObject().put("territoryId", Fixtures.BERANGE)),
        403, "FORBIDDEN");
    assertInvalidField(http.post("/api/v1/calls", operator, new JsonObject().put("territoryId", Fixtures.THAU)
        .put("caller", "15")), "caller");
  }
}
