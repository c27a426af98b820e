package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The classes of bad input of issue 21, one regression each, at the level where each was fixed. */
class BadInputTest extends ApiTest {

  private String coordinator;
  private HttpClient raw;

  @BeforeAll
  void setUp() {
    coordinator = coordinatorOf("bad-input", Fixtures.THAU);
    raw = server.vertx.createHttpClient(new HttpClientOptions().setMaxInitialLineLength(64 * 1024)
        .setMaxHeaderSize(64 * 1024));
  }

  /** A request sent byte for byte as written (no client-side encoding), with the answer's status and body. */
  private record Answer(int status, String type, String body) {
    JsonObject problem() {
      assertThat(type).as(body).startsWith("application/problem+json");
      JsonObject problem = new JsonObject(body);
      assertThat(problem.getInteger("status")).isEqualTo(status);
      return problem;
    }

    List<String> fields() {
      JsonArray errors = problem().getJsonArray("errors", new JsonArray());
      return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }
  }

  private Answer send(String method, String uri, String token, Map<String, String> headers, String body) {
    return Await.result(sendAsync(method, uri, token, headers, body));
  }

  private Future<Answer> sendAsync(String method, String uri, String token, Map<String, String> headers,
                                   String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost("localhost")
        .setPort(server.port()).setURI(uri);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(options::putHeader);
    // On an event-loop context, so the body handler is set in the same turn as the response arrives: from the test
    // thread, a small answer could end before body() was asked for, and the test would wait forever.
    io.vertx.core.Promise<Answer> answer = io.vertx.core.Promise.promise();
    server.vertx.getOrCreateContext().runOnContext(v -> raw.request(options)
        .compose(r -> body == null ? r.send() : r.send(Buffer.buffer(body)))
        .compose(r -> r.body().map(b -> new Answer(r.statusCode(), r.getHeader("Content-Type"), b.toString())))
        .onComplete(answer));
    return answer.future();
  }

  private Answer get(String uri, String token) {
    return send("GET", uri, token, Map.of(), null);
  }

  private Answer postJson(String uri, String token, String body) {
    return send("POST", uri, token, Map.of("Content-Type", "application/json"), body);
  }

  @Test
  @DisplayName("a broken percent-encoding in a path parameter is 400 naming it, even without a token")
  void brokenPathEncoding() {
    Answer answer = get("/api/v1/waitlist/%ZZ", null);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.fields()).containsExactly("id");
    assertThat(get("/api/v1/professionals/abc%", null).status()).isEqualTo(400);
    assertThat(get("/api/v1/me%ZZ", null).fields()).containsExactly("path");
  }

  @Test
  @DisplayName("a broken percent-encoding in a query is 400 naming the parameter, before authentication")
  void brokenQueryEncoding() {
    assertThat(get("/api/v1/waitlist/stats?territory=%ZZ", coordinator).fields()).containsExactly("territory");
    assertThat(get("/api/v1/audit?to=%", "garbage").fields()).containsExactly("to");
    assertThat(get("/api/v1/professionals?q=%FF", null).fields()).containsExactly("q");
  }

  @Test
  @DisplayName("a form body sent to a JSON operation is 415 problem+json")
  void formBody() {
    Answer answer = send("POST", "/api/v1/patients", coordinator,
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "a[b]=c&%ZZ=1");
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.problem().getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  @DisplayName("a Content-Type or Accept header with an unterminated quoted parameter is 400 naming the header, not a 500")
  void brokenHeaderParameter() {
    Answer contentType = send("POST", "/api/v1/patients", coordinator,
        Map.of("Content-Type", "application/json; boundary=\""), "{}");
    assertThat(contentType.status()).isEqualTo(400);
    assertThat(contentType.fields()).containsExactly("Content-Type");
    Answer accept = send("GET", "/api/v1/territories", coordinator, Map.of("Accept", "application/json; q=\"0.5"), null);
    assertThat(accept.status()).isEqualTo(400);
    assertThat(accept.fields()).containsExactly("Accept");
  }

  @Test
  @DisplayName("a NUL, a control character or an unpaired surrogate in a text field is 400 naming the field")
  void textRules() {
    assertThat(postJson("/api/v1/auth/login", null, "{\"login\":\"a\\u0000b\",\"password\":\"x\"}").fields())
        .containsExactly("login");
    JsonObject patient = Fixtures.aPatientInSete();
    String withBell = patient.copy().put("givenName", "Zo\u0007é").encode();
    assertThat(postJson("/api/v1/patients", coordinator, withBell).fields()).containsExactly("givenName");
    String lone = patient.encode().replace("\"Zoé\"", "\"Zo\\ud800\"");
    assertThat(postJson("/api/v1/patients", coordinator, lone).fields()).containsExactly("givenName");
    assertThat(postJson("/api/v1/patients", coordinator, patient.copy().put("givenName", "Zoé 👍🏽").encode())
        .status()).isEqualTo(201);
  }

  @Test
  @DisplayName("a well-formed id naming nothing is 422 UNKNOWN_REFERENCE naming the field, not a 500")
  void unknownReference() {
    String call = new JsonObject(postJson("/api/v1/calls", coordinator,
        new JsonObject().put("territoryId", Fixtures.THAU).encode()).body()).getString("id");
    Answer answer = send("PATCH", "/api/v1/calls/" + call, coordinator, Map.of("Content-Type", "application/json"),
        new JsonObject().put("operatorId", "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60").encode());
    assertThat(answer.status()).as(answer.body()).isIn(404, 422);
    assertThat(answer.fields()).containsExactly("operatorId");
  }

  @Test
  @DisplayName("numbers and dates beyond the contract's bounds are 400 naming the parameter")
  void bounds() {
    assertThat(get("/api/v1/audit?offset=2147483648", server.adminToken()).fields()).containsExactly("offset");
    assertThat(get("/api/v1/professionals?offset=2147483648", coordinator).fields()).containsExactly("offset");
    assertThat(get("/api/v1/slots/search?communeInsee=34301&profession=GENERAL_PRACTITIONER"
        + "&from=%2B999999999-12-31T23:59:59Z", coordinator).fields()).containsExactly("from");
  }

  @Test
  @DisplayName("a subscription URL that is not absolute https (or http to an allowed host) is 400 on url")
  void subscriptionUrl() {
    JsonObject gp = createProfessional(Fixtures.aGpInSete());
    String path = "/api/v1/professionals/" + gp.getString("id") + "/availability/subscription";
    String site = gp.getJsonArray("sites").getJsonObject(0).getString("id");
    for (String url : List.of("agenda", "🗓", "..%2F..%2F", "http://exemple.fr/agenda.ics", "ftp://exemple.fr/a")) {
      Answer answer = send("PUT", path, coordinator, Map.of("Content-Type", "application/json"),
          new JsonObject().put("url", url).put("siteId", site).encode());
      assertThat(answer.status()).as(url).isEqualTo(400);
      assertThat(answer.fields()).as(url).containsExactly("url");
    }
  }

  @Test
  @DisplayName("an empty e-mail creates a professional without one")
  void emptyEmail() {
    Answer answer = postJson("/api/v1/professionals", server.adminToken(),
        Fixtures.aGpInSete().put("email", "").encode());
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(new JsonObject(answer.body()).getString("email")).isNull();
  }

  @Test
  @DisplayName("waiting-list figures with a bare or empty territory are 400 naming territory")
  void bareTerritory() {
    assertThat(get("/api/v1/waitlist/stats?territory", coordinator).fields()).containsExactly("territory");
    assertThat(get("/api/v1/waitlist/stats?territory=", coordinator).fields()).containsExactly("territory");
  }

  @Test
  @DisplayName("a request line too long is 414 and headers too large 431, both problem+json")
  void tooLong() {
    Answer line = get("/api/v1/me?x=" + "a".repeat(10_000), coordinator);
    assertThat(line.status()).isEqualTo(414);
    assertThat(line.problem().getString("code")).isEqualTo("URI_TOO_LONG");
    Answer headers = send("GET", "/api/v1/me", coordinator, Map.of("X-Filler", "h".repeat(20_000)), null);
    assertThat(headers.status()).isEqualTo(431);
    assertThat(headers.problem().getString("code")).isEqualTo("HEADERS_TOO_LARGE");
  }

  @Test
  @DisplayName("a 20,000-item list costs under 100 ms beyond a same-size body, lists at most 20 errors, and /health "
      + "waits no longer than such a body takes")
  void hugeList() {
    JsonArray many = new JsonArray();
    for (int i = 0; i < 20_000; i++) {
      many.add("NOT_A_FRAGILITY");
    }
    String body = Fixtures.aPatientInSete().put("fragility", many).encode();
    // The ceiling: a body of the same size with no list, refused by authentication after the same reading and the
    // same streaming pass over its JSON. What the list itself costs is the difference. Best of five each, so a
    // machine shared with other builds does not decide the figure.
    String sameSize = new JsonObject().put("notes", "n".repeat(body.length() - 12)).encode();
    Map<String, String> json = Map.of("Content-Type", "application/json");
    long ceiling = Long.MAX_VALUE;
    long refusal = Long.MAX_VALUE;
    long healthAlone = Long.MAX_VALUE;
    long healthBeside = Long.MAX_VALUE;
    Answer answer = null;
    for (int round = 0; round < 5; round++) {
      ceiling = Math.min(ceiling, millisOf(() -> assertThat(send("POST", "/api/v1/patients", "garbage", json,
          sameSize).status()).isEqualTo(401)));
      long started = System.nanoTime();
      answer = send("POST", "/api/v1/patients", coordinator, json, body);
      refusal = Math.min(refusal, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      healthAlone = Math.min(healthAlone, millisOf(() -> get("/health", null)));
      Future<Answer> beside = sendAsync("POST", "/api/v1/patients", coordinator, json, body);
      healthBeside = Math.min(healthBeside, millisOf(() -> assertThat(get("/health", null).status()).isEqualTo(200)));
      Await.result(beside);
    }
    System.out.printf("20,000-item list: refused in %d ms, same-size ceiling %d ms; /health %d ms alone, %d ms beside%n",
        refusal, ceiling, healthAlone, healthBeside);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.fields()).hasSizeLessThanOrEqualTo(20).contains("fragility");
    assertThat(refusal - ceiling).as("what the list costs beyond a same-size body").isLessThan(100);
    // /health may share an event loop with the upload: it may wait for a same-size body to be read, not for the list.
    assertThat(healthBeside - healthAlone).as("/health's delay beside such a list").isLessThan(ceiling + 100);
  }

  private static long millisOf(Runnable exchange) {
    long started = System.nanoTime();
    exchange.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private Answer importCalendar(String calendar) {
    JsonObject gp = createProfessional(Fixtures.aGpInSete());
    String site = gp.getJsonArray("sites").getJsonObject(0).getString("id");
    return send("POST", "/api/v1/professionals/" + gp.getString("id") + "/availability/import?siteId=" + site,
        coordinator, Map.of("Content-Type", "text/calendar"), calendar);
  }

  private static String calendar(String... events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//FR\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
  }

  private static String event(int n, String start, String extra) {
    return "BEGIN:VEVENT\r\nUID:e" + n + "@test\r\nDTSTAMP:20261120T080000Z\r\nSUMMARY:SNP\r\n" + start + extra
        + "END:VEVENT\r\n";
  }

  @Test
  @DisplayName("a calendar naming an unknown TZID is 422 naming the zone")
  void unknownZone() {
    Answer answer = importCalendar(calendar(event(1, "DTSTART;TZID=Mars/Olympus:20261126T140000\r\n"
        + "DTEND;TZID=Mars/Olympus:20261126T150000\r\n", "")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.problem().getString("code")).isEqualTo("UNKNOWN_TIME_ZONE");
    assertThat(answer.body()).contains("Mars/Olympus");
  }

  @Test
  @DisplayName("an import is bounded: too many events, or one event repeating too often, is 400 on body")
  void importBounds() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 2_001; i++) {
      many.append(event(i, "DTSTART:20261126T130000Z\r\nDTEND:20261126T140000Z\r\n", ""));
    }
    assertThat(importCalendar(calendar(many.toString())).fields()).containsExactly("body");
    Answer minutely = importCalendar(calendar(event(1, "DTSTART:20261126T130000Z\r\nDTEND:20261126T130100Z\r\n",
        "RRULE:FREQ=MINUTELY;COUNT=5000\r\n")));
    assertThat(minutely.fields()).containsExactly("body");
  }
}
