package fr.aiguillage.indicators;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/indicators.csv read back with commons-csv, and who may read which territory's figures. */
class IndicatorsExportTest extends ApiTest {

  private static final String RANGE = "from=2026-11-23&to=2026-11-24&granularity=day";
  private static final String THAU_CSV = "/api/v1/indicators.csv?territory=bassin-de-thau&" + RANGE;

  private ScriptedDay day;

  @Override
  protected Map<String, String> settings() {
    return Map.of("AIGUILLAGE_AUTH_TOKEN_HOURS", "2000");
  }

  @BeforeAll
  void playTheDay() {
    day = new ScriptedDay(server).play();
  }

  /** The records of a CSV answer, after checking and removing its byte-order mark. */
  private static List<CSVRecord> records(HttpResponse<Buffer> response, char separator) throws IOException {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    byte[] bytes = response.body().getBytes();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      assertThat(parser.getHeaderNames()).containsExactly("période", "début", "fin", "code", "indicateur", "détail",
          "valeur");
      return parser.getRecords();
    }
  }

  private static String value(List<CSVRecord> records, String period, String code, String detail) {
    return records.stream().filter(r -> r.get("période").equals(period) && r.get("code").equals(code)
            && r.get("détail").equals(detail)).map(r -> r.get("valeur")).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + period + " " + code + " " + detail));
  }

  @Test
  @DisplayName("the CSV is UTF-8 with BOM, ';' and decimal commas, one line per period, figure and detail")
  void frenchSpreadsheet() throws IOException {
    HttpResponse<Buffer> response = http.get(THAU_CSV, day.coordinator);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"indicateurs-");
    List<CSVRecord> records = records(response, ';');
    assertThat(value(records, "2026-11-23", "calls.received", "")).isEqualTo("7");
    assertThat(value(records, "2026-11-23", "calls.answeredWithin20sShare", "")).isEqualTo("42,9");
    assertThat(value(records, "2026-11-23", "calls.p90WaitSeconds", "")).isEqualTo("72,0");
    assertThat(value(records, "total", "agenda.published", "")).isEqualTo("6");
    CSVRecord total = records.stream().filter(r -> r.get("période").equals("total")).findFirst().orElseThrow();
    assertThat(List.of(total.get("début"), total.get("fin"))).containsExactly("2026-11-23", "2026-11-24");
    assertThat(records.stream().filter(r -> r.get("code").equals("calls.answeredWithin20sShare")).findFirst()
        .orElseThrow().get("indicateur")).isEqualTo("Part des appels décrochés en 20 s ou moins (%)");
  }

  @Test
  @DisplayName("small-count rule: counts under 5 are written <5, shares and medians on fewer than 5 records are empty")
  void smallCounts() throws IOException {
    List<CSVRecord> records = records(http.get(THAU_CSV, day.coordinator), ';');
    assertThat(value(records, "2026-11-23", "calls.abandoned", "")).isEqualTo("<5");
    assertThat(value(records, "2026-11-23", "calls.byHour", "09")).isEqualTo("<5");
    assertThat(value(records, "2026-11-23", "agenda.publishedByCommune", "34301 Sète")).isEqualTo("<5");
    assertThat(value(records, "2026-11-24", "calls.received", "")).isEqualTo("<5");
    // 2 of 3 requests: a share resting on 3 records would tell about 3 people
    assertThat(value(records, "2026-11-23", "snp.bookedWithin24hShare", "")).isEmpty();
    assertThat(value(records, "2026-11-23", "mt.medianDaysToAssignment", "")).isEmpty();
    // the median wait rests on the 5 answered calls
    assertThat(value(records, "2026-11-23", "calls.medianWaitSeconds", "")).isEqualTo("20,0");
    assertThat(records).allSatisfy(r -> assertThat(r.get("valeur")).matches("|<5|[0-9]+|[0-9]+,[0-9]"));
  }

  @Test
  @DisplayName("sep=, gives commas and decimal points, still read back by the CSV library")
  void commaSeparated() throws IOException {
    List<CSVRecord> records = records(http.get(THAU_CSV + "&sep=,", day.coordinator), ',');
    assertThat(value(records, "2026-11-23", "calls.answeredWithin60sShare", "")).isEqualTo("57.1");
    assertThat(value(records, "2026-11-23", "triage.byProtocol", "safety:red-flag")).isEqualTo("<5");
  }

  @Test
  @DisplayName("nothing personal in the export: no name, phone or birth date of the day's people")
  void nothingPersonal() {
    String csv = http.get(THAU_CSV, day.coordinator).bodyAsString();
    assertThat(csv).doesNotContain("Camille", "Premiere", "Zoé", "+33465", "04 65", "+33612", "1950-04-04");
  }

  @Test
  @DisplayName("a coordinator of Bérange cannot read Thau's figures (JSON or CSV); the refusal is audited")
  void otherTerritory() {
    assertProblem(http.get("/api/v1/indicators?territory=bassin-de-thau&" + RANGE, day.berangeCoordinator), 403,
        "FORBIDDEN");
    assertProblem(http.get(THAU_CSV, day.berangeCoordinator), 403, "FORBIDDEN");
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'"
        + " AND action LIKE '%indicators%'")).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("a coordinator of Bérange reads Bérange's figures only: its one call and one slot")
  void ownTerritory() {
    for (String query : List.of("territory=montpellier-est-berange&" + RANGE, RANGE)) {
      JsonObject report = http.get("/api/v1/indicators?" + query, day.berangeCoordinator).bodyAsJsonObject();
      assertThat(report.getJsonArray("territories")).containsExactly(Fixtures.BERANGE);
      JsonObject monday = report.getJsonArray("periods").getJsonObject(0);
      assertThat(monday.getJsonObject("calls").getLong("received")).isEqualTo(1);
      assertThat(monday.getJsonObject("agenda").getLong("published")).isEqualTo(1);
      assertThat(monday.getJsonObject("triage").getLong("assessments")).isZero();
    }
  }

  @Test
  @DisplayName("ADMIN reads any territory, and all of them together; an unknown territory is 404")
  void admin() {
    String admin = server.adminToken();
    JsonObject thau = http.get("/api/v1/indicators?territory=bassin-de-thau&" + RANGE, admin).bodyAsJsonObject();
    assertThat(thau.getJsonObject("total").getJsonObject("calls").getLong("received")).isEqualTo(7);
    JsonObject all = http.get("/api/v1/indicators?" + RANGE, admin).bodyAsJsonObject();
    assertThat(all.getJsonArray("territories")).contains(Fixtures.THAU, Fixtures.BERANGE);
    assertThat(all.getJsonObject("total").getJsonObject("calls").getLong("received")).isEqualTo(8);
    assertProblem(http.get("/api/v1/indicators?territory=nulle-part&" + RANGE, admin), 404, "NOT_FOUND");
  }

  @Test
  @DisplayName("operators and callers without a token get 403 and 401; every read is in the audit trail")
  void otherRoles() {
    assertProblem(http.get("/api/v1/indicators?territory=bassin-de-thau", day.operator), 403, "FORBIDDEN");
    assertProblem(http.get(THAU_CSV, null), 401, "UNAUTHORIZED");
    long before = server.count("SELECT count(*) FROM audit_event WHERE action = 'indicators.read'");
    http.get(THAU_CSV, day.coordinator);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'indicators.read'"))
        .isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a wrong granularity, a range ending before it starts, or an unreadable date → 400 naming the field")
  void invalid() {
    String base = "/api/v1/indicators?territory=bassin-de-thau&";
    assertInvalidField(http.get(base + "granularity=year", day.coordinator), "granularity");
    assertInvalidField(http.get(base + "from=2026-11-25&to=2026-11-23", day.coordinator), "to");
    assertInvalidField(http.get(base + "from=23/11/2026", day.coordinator), "from");
    assertInvalidField(http.get(base + "from=2020-01-01&to=2026-12-31&granularity=day", day.coordinator),
        "granularity");
    assertInvalidField(http.get("/api/v1/indicators.csv?territory=bassin-de-thau&sep=%7C", day.coordinator), "sep");
  }

  @Test
  @DisplayName("a date-time range is taken as given: from 09:30 it leaves out the calls that rang before")
  void dateTimes() {
    JsonObject report = http.get("/api/v1/indicators?territory=bassin-de-thau&from=2026-11-23T09:30:00%2B01:00"
        + "&to=2026-11-23T12:00:00%2B01:00&granularity=day", day.coordinator).bodyAsJsonObject();
    // day-c3 (09:30), day-c4 (10:05), day-c5 (10:20)
    assertThat(report.getJsonObject("total").getJsonObject("calls").getLong("received")).isEqualTo(3);
    assertThat(report.getJsonArray("periods").getJsonObject(0).getString("start"))
        .isEqualTo("2026-11-23T09:30+01:00");
  }
}
