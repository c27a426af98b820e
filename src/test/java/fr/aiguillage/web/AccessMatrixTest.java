package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static fr.aiguillage.support.Fixtures.BERANGE;
import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/** Who gets what on every route: 401 without a valid token, 403 without the role or territory. */
class AccessMatrixTest extends ApiTest {

  enum Who { NOBODY, ADMIN, COORDINATOR, OPERATOR, PROFESSIONAL, ORIENTER }

  private final Map<Who, String> tokens = new EnumMap<>(Who.class);
  private String professionalInThau;

  @BeforeAll
  void accounts() {
    professionalInThau = createProfessional(Fixtures.aGpInSete()).getString("id");
    tokens.put(Who.ADMIN, server.adminToken());
    for (Who who : List.of(Who.COORDINATOR, Who.OPERATOR, Who.PROFESSIONAL, Who.ORIENTER)) {
      tokens.put(who, server.tokenFor("matrix-" + who.name().toLowerCase(), List.of(who.name()), List.of(THAU),
          who == Who.PROFESSIONAL || who == Who.ORIENTER ? professionalInThau : null));
    }
  }

  private int call(Who who, HttpMethod method, String path, Supplier<JsonObject> body) {
    JsonObject json = body == null ? null : body.get();
    var response = http.send(method, path, tokens.get(who), json == null ? null : json.toBuffer());
    if (response.statusCode() >= 400) {
      assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    }
    return response.statusCode();
  }

  private static int expect(Who who, int allowed, Who... granted) {
    if (who == Who.NOBODY) {
      return 401;
    }
    return List.of(granted).contains(who) ? allowed : 403;
  }

  private String aNewProfessional() {
    return createProfessional(Fixtures.aGpInSete()).getString("id");
  }

  private static JsonObject anOperatorAccount() {
    return new JsonObject().put("login", "new-" + System.nanoTime()).put("password", "a-long-enough-password")
        .put("roles", new JsonArray().add("OPERATOR")).put("territories", new JsonArray().add(THAU));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Who.class)
  @DisplayName("reading routes: every role of the territory may read; nobody without a token")
  void reads(Who who) {
    Who[] everyone = {Who.ADMIN, Who.COORDINATOR, Who.OPERATOR, Who.PROFESSIONAL, Who.ORIENTER};
    assertThat(call(who, HttpMethod.GET, "/api/v1/me", null)).isEqualTo(expect(who, 200, everyone));
    assertThat(call(who, HttpMethod.GET, "/api/v1/territories", null)).isEqualTo(expect(who, 200, everyone));
    assertThat(call(who, HttpMethod.GET, "/api/v1/openapi.yaml", null)).isEqualTo(expect(who, 200, everyone));
    assertThat(call(who, HttpMethod.GET, "/api/v1/professionals", null)).isEqualTo(expect(who, 200, everyone));
    assertThat(call(who, HttpMethod.GET, "/api/v1/professionals/" + professionalInThau, null))
        .isEqualTo(expect(who, 200, everyone));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Who.class)
  @DisplayName("directory writes: ADMIN and COORDINATOR only")
  void directoryWrites(Who who) {
    Who[] managers = {Who.ADMIN, Who.COORDINATOR};
    assertThat(call(who, HttpMethod.POST, "/api/v1/professionals", Fixtures::aGpInSete))
        .isEqualTo(expect(who, 201, managers));
    assertThat(call(who, HttpMethod.PATCH, "/api/v1/professionals/" + aNewProfessional(),
        () -> new JsonObject().put("mtCapacity", 1))).isEqualTo(expect(who, 200, managers));
    assertThat(call(who, HttpMethod.POST, "/api/v1/professionals/" + aNewProfessional() + "/sites",
        () -> new JsonObject().put("name", "Annexe").put("address", "3 rue").put("communeInsee", "34157")))
        .isEqualTo(expect(who, 201, managers));
    assertThat(call(who, HttpMethod.DELETE, "/api/v1/professionals/" + aNewProfessional(), null))
        .isEqualTo(expect(who, 204, managers));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Who.class)
  @DisplayName("accounts and audit: ADMIN and COORDINATOR only")
  void administration(Who who) {
    Who[] managers = {Who.ADMIN, Who.COORDINATOR};
    assertThat(call(who, HttpMethod.POST, "/api/v1/accounts", AccessMatrixTest::anOperatorAccount))
        .isEqualTo(expect(who, 201, managers));
    assertThat(call(who, HttpMethod.GET, "/api/v1/audit", null)).isEqualTo(expect(who, 200, managers));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Who.class)
  @DisplayName("notification journal: COORDINATOR and OPERATOR only; a professional's e-mail choice: them or a coordinator")
  void notifications(Who who) {
    assertThat(call(who, HttpMethod.GET, "/api/v1/notification-journal", null))
        .isEqualTo(expect(who, 200, Who.COORDINATOR, Who.OPERATOR));
    assertThat(call(who, HttpMethod.PUT, "/api/v1/professionals/" + professionalInThau + "/notification-settings",
        () -> new JsonObject().put("emailBookings", false)))
        .isEqualTo(expect(who, 200, Who.COORDINATOR, Who.PROFESSIONAL));
  }

  @Test
  @DisplayName("a coordinator of another territory gets 403 on this territory's professional")
  void otherTerritory() {
    String other = coordinatorOf("matrix-other-coordinator", BERANGE);
    String path = "/api/v1/professionals/" + professionalInThau;
    assertProblem(http.get(path, other), 403, "FORBIDDEN");
    assertProblem(http.patch(path, other, new JsonObject().put("mtCapacity", 0)), 403, "FORBIDDEN");
    assertProblem(http.delete(path, other), 403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/professionals", other, Fixtures.aGpInSete()), 403, "FORBIDDEN");
  }

  @Test
  @DisplayName("an unknown /api/v1 path needs a token first, then is 404; a wrong method is 405")
  void unknownRoutes() {
    assertProblem(http.get("/api/v1/nowhere", null), 401, "UNAUTHORIZED");
    assertProblem(http.get("/api/v1/nowhere", tokens.get(Who.ADMIN)), 404, "NOT_FOUND");
    assertProblem(http.send(HttpMethod.PUT, "/api/v1/territories", tokens.get(Who.ADMIN), null),
        405, "METHOD_NOT_ALLOWED");
  }
}
