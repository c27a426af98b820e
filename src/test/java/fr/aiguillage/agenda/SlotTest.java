package fr.aiguillage.agenda;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlotTest extends ApiTest {

  // The test clock is pinned at 2026-11-23T09:00Z; "tomorrow" below is 2026-11-24, Paris is UTC+1.
  private String coordinator;

  @BeforeAll
  void coordinator() {
    coordinator = coordinatorOf("slot-coordinator", Fixtures.THAU);
  }

  private JsonObject aGpWithTwoSites() {
    JsonObject body = Fixtures.aGpInSete();
    body.getJsonArray("sites").add(new JsonObject().put("name", "Annexe").put("address", "5 rue du test")
        .put("communeInsee", "34108"));
    return createProfessional(body);
  }

  private static JsonObject slot(String siteId, String start, String end) {
    return new JsonObject().put("siteId", siteId).put("kind", "SNP").put("start", start).put("end", end);
  }

  private static String site(JsonObject professional, int index) {
    return professional.getJsonArray("sites").getJsonObject(index).getString("id");
  }

  private HttpResponse<Buffer> create(JsonObject professional, JsonObject slot) {
    return http.post("/api/v1/professionals/" + professional.getString("id") + "/slots", coordinator, slot);
  }

  @Test
  @DisplayName("a slot is created free, answered in Paris time, and listed")
  void created() {
    JsonObject gp = aGpWithTwoSites();
    var response = create(gp, slot(site(gp, 0), "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject created = response.bodyAsJsonObject();
    assertThat(created.getString("status")).isEqualTo("free");
    assertThat(created.getString("start")).isEqualTo("2026-11-24T09:00:00+01:00");
    assertThat(created.getString("source")).isEqualTo("MANUAL");
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/slots/" + created.getString("id"));
    JsonArray listed = http.get("/api/v1/professionals/" + gp.getString("id") + "/slots", coordinator)
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("id")).isEqualTo(created.getString("id"));
  }

  @Test
  @DisplayName("an overlapping slot, even at another site, is refused with 409 SLOT_OVERLAP naming the slot in the way")
  void overlapRefused() {
    JsonObject gp = aGpWithTwoSites();
    String first = create(gp, slot(site(gp, 0), "2026-11-24T10:00:00+01:00", "2026-11-24T10:30:00+01:00"))
        .bodyAsJsonObject().getString("id");
    JsonObject problem = assertProblem(create(gp, slot(site(gp, 1), "2026-11-24T10:15:00+01:00",
        "2026-11-24T10:45:00+01:00")), 409, "SLOT_OVERLAP");
    assertThat(problem.getString("conflictingSlotId")).isEqualTo(first);
    assertThat(problem.getString("detail")).contains(first);
    assertThat(create(gp, slot(site(gp, 1), "2026-11-24T10:30:00+01:00", "2026-11-24T11:00:00+01:00"))
        .statusCode()).as("adjacent slots touch but do not overlap").isEqualTo(201);
  }

  @Test
  @DisplayName("ten concurrent creations of overlapping slots: exactly one wins, the others get SLOT_OVERLAP")
  void concurrentOverlap() {
    JsonObject gp = aGpWithTwoSites();
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(10));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String start = String.format("2026-11-25T09:%02d:00+01:00", i);
      calls.add(client.post("/api/v1/professionals/" + gp.getString("id") + "/slots").bearerTokenAuthentication(
          coordinator).sendJsonObject(slot(site(gp, i % 2), start, "2026-11-25T09:30:00+01:00")));
    }
    Await.result(Future.join(calls));
    List<Integer> statuses = calls.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    assertThat(server.count("SELECT count(*) FROM slot WHERE professional_id = '" + gp.getString("id")
        + "' AND status <> 'cancelled'")).isEqualTo(1);
  }

  @Test
  @DisplayName("start before end, 5 minutes to 12 hours, not in the past, with an offset, at the professional's own site")
  void validation() {
    JsonObject gp = aGpWithTwoSites();
    String s = site(gp, 0);
    assertInvalidField(create(gp, slot(s, "2026-11-24T10:00:00+01:00", "2026-11-24T09:00:00+01:00")), "end");
    assertInvalidField(create(gp, slot(s, "2026-11-24T10:00:00+01:00", "2026-11-24T10:04:00+01:00")), "end");
    assertInvalidField(create(gp, slot(s, "2026-11-24T08:00:00+01:00", "2026-11-24T20:01:00+01:00")), "end");
    assertInvalidField(create(gp, slot(s, "2026-11-22T10:00:00+01:00", "2026-11-22T10:20:00+01:00")), "start");
    assertInvalidField(create(gp, slot(s, "2026-11-24T10:00:00", "2026-11-24T10:20:00+01:00")), "start");
    JsonObject other = createProfessional(Fixtures.aGpInSete());
    assertInvalidField(create(gp, slot(site(other, 0), "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00")),
        "siteId");
    assertInvalidField(create(gp, slot(s, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00")
        .put("kind", "URGENT")), "kind");
  }

  @Test
  @DisplayName("a free slot can be blocked, freed and cancelled; cancelling frees its time for a new slot")
  void blockFreeCancel() {
    JsonObject gp = aGpWithTwoSites();
    String id = create(gp, slot(site(gp, 0), "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00"))
        .bodyAsJsonObject().getString("id");
    var blocked = http.patch("/api/v1/slots/" + id, coordinator, new JsonObject().put("status", "blocked"));
    assertThat(blocked.bodyAsJsonObject().getString("status")).isEqualTo("blocked");
    var freed = http.patch("/api/v1/slots/" + id, coordinator, new JsonObject().put("status", "free"));
    assertThat(freed.bodyAsJsonObject().getString("status")).isEqualTo("free");
    assertInvalidField(http.patch("/api/v1/slots/" + id, coordinator, new JsonObject().put("status", "booked")),
        "status");
    assertThat(http.delete("/api/v1/slots/" + id, coordinator).statusCode()).isEqualTo(204);
    assertThat(http.delete("/api/v1/slots/" + id, coordinator).statusCode()).isEqualTo(204);
    assertProblem(http.patch("/api/v1/slots/" + id, coordinator, new JsonObject().put("status", "free")),
        409, "SLOT_CANCELLED");
    assertThat(create(gp, slot(site(gp, 0), "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00"))
        .statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("a booked slot can be neither blocked nor deleted: 409 SLOT_BOOKED")
  void bookedIsProtected() {
    JsonObject gp = aGpWithTwoSites();
    String id = create(gp, slot(site(gp, 0), "2026-11-24T12:00:00+01:00", "2026-11-24T12:20:00+01:00"))
        .bodyAsJsonObject().getString("id");
    server.execute("UPDATE slot SET status = 'booked' WHERE id = '" + id + "'");
    assertProblem(http.patch("/api/v1/slots/" + id, coordinator, new JsonObject().put("status", "blocked")),
        409, "SLOT_BOOKED");
    assertProblem(http.delete("/api/v1/slots/" + id, coordinator), 409, "SLOT_BOOKED");
    assertProblem(http.delete("/api/v1/slots/00000000-0000-0000-0000-000000000000", coordinator), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("the listing filters by period, status and kind")
  void listingFilters() {
    JsonObject gp = aGpWithTwoSites();
    String path = "/api/v1/professionals/" + gp.getString("id") + "/slots";
    create(gp, slot(site(gp, 0), "2026-11-24T14:00:00+01:00", "2026-11-24T14:20:00+01:00"));
    create(gp, slot(site(gp, 0), "2026-11-26T14:00:00+01:00", "2026-11-26T14:20:00+01:00").put("kind", "PRO"));
    assertThat(http.get(path + "?kind=PRO", coordinator).bodyAsJsonObject().getJsonArray("items")).hasSize(1);
    assertThat(http.get(path + "?to=2026-11-25T00:00:00%2B01:00", coordinator).bodyAsJsonObject()
        .getJsonArray("items")).hasSize(1);
    assertThat(http.get(path + "?status=blocked", coordinator).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    assertInvalidField(http.get(path + "?status=maybe", coordinator), "status");
    assertInvalidField(http.get(path + "?from=2026-11-24T00:00:00%2B01:00&to=2027-11-24T00:00:00%2B01:00",
        coordinator), "to");
  }
}
