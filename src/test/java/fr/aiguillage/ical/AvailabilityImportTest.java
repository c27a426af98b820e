package fr.aiguillage.ical;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Availability published from iCalendar: an upload, a re-import, and a subscription to a local server. */
class AvailabilityImportTest extends ApiTest {

  /** The test's calendar server is plain http on localhost, which the setting must allow. */
  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_ICAL_SUBSCRIPTION_HTTP_HOSTS", "localhost");
  }

  /**
   * Tuesdays 14:00–15:00 (Paris) marked SNP from 24 November 2026: 1 December is excluded (EXDATE) and the
   * 8 December occurrence moves to 16:00–17:00 (RECURRENCE-ID). A second event without marker is ignored.
   */
  static final String WEEKLY = String.join("\r\n",
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Cabinet//FR",
      "BEGIN:VEVENT", "UID:snp-tuesday@cabinet", "DTSTAMP:20261120T080000Z", "SUMMARY:Créneaux SNP",
      "DTSTART;TZID=Europe/Paris:20261124T140000", "DTEND;TZID=Europe/Paris:20261124T150000",
      "RRULE:FREQ=WEEKLY;BYDAY=TU", "EXDATE;TZID=Europe/Paris:20261201T140000", "END:VEVENT",
      "BEGIN:VEVENT", "UID:snp-tuesday@cabinet", "DTSTAMP:20261120T080000Z", "SUMMARY:Créneaux SNP",
      "RECURRENCE-ID;TZID=Europe/Paris:20261208T140000",
      "DTSTART;TZID=Europe/Paris:20261208T160000", "DTEND;TZID=Europe/Paris:20261208T170000", "END:VEVENT",
      "BEGIN:VEVENT", "UID:dentist@perso", "DTSTAMP:20261120T080000Z", "SUMMARY:Dentiste (personnel)",
      "DTSTART;TZID=Europe/Paris:20261125T090000", "DTEND;TZID=Europe/Paris:20261125T100000", "END:VEVENT",
      "END:VCALENDAR", "");

  private String coordinator;
  private BookingScenario scenario;

  @BeforeAll
  void accounts() {
    server.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    coordinator = coordinatorOf("import-coordinator", Fixtures.THAU);
    scenario = new BookingScenario(server, coordinator);
  }

  private HttpResponse<Buffer> upload(JsonObject gp, String text, int minutes) {
    String site = gp.getJsonArray("sites").getJsonObject(0).getString("id");
    return http.send(HttpMethod.POST, "/api/v1/professionals/" + gp.getString("id") + "/availability/import?siteId="
        + site + "&slotMinutes=" + minutes, coordinator, Buffer.buffer(text), "Content-Type", "text/calendar");
  }

  private List<String> starts(JsonObject gp) {
    return http.get("/api/v1/professionals/" + gp.getString("id") + "/slots?status=free", coordinator)
        .bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("start")).toList();
  }

  @Test
  @DisplayName("a weekly RRULE with an EXDATE and a moved occurrence becomes the right slots; re-importing replaces them")
  void roundTrip() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    var first = upload(gp, WEEKLY, 30);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
    JsonObject result = first.bodyAsJsonObject();
    // 24 Nov, 8 Dec (moved), 15 Dec: two 30-minute slots each, within the 28-day horizon.
    assertThat(result.getInteger("created")).isEqualTo(6);
    assertThat(result.getInteger("ignored")).isEqualTo(1);
    assertThat(starts(gp)).containsExactly("2026-11-24T14:00:00+01:00", "2026-11-24T14:30:00+01:00",
        "2026-12-08T16:00:00+01:00", "2026-12-08T16:30:00+01:00", "2026-12-15T14:00:00+01:00",
        "2026-12-15T14:30:00+01:00");

    String booked = http.get("/api/v1/professionals/" + gp.getString("id") + "/slots", coordinator).bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    server.execute("UPDATE slot SET status = 'booked' WHERE id = '" + booked + "'");
    var again = upload(gp, WEEKLY, 30).bodyAsJsonObject();
    assertThat(again.getInteger("removed")).isEqualTo(5);
    assertThat(again.getInteger("kept")).isEqualTo(1);
    assertThat(again.getInteger("created")).isEqualTo(5);
    assertThat(again.getJsonArray("overlapsRefused")).hasSize(1);
    assertThat(starts(gp)).hasSize(5);
  }

  @Test
  @DisplayName("a broken calendar is a 400 naming the parser's line; a wrong content type is refused")
  void badCalendar() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    var bad = upload(gp, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Paris:notadate\r\n", 20);
    assertInvalidField(bad, "body");
    assertThat(bad.bodyAsJsonObject().getString("detail")).contains("line");
    String site = gp.getJsonArray("sites").getJsonObject(0).getString("id");
    assertInvalidField(http.send(HttpMethod.POST, "/api/v1/professionals/" + gp.getString("id")
        + "/availability/import?siteId=" + site, coordinator, Buffer.buffer(WEEKLY), "Content-Type", "text/plain"),
        "Content-Type");
  }

  @Test
  @DisplayName("a subscribed calendar is fetched from its URL and imported; a failing URL is recorded, not fatal")
  void subscription() {
    HttpServer calendars = Await.result(server.vertx.createHttpServer().requestHandler(req -> {
      if (req.path().equals("/agenda.ics")) {
        req.response().putHeader("Content-Type", "text/calendar").end(WEEKLY);
      } else if (req.path().equals("/huge.ics")) {
        req.response().setChunked(true);
        for (int i = 0; i < 3; i++) {
          req.response().write(Buffer.buffer(new byte[1024 * 1024]));
        }
        req.response().end();
      } else {
        req.response().setStatusCode(500).end();
      }
    }).listen(0));
    try {
      JsonObject gp = scenario.professional(Fixtures.aGpInSete());
      String base = "http://localhost:" + calendars.actualPort();
      String path = "/api/v1/professionals/" + gp.getString("id") + "/availability/subscription";
      JsonObject body = new JsonObject().put("url", base + "/agenda.ics")
          .put("siteId", gp.getJsonArray("sites").getJsonObject(0).getString("id")).put("slotMinutes", 60);
      var ok = http.send(HttpMethod.PUT, path, coordinator, body.toBuffer());
      assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
      assertThat(ok.bodyAsJsonObject().getString("lastStatus")).isEqualTo("OK");
      assertThat(starts(gp)).hasSize(3);

      var broken = http.send(HttpMethod.PUT, path, coordinator, body.put("url", base + "/missing.ics").toBuffer());
      assertThat(broken.bodyAsJsonObject().getString("lastStatus")).isEqualTo("FAILED");
      assertThat(broken.bodyAsJsonObject().getString("lastError")).contains("500");
      var huge = http.send(HttpMethod.PUT, path, coordinator, body.put("url", base + "/huge.ics").toBuffer());
      assertThat(huge.bodyAsJsonObject().getString("lastError")).contains("2 MiB");
      assertThat(http.get(path, coordinator).bodyAsJsonObject().getString("lastStatus")).isEqualTo("FAILED");
      assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
      assertInvalidField(http.send(HttpMethod.PUT, path, coordinator, body.put("url", "ftp://x/y.ics").toBuffer()),
          "url");
    } finally {
      Await.result(calendars.close());
    }
  }
}
