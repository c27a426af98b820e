package fr.aiguillage.rota;

import fr.aiguillage.support.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.List;

import static fr.aiguillage.support.Fixtures.THAU;
import static org.assertj.core.api.Assertions.assertThat;

/** A published rota month of the Thau territory set up through the API, places held by hand. */
public final class RotaScene {

  public static final String BASE = "/api/v1/rota/" + THAU;

  private final Http http;
  private final String coordinator;

  public RotaScene(Http http, String coordinator) {
    this.http = http;
    this.coordinator = coordinator;
  }

  public String coordinator() {
    return coordinator;
  }

  /** A weekday band of the default sector; returns its id. */
  public String band(String label, String start, String end, int capacity, int stepMinutes) {
    return created(http.post(BASE + "/bands", coordinator, new JsonObject().put("label", label)
        .put("days", new JsonArray(List.of(1, 2, 3, 4, 5))).put("start", start).put("end", end)
        .put("capacity", capacity).put("stepMinutes", stepMinutes))).getString("id");
  }

  /** Opens, proposes (nobody volunteered: all gaps) and publishes the month. */
  public void publish(String month) {
    created(http.post(BASE + "/months", coordinator, new JsonObject().put("month", month)
        .put("deadline", "2030-01-01T00:00:00+01:00")));
    ok(http.post(BASE + "/months/" + month + "/proposal", coordinator, null));
    assertThat(http.post(BASE + "/months/" + month + "/publication", coordinator, null).statusCode()).isEqualTo(204);
  }

  /** The place of the band on the day (first seat). */
  public String place(String month, String bandId, String day) {
    return grid(month).stream().filter(p -> bandId.equals(p.getString("bandId")) && day.equals(p.getString("day")))
        .findFirst().orElseThrow().getString("placeId");
  }

  public List<JsonObject> grid(String month) {
    return ok(http.get(BASE + "/months/" + month, coordinator)).getJsonArray("grid").stream()
        .map(p -> (JsonObject) p).toList();
  }

  /** Puts the professional on the place by hand. */
  public void hold(String placeId, String professionalId) {
    ok(assign(placeId, professionalId));
  }

  public HttpResponse<Buffer> assign(String placeId, String professionalId) {
    return http.send(HttpMethod.PUT, BASE + "/places/" + placeId, coordinator,
        new JsonObject().put("professionalId", professionalId).put("why", "volontaire").toBuffer());
  }

  public static JsonObject created(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  public static JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }
}
