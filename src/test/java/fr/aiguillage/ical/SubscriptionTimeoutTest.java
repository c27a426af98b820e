package fr.aiguillage.ical;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscribed calendar that never finishes: the fetch deadline (10 s, shortened to 1 s here) abandons it. */
class SubscriptionTimeoutTest extends ApiTest {

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_ICAL_FETCH_TIMEOUT_SECONDS", "1", "AIGUILLAGE_ICAL_SUBSCRIPTION_HTTP_HOSTS", "localhost");
  }

  @Test
  @DisplayName("a calendar server that trickles its answer is abandoned at the deadline and the failure recorded")
  void slowCalendarIsAbandoned() {
    // One byte every 200 ms: never idle long enough for an idle timeout, never done before the deadline.
    HttpServer trickle = Await.result(server.vertx.createHttpServer().requestHandler(req -> {
      req.response().setChunked(true).putHeader("Content-Type", "text/calendar");
      long timer = server.vertx.setPeriodic(200, id -> req.response().write("B"));
      req.connection().closeHandler(v -> server.vertx.cancelTimer(timer));
    }).listen(0));
    try {
      String coordinator = coordinatorOf("slow-coordinator", Fixtures.THAU);
      JsonObject gp = new BookingScenario(server, coordinator).professional(Fixtures.aGpInSete());
      String path = "/api/v1/professionals/" + gp.getString("id") + "/availability/subscription";
      JsonObject body = new JsonObject().put("url", "http://localhost:" + trickle.actualPort() + "/slow.ics")
          .put("siteId", gp.getJsonArray("sites").getJsonObject(0).getString("id")).put("slotMinutes", 60);
      var answer = http.send(HttpMethod.PUT, path, coordinator, body.toBuffer());
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
      assertThat(answer.bodyAsJsonObject().getString("lastStatus")).isEqualTo("FAILED");
      assertThat(answer.bodyAsJsonObject().getString("lastError")).isEqualTo("fetch slower than 1 s, abandoned");
      assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
    } finally {
      Await.result(trickle.close());
    }
  }
}
