package fr.aiguillage.ical;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds fetched over HTTP and parsed back with ical4j. */
class CalendarFeedTest extends ApiTest {

  private String coordinator;
  private String operator;
  private BookingScenario scenario;

  @BeforeAll
  void accounts() {
    coordinatorOf("feed-coordinator", Fixtures.THAU);
    server.tokenFor("feed-operator", List.of("OPERATOR"), List.of(Fixtures.THAU), null);
  }

  private void now(String instant) {
    server.clock.set(Instant.parse(instant));
    coordinator = http.login("feed-coordinator", "password-of-feed-coordinator");
    operator = http.login("feed-operator", "password-of-feed-operator");
    scenario = new BookingScenario(server, coordinator);
  }

  private String feedPath(JsonObject gp) {
    var issued = http.post("/api/v1/professionals/" + gp.getString("id") + "/calendar-feed", coordinator, null);
    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
    String url = issued.bodyAsJsonObject().getString("url");
    assertThat(url).matches(".*/ical/[A-Za-z0-9_-]{43}\\.ics");
    return URI.create(url).getPath();
  }

  private String book(JsonObject gp, String start, String end) {
    String slot = scenario.slot(gp, start, end);
    String patient = scenario.patient(Fixtures.aPatientInSete());
    var booked = http.post("/api/v1/appointments", operator, BookingScenario.booking(slot, patient));
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    return booked.bodyAsJsonObject().getString("id");
  }

  private static Calendar parse(HttpResponse<Buffer> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    return new CalendarBuilder().build(new StringReader(response.bodyAsString()));
  }

  private static VEvent event(Calendar calendar, String appointmentId) {
    return calendar.<VEvent>getComponents(Component.VEVENT).stream()
        .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(appointmentId + "@aiguillage"))
        .findFirst().orElseThrow();
  }

  private static String prop(Component c, String name) {
    return c.getProperty(name).map(Property::getValue).orElse(null);
  }

  private static String prop(Calendar c, String name) {
    return c.getProperty(name).map(Property::getValue).orElse(null);
  }

  @Test
  @DisplayName("the feed is RFC 5545 with Europe/Paris times on both sides of the March 2027 DST change")
  void springDst() throws Exception {
    now("2027-03-20T08:00:00Z");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String before = book(gp, "2027-03-27T09:00:00+01:00", "2027-03-27T09:20:00+01:00");
    String after = book(gp, "2027-03-29T09:00:00+02:00", "2027-03-29T09:20:00+02:00");
    Calendar calendar = parse(http.get(feedPath(gp), null));
    assertThat(prop(calendar, "METHOD")).isEqualTo("PUBLISH");
    assertThat(prop(calendar, "VERSION")).isEqualTo("2.0");
    assertThat(prop(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
    assertThat(prop(calendar, "PRODID")).isNotBlank();
    assertThat(prop(calendar, "X-WR-CALNAME")).contains("CPTS");
    assertThat(prop(calendar, "REFRESH-INTERVAL")).isEqualTo("PT15M");
    assertThat(prop(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT15M");
    assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
    VEvent winter = event(calendar, before);
    VEvent summer = event(calendar, after);
    assertThat(winter.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("Europe/Paris");
    assertThat(prop(winter, "DTSTART")).isEqualTo("20270327T090000");
    assertThat(prop(summer, "DTSTART")).isEqualTo("20270329T090000");
    assertThat(prop(summer, "DTEND")).isEqualTo("20270329T092000");
    assertThat(prop(summer, "STATUS")).isEqualTo("CONFIRMED");
    assertThat(prop(summer, "SEQUENCE")).isEqualTo("0");
    assertThat(prop(summer, "DTSTAMP")).isNotBlank();
    assertThat(prop(summer, "LOCATION")).contains("Cabinet du port");
    assertThat(prop(summer, "SUMMARY")).isEqualTo("Soins non programmés — orienté par la CPTS");
    assertThat(prop(summer, "DESCRIPTION")).contains("Réf.").doesNotContain("Patiente").doesNotContain("+33");
  }

  @Test
  @DisplayName("October 2027: 09:00 local both sides; a cancellation stays in the feed, CANCELLED, with a higher SEQUENCE")
  void autumnDstAndCancellation() throws Exception {
    now("2027-10-25T08:00:00Z");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String sunday = book(gp, "2027-10-30T09:00:00+02:00", "2027-10-30T09:20:00+02:00");
    String monday = book(gp, "2027-11-01T09:00:00+01:00", "2027-11-01T09:20:00+01:00");
    String path = feedPath(gp);
    Calendar first = parse(http.get(path, null));
    assertThat(prop(event(first, sunday), "DTSTART")).isEqualTo("20271030T090000");
    assertThat(prop(event(first, monday), "DTSTART")).isEqualTo("20271101T090000");
    http.post("/api/v1/appointments/" + monday + "/cancel", operator, new JsonObject().put("reason", "empêchement"));
    VEvent cancelled = event(parse(http.get(path, null)), monday);
    assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
    assertThat(Integer.parseInt(prop(cancelled, "SEQUENCE"))).isGreaterThan(0);
  }

  @Test
  @DisplayName("ETag and Last-Modified give 304 until something changes; rotation kills the old URL; revoke too")
  void conditionalAndRotation() {
    now("2026-11-23T09:00:00Z");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    book(gp, "2026-11-24T09:00:00+01:00", "2026-11-24T09:20:00+01:00");
    String path = feedPath(gp);
    var first = http.get(path, null);
    String etag = first.getHeader("ETag");
    assertThat(etag).isNotBlank();
    assertThat(first.getHeader("Last-Modified")).isNotBlank();
    assertThat(http.send(HttpMethod.GET, path, null, null, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(http.send(HttpMethod.GET, path, null, null, "If-Modified-Since", first.getHeader("Last-Modified"))
        .statusCode()).isEqualTo(304);
    book(gp, "2026-11-24T10:00:00+01:00", "2026-11-24T10:20:00+01:00");
    var changed = http.send(HttpMethod.GET, path, null, null, "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);

    String rotated = feedPath(gp);
    assertThat(rotated).isNotEqualTo(path);
    assertThat(http.get(path, null).statusCode()).isEqualTo(404);
    assertThat(http.get(rotated, null).statusCode()).isEqualTo(200);
    assertThat(http.delete("/api/v1/professionals/" + gp.getString("id") + "/calendar-feed", coordinator).statusCode())
        .isEqualTo(204);
    var revoked = http.get(rotated, null);
    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(revoked.bodyAsString()).doesNotContain(gp.getString("id"));
    assertThat(http.get("/ical/unknown-token.ics", null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("privacy: no identity by default, initials or name and phone when chosen (audited); free slots on request")
  void privacyAndFreeSlots() throws Exception {
    now("2026-11-23T09:00:00Z");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String id = book(gp, "2026-11-25T09:00:00+01:00", "2026-11-25T09:20:00+01:00");
    scenario.slot(gp, "2026-11-25T10:00:00+01:00", "2026-11-25T10:20:00+01:00");
    String path = feedPath(gp);
    String settings = "/api/v1/professionals/" + gp.getString("id") + "/calendar-settings";
    assertThat(prop(event(parse(http.get(path, null)), id), "SUMMARY")).doesNotContain("Z.").doesNotContain("Zoé");
    assertThat(http.get(settings, coordinator).bodyAsJsonObject().getString("privacy")).isEqualTo("none");
    assertThat(http.send(HttpMethod.PUT, settings, coordinator, new JsonObject().put("privacy", "initials")
        .toBuffer()).statusCode()).isEqualTo(200);
    JsonObject current = http.get(settings, coordinator).bodyAsJsonObject();
    assertThat(current.getString("privacy")).isEqualTo("initials");
    assertThat(current.getBoolean("showFreeSlots")).isFalse();
    assertThat(prop(event(parse(http.get(path, null)), id), "SUMMARY")).endsWith("Z. P.");
    http.send(HttpMethod.PUT, settings, coordinator, new JsonObject().put("privacy", "full").put("showFreeSlots", true)
        .toBuffer());
    Calendar full = parse(http.get(path, null));
    assertThat(prop(event(full, id), "SUMMARY")).contains("Zoé Patiente").contains("+33698765432");
    VEvent free = full.<VEvent>getComponents(Component.VEVENT).stream()
        .filter(e -> "TRANSPARENT".equals(prop(e, "TRANSP"))).findFirst().orElseThrow();
    assertThat(prop(free, "DTSTART")).isEqualTo("20261125T100000");
    List<String> actions = http.get("/api/v1/audit?limit=500", server.adminToken()).bodyAsJsonObject()
        .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("action")).toList();
    assertThat(actions).contains("calendar.settings", "calendar.feed.read");
    assertInvalidField(http.send(HttpMethod.PUT, settings, coordinator, new JsonObject().put("privacy", "everything")
        .toBuffer()), "privacy");
  }

  @Test
  @DisplayName("the professional issues their own feed; others may not; a token is limited to 30 requests a minute")
  void ownFeedAndRateLimit() {
    now("2026-11-23T09:00:00Z");
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    JsonObject other = scenario.professional(Fixtures.aGpInSete());
    String self = server.tokenFor("feed-gp-" + System.nanoTime() % 100000, List.of("PROFESSIONAL"),
        List.of(Fixtures.THAU), gp.getString("id"));
    var own = http.post("/api/v1/professionals/" + gp.getString("id") + "/calendar-feed", self, null);
    assertThat(own.statusCode()).isEqualTo(201);
    assertProblem(http.post("/api/v1/professionals/" + other.getString("id") + "/calendar-feed", self, null),
        403, "FORBIDDEN");
    assertProblem(http.post("/api/v1/professionals/" + gp.getString("id") + "/calendar-feed", operator, null),
        403, "FORBIDDEN");
    String path = URI.create(own.bodyAsJsonObject().getString("url")).getPath();
    int limited = 0;
    for (int i = 0; i < 31; i++) {
      limited += http.get(path, null).statusCode() == 429 ? 1 : 0;
    }
    assertThat(limited).isEqualTo(1);
  }
}
