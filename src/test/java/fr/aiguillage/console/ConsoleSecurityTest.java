package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's session, cross-site protection and headers, checked over plain HTTP (no browser needed). */
class ConsoleSecurityTest extends ApiTest {

  private WebClient client;
  private String origin;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_CONSOLE_TILE_URL", "https://{s}.tiles.example.org/{z}/{x}/{y}.png");
  }

  @BeforeAll
  void accounts() {
    server.tokenFor("secretariat", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
    client = WebClient.create(server.vertx);
    origin = "http://localhost:" + server.port();
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    return client.request(method, server.port(), "localhost", path);
  }

  private String signInCookie() {
    HttpResponse<Buffer> response = Await.result(request(HttpMethod.POST, "/api/v1/auth/session")
        .putHeader("Origin", origin)
        .sendJsonObject(new JsonObject().put("login", "secretariat").put("password", "password-of-secretariat")));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString()).doesNotContain("token");
    String setCookie = response.getHeader("Set-Cookie");
    assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
        .doesNotContain("Secure");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  @DisplayName("the console is served at / with a strict CSP (tiles the one other origin), nosniff and no framing")
  void shellWithSecurityHeaders() {
    HttpResponse<Buffer> page = Await.result(request(HttpMethod.GET, "/").send());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("<main id=\"main\"").doesNotContain("<script>").doesNotContain("style=");
    String csp = page.getHeader("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
        .contains("frame-ancestors 'none'").contains("img-src 'self' data: https://*.tiles.example.org")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(Await.result(request(HttpMethod.GET, "/webjars/leaflet/1.9.4/dist/leaflet.js").send()).statusCode())
        .isEqualTo(200);
    assertThat(Await.result(request(HttpMethod.GET, "/api/v1/me").send()).getHeader("X-Content-Type-Options"))
        .isEqualTo("nosniff");
  }

  @Test
  @DisplayName("a cookie session reads freely, but a state-changing request without this origin is refused with 403")
  void cookieRequestsFromAnotherSiteAreRefused() {
    String cookie = signInCookie();
    assertThat(Await.result(request(HttpMethod.GET, "/api/v1/me").putHeader("Cookie", cookie).send()).statusCode())
        .isEqualTo(200);
    JsonObject call = new JsonObject().put("territoryId", Fixtures.THAU);
    HttpResponse<Buffer> forged = Await.result(request(HttpMethod.POST, "/api/v1/calls").putHeader("Cookie", cookie)
        .putHeader("Origin", "https://evil.example").sendJsonObject(call));
    assertProblem(forged, 403, "FORBIDDEN");
    HttpResponse<Buffer> noOrigin = Await.result(request(HttpMethod.POST, "/api/v1/calls").putHeader("Cookie", cookie)
        .sendJsonObject(call));
    assertProblem(noOrigin, 403, "FORBIDDEN");
    HttpResponse<Buffer> own = Await.result(request(HttpMethod.POST, "/api/v1/calls").putHeader("Cookie", cookie)
        .putHeader("Origin", origin).sendJsonObject(call));
    assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(201);
    assertThat(server.count("SELECT count(*) FROM call WHERE source = 'MANUAL'")).isEqualTo(1);
  }

  @Test
  @DisplayName("signing in from another site's page is refused")
  void crossSiteSignInIsRefused() {
    HttpResponse<Buffer> response = Await.result(request(HttpMethod.POST, "/api/v1/auth/session")
        .putHeader("Origin", "https://evil.example")
        .sendJsonObject(new JsonObject().put("login", "secretariat").put("password", "password-of-secretariat")));
    assertProblem(response, 403, "FORBIDDEN");
    assertThat(response.getHeader("Set-Cookie")).isNull();
  }

  @Test
  @DisplayName("signing out ends the cookie's session on the server and clears the cookie; bearer tokens keep working")
  void signOutEndsTheSession() {
    String cookie = signInCookie();
    HttpResponse<Buffer> out = Await.result(request(HttpMethod.POST, "/api/v1/auth/logout").putHeader("Cookie", cookie)
        .putHeader("Origin", origin).send());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.getHeader("Set-Cookie")).contains("aiguillage_session=;").contains("Max-Age=0");
    assertProblem(Await.result(request(HttpMethod.GET, "/api/v1/me").putHeader("Cookie", cookie).send()), 401,
        "UNAUTHORIZED");
    String bearer = http.login("secretariat", "password-of-secretariat");
    assertThat(http.get("/api/v1/me", bearer).statusCode()).isEqualTo(200);
    assertThat(http.post("/api/v1/calls", bearer, new JsonObject().put("territoryId", Fixtures.THAU)).statusCode())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("patients are found by the start of the family name and by birth date, as well as by phone")
  void patientSearchByNameAndBirthDate() {
    String coordinator = coordinatorOf("coord-recherche", Fixtures.THAU);
    assertThat(http.post("/api/v1/patients", coordinator, Fixtures.aPatientInSete().put("familyName", "Recherchée"))
        .statusCode()).isEqualTo(201);
    var byName = http.get("/api/v1/patients?familyName=reCHER", coordinator).bodyAsJsonObject();
    assertThat(byName.getJsonArray("items")).hasSize(1);
    var byBoth = http.get("/api/v1/patients?familyName=Rech&birthDate=1984-05-17", coordinator).bodyAsJsonObject();
    assertThat(byBoth.getJsonArray("items")).hasSize(1);
    assertThat(http.get("/api/v1/patients?birthDate=1984-05-18", coordinator).bodyAsJsonObject()
        .getJsonArray("items")).isEmpty();
    assertThat(http.get("/api/v1/patients?familyName=%25", coordinator).bodyAsJsonObject().getJsonArray("items"))
        .isEmpty();
    assertInvalidField(http.get("/api/v1/patients?birthDate=17-05-1984", coordinator), "birthDate");
  }
}
