package fr.aiguillage.console;

import fr.aiguillage.support.Fixtures;
import fr.aiguillage.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rota's world for the console tests: Thau's duty bands, months opened, GPs' answers, through the API. */
final class RotaScenario {

  static final String BASE = "/api/v1/rota/" + Fixtures.THAU;

  private final TestServer server;
  final TeamScenario team;

  RotaScenario(TestServer server) {
    this.server = server;
    this.team = new TeamScenario(server);
  }

  /** A weekday noon band (12:00–14:00, 4 patients) and a Saturday morning band, in the default sector. */
  void bands() {
    band(new JsonObject().put("label", "Midi").put("days", new JsonArray(List.of(1, 2, 3, 4, 5))).put("start", "12:00")
        .put("end", "14:00").put("capacity", 4).put("stepMinutes", 30));
    band(new JsonObject().put("label", "Samedi matin").put("days", new JsonArray(List.of(6))).put("start", "09:00")
        .put("end", "12:00"));
  }

  private void band(JsonObject body) {
    HttpResponse<Buffer> r = server.http.post(BASE + "/bands", team.coordinator, body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
  }

  /** A GP of Mèze, with a console account when a login is given; returns their id. */
  String gp(String familyName, String login) {
    JsonObject gp = team.gpInMeze(familyName);
    if (login != null) {
      team.accountFor(login, gp);
    }
    return gp.getString("id");
  }

  void open(String month, String deadline) {
    HttpResponse<Buffer> r = server.http.post(BASE + "/months", team.coordinator, new JsonObject().put("month", month)
        .put("deadline", deadline));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
  }

  /** The coordinator records a GP's answer: this many duties offered, nothing impossible. */
  void volunteer(String month, String professionalId, int offered) {
    HttpResponse<Buffer> r = server.http.send(HttpMethod.PUT, BASE + "/months/" + month + "/availability/"
        + professionalId, team.coordinator, new JsonObject().put("offered", offered).toBuffer());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
  }

  /** Puts the professional by hand on the first seat of this band on this day; returns the place id. */
  String hold(String month, String bandLabel, String day, String professionalId) {
    HttpResponse<Buffer> view = server.http.get(BASE + "/months/" + month, team.coordinator);
    String place = view.bodyAsJsonObject().getJsonArray("grid").stream().map(p -> (JsonObject) p)
        .filter(p -> bandLabel.equals(p.getString("bandLabel")) && day.equals(p.getString("day"))).findFirst()
        .orElseThrow().getString("placeId");
    HttpResponse<Buffer> r = server.http.send(HttpMethod.PUT, BASE + "/places/" + place, team.coordinator,
        new JsonObject().put("professionalId", professionalId).put("why", "volontaire du jour").toBuffer());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return place;
  }

  void proposeAndPublish(String month) {
    HttpResponse<Buffer> proposed = server.http.post(BASE + "/months/" + month + "/proposal", team.coordinator, null);
    assertThat(proposed.statusCode()).as(proposed.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> published = server.http.post(BASE + "/months/" + month + "/publication", team.coordinator, null);
    assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(204);
  }
}
