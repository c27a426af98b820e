package fr.aiguillage.push;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.aiguillage.push.PushScenario.ok;
import static fr.aiguillage.push.PushScenario.siteOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live streams of push requests over real HTTP: the professional's own ({@code /api/v1/me/push-requests/stream})
 * and the operators' ({@code /api/v1/calls/stream}, its push.* events). Radii 5 and 10 km from Sète: Sète is ring 1,
 * Villeveyrac (13.1 km) ring 3 only. Mauguio is in another territory. The ring job does not run by itself here.
 */
class PushStreamTest extends ApiTest {

  private static final String VILLEVEYRAC = "34341";

  private PushScenario thau;
  private PushScenario berange;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_PUSH_JOB_SECONDS", "3600", "AIGUILLAGE_PUSH_SECOND_RADIUS_KM", "10",
        "AIGUILLAGE_PUSH_SAME_DAY_RING_MINUTES", "10");
  }

  @BeforeAll
  void scene() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    thau = new PushScenario(server, "stream-thau");
    berange = new PushScenario(server, "stream-berange", Fixtures.BERANGE, Fixtures.MAUGUIO);
  }

  private SseReader proStream(String session, Long lastEventId) {
    return new SseReader(server, "/api/v1/me/push-requests/stream", session, lastEventId, e -> true);
  }

  private JsonObject accept(String session, JsonObject request, JsonObject gp) {
    String start = request.getString("createdAt").substring(0, 11) + "16:00:00+01:00";
    return ok(server.http.post("/api/v1/me/push-requests/" + request.getString("id") + "/accept", session,
        new JsonObject().put("start", start).put("siteId", siteOf(gp))), 201);
  }

  private JsonObject withdraw(PushScenario scenario, JsonObject request, String reason) {
    return ok(server.http.post("/api/v1/push-requests/" + request.getString("id") + "/withdraw", scenario.operator,
        new JsonObject().put("reason", reason)), 200);
  }

  @Test
  @DisplayName("a professional's stream brings a request addressed to them live, then its closing when another GP takes "
      + "it, with nothing about the patient; nothing of another territory nor of a ring that has not reached them")
  void professionalSeesOnlyTheirs() {
    JsonObject taker = thau.gp(Fixtures.SETE);
    JsonObject near = thau.gp(Fixtures.SETE);
    JsonObject far = thau.gp(VILLEVEYRAC);
    JsonObject elsewhere = berange.gp(Fixtures.MAUGUIO);
    String takerSession = thau.sessionOf(taker);
    try (SseReader nearStream = proStream(thau.sessionOf(near), null);
         SseReader farStream = proStream(thau.sessionOf(far), null);
         SseReader elsewhereStream = proStream(berange.sessionOf(elsewhere), null)) {
      JsonObject request = thau.send(thau.feverTriage(), null);
      assertThat(request.getInteger("currentRing")).isEqualTo(1);
      SseReader.Event asked = nearStream.next();
      assertThat(asked.type()).isEqualTo("push.asked");
      assertThat(asked.requestId()).isEqualTo(request.getString("id"));
      assertThat(asked.data().fieldNames()).containsExactlyInAnyOrder("id", "type", "at", "requestId", "status");
      assertThat(asked.data().encode()).doesNotContain("Patiente").doesNotContain("+33698").doesNotContain("1984");

      JsonObject other = berange.send(berange.feverTriage(), null);
      accept(takerSession, request, taker);
      SseReader.Event closed = nearStream.next();
      assertThat(closed.type()).isEqualTo("push.closed");
      assertThat(closed.requestId()).isEqualTo(request.getString("id"));
      assertThat(closed.data().getString("status")).isEqualTo("ACCEPTED");
      assertThat(ok(server.http.get("/api/v1/me/push-requests/" + request.getString("id"), thau.sessionOf(near)), 200)
          .getBoolean("closed")).isTrue();

      // The other territory's GP hears only of their own territory's request, first of all
      SseReader.Event theirs = elsewhereStream.next();
      assertThat(theirs.type()).isEqualTo("push.asked");
      assertThat(theirs.requestId()).isEqualTo(other.getString("id"));
      // The far GP's first event is a request naming them as médecin traitant, sent after all the above: the ring-1
      // request, its acceptance and the other territory's request never reached them
      JsonObject asMt = thau.send(thau.feverTriage(), far.getString("id"));
      SseReader.Event first = farStream.next();
      assertThat(first.type()).isEqualTo("push.asked");
      assertThat(first.requestId()).isEqualTo(asMt.getString("id"));
      // nor did the near GP hear of it (ring 0 is the médecin traitant alone): their next one is the withdrawal below
      withdraw(berange, other, "Le patient a trouvé un médecin");
      withdraw(thau, asMt, "Le patient a trouvé un médecin");
      assertThat(elsewhereStream.next().requestId()).isEqualTo(other.getString("id"));
      SseReader.Event farClosed = farStream.next();
      assertThat(farClosed.type()).isEqualTo("push.closed");
      assertThat(farClosed.data().getString("status")).isEqualTo("WITHDRAWN");
      JsonObject sentinel = thau.send(thau.feverTriage(), null);
      assertThat(nearStream.next().requestId()).isEqualTo(sentinel.getString("id"));
      withdraw(thau, sentinel, "Fin du test");
    }
  }

  @Test
  @DisplayName("a professional whose stream dropped resumes with Last-Event-ID: what they missed comes once and in "
      + "order, then the live events, nothing twice")
  void professionalResumes() {
    JsonObject gp = thau.gp(Fixtures.SETE);
    String session = thau.sessionOf(gp);
    long lastSeen;
    JsonObject first;
    try (SseReader stream = proStream(session, null)) {
      first = thau.send(thau.feverTriage(), null);
      SseReader.Event asked = stream.next();
      assertThat(asked.requestId()).isEqualTo(first.getString("id"));
      lastSeen = asked.id();
    }
    // while disconnected: a second request, and the first one withdrawn
    JsonObject second = thau.send(thau.feverTriage(), null);
    withdraw(thau, first, "Le patient a trouvé un médecin");
    try (SseReader resumed = proStream(session, lastSeen)) {
      JsonObject third = thau.send(thau.feverTriage(), null);
      List<String> seen = new ArrayList<>();
      SseReader.Event e;
      do {
        e = resumed.next();
        seen.add(e.type() + " " + e.requestId());
      } while (!e.requestId().equals(third.getString("id")));
      assertThat(seen).containsExactly("push.asked " + second.getString("id"), "push.closed " + first.getString("id"),
          "push.asked " + third.getString("id"));
      withdraw(thau, second, "Fin du test");
      withdraw(thau, third, "Fin du test");
      SseReader.Event after = resumed.next();
      assertThat(after.type() + " " + after.requestId()).isEqualTo("push.closed " + second.getString("id"));
    }
  }

  @Test
  @DisplayName("the operators' stream tells who was asked, who saw, who declined and why, the widening, who accepted "
      + "and the withdrawal; nothing of another territory's requests")
  void operatorsFollowLive() {
    JsonObject decliner = thau.gp(Fixtures.SETE);
    JsonObject taker = thau.gp(Fixtures.SETE);
    JsonObject far = thau.gp(VILLEVEYRAC);
    String declinerSession = thau.sessionOf(decliner);
    String otherId;
    String id;
    try (SseReader ops = new SseReader(server, "/api/v1/calls/stream", thau.operator, null,
        e -> e.type().startsWith("push."))) {
      otherId = berange.send(berange.feverTriage(), null).getString("id");
      JsonObject request = thau.send(thau.feverTriage(), null);
      id = request.getString("id");

      SseReader.Event sent = ops.until(e -> e.type().equals("push.sent") && id.equals(e.requestId()));
      assertThat(sent.payload().getString("sentBy")).isNotNull();
      assertThat(sent.data().getString("territoryId")).isEqualTo(Fixtures.THAU);
      SseReader.Event asked = ops.until(e -> e.type().equals("push.asked") && id.equals(e.requestId()));
      assertThat(asked.payload().getInteger("ring")).isEqualTo(1);
      assertThat(asked.payload().getJsonArray("professionalIds").getList())
          .contains(decliner.getString("id"), taker.getString("id")).doesNotContain(far.getString("id"));

      ok(server.http.get("/api/v1/me/push-requests/" + id, declinerSession), 200);
      SseReader.Event seen = ops.until(e -> e.type().equals("push.seen"));
      assertThat(seen.requestId()).isEqualTo(id);
      assertThat(seen.payload().getString("professionalId")).isEqualTo(decliner.getString("id"));

      assertThat(server.http.post("/api/v1/me/push-requests/" + id + "/decline", declinerSession,
          new JsonObject().put("reason", "Consultations complètes")).statusCode()).isEqualTo(204);
      SseReader.Event declined = ops.until(e -> e.type().equals("push.declined"));
      assertThat(declined.payload().getString("professionalId")).isEqualTo(decliner.getString("id"));
      assertThat(declined.payload().getString("reason")).isEqualTo("Consultations complètes");

      ok(server.http.post("/api/v1/push-requests/" + id + "/widen", thau.operator, new JsonObject()), 200);
      SseReader.Event widerAsked = ops.until(e -> e.type().equals("push.asked") && id.equals(e.requestId()));
      assertThat(widerAsked.payload().getInteger("ring")).isGreaterThanOrEqualTo(2);
      SseReader.Event widened = ops.until(e -> e.type().equals("push.widened"));
      assertThat(widened.requestId()).isEqualTo(id);
      assertThat(widened.payload().getInteger("ring")).isEqualTo(widerAsked.payload().getInteger("ring"));

      JsonObject accepted = accept(thau.sessionOf(taker), request, taker);
      SseReader.Event acceptance = ops.until(e -> e.type().equals("push.accepted"));
      assertThat(acceptance.requestId()).isEqualTo(id);
      assertThat(acceptance.payload().getString("professionalId")).isEqualTo(taker.getString("id"));
      assertThat(acceptance.payload().getString("appointmentId")).isEqualTo(accepted.getString("appointmentId"));

      JsonObject later = thau.send(thau.feverTriage(), null);
      withdraw(thau, later, "Le patient a trouvé un médecin");
      SseReader.Event withdrawn = ops.until(e -> e.type().equals("push.withdrawn"));
      assertThat(withdrawn.requestId()).isEqualTo(later.getString("id"));
      assertThat(withdrawn.payload().getString("reason")).isEqualTo("Le patient a trouvé un médecin");

      withdraw(berange, new JsonObject().put("id", otherId), "Fin du test");
      JsonObject sentinel = thau.send(thau.feverTriage(), null);
      ops.until(e -> e.type().equals("push.sent") && sentinel.getString("id").equals(e.requestId()));
      assertThat(ops.received()).allSatisfy(e -> assertThat(e.data().getString("territoryId")).isEqualTo(Fixtures.THAU));
      assertThat(ops.received()).noneMatch(e -> otherId.equals(e.requestId()));
      withdraw(thau, sentinel, "Fin du test");
    }
  }
}
