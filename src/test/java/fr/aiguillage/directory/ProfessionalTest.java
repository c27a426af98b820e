package fr.aiguillage.directory;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static fr.aiguillage.support.Fixtures.MAUGUIO;
import static fr.aiguillage.support.Fixtures.SETE;
import static fr.aiguillage.support.Fixtures.THAU;
import static fr.aiguillage.support.Fixtures.aGpInSete;
import static fr.aiguillage.support.Fixtures.aProfessional;
import static org.assertj.core.api.Assertions.assertThat;

class ProfessionalTest extends ApiTest {

  private static final String PATH = "/api/v1/professionals";

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("creating a professional")
  class Create {

    @Test
    @DisplayName("returns 201 with Location, ids, the phone in E.164 and a site at its commune's centre")
    void created() {
      var response = http.post(PATH, server.adminToken(), aGpInSete());
      assertThat(response.statusCode()).isEqualTo(201);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(response.getHeader("Location")).isEqualTo(PATH + "/" + body.getString("id"));
      assertThat(body.getString("phone")).isEqualTo("+33612345678");
      assertThat(body.getJsonArray("territories").getList()).containsExactly(THAU);
      JsonObject site = body.getJsonArray("sites").getJsonObject(0);
      assertThat(site.getString("id")).isNotBlank();
      assertThat(site.getDouble("lat")).isEqualTo(43.4028);
      assertThat(site.getDouble("lon")).isEqualTo(3.6967);
      assertThat(http.get(PATH + "/" + body.getString("id"), server.adminToken()).bodyAsJsonObject()).isEqualTo(body);
    }

    @Test
    @DisplayName("keeps a site's own coordinates when given")
    void siteCoordinates() {
      JsonObject body = aGpInSete();
      body.getJsonArray("sites").getJsonObject(0).put("lat", 43.41).put("lon", 3.70);
      JsonObject site = createProfessional(body).getJsonArray("sites").getJsonObject(0);
      assertThat(site.getDouble("lat")).isEqualTo(43.41);
      assertThat(site.getDouble("lon")).isEqualTo(3.70);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "06 12 34 56 78, +33612345678",
        "06.12.34.56.78, +33612345678",
        "0612345678, +33612345678",
        "+33 6 12 34 56 78, +33612345678",
        "+33 (0)6 12 34 56 78, +33612345678",
        "0033 6 12 34 56 78, +33612345678",
        "04 67 12 34 56, +33467123456",
        "0690 12 34 56, +590690123456",
        "0696 12 34 56, +596696123456",
        "0262 12 34 56, +262262123456",
        "+594 694 12 34 56, +594694123456"})
    @DisplayName("accepts the ways French people write phone numbers, overseas included, and stores E.164")
    void phoneFormats(String written, String e164) {
      JsonObject created = createProfessional(aGpInSete().put("phone", written));
      assertThat(created.getString("phone")).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "112", "3624", "06 12 34", "not a phone", "+33 6 12 34 56 78 90 12"})
    @DisplayName("refuses short, emergency and malformed numbers with a 400 naming phone")
    void badPhones(String written) {
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("phone", written)), "phone");
    }

    @Test
    @DisplayName("refuses an RPPS whose check digit is wrong")
    void badRpps() {
      String valid = Fixtures.newRpps();
      String wrong = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("rpps", wrong)), "rpps");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("rpps", "1234")), "rpps");
    }

    @Test
    @DisplayName("refuses a duplicate RPPS with 409 DUPLICATE_RPPS")
    void duplicateRpps() {
      JsonObject first = createProfessional(aGpInSete());
      assertProblem(http.post(PATH, server.adminToken(), aGpInSete().put("rpps", first.getString("rpps"))),
          409, "DUPLICATE_RPPS");
    }

    @Test
    @DisplayName("refuses an unknown commune, skill, profession, or lat without lon, naming each field")
    void unknownValues() {
      JsonObject unknownCommune = aGpInSete();
      unknownCommune.getJsonArray("sites").getJsonObject(0).put("communeInsee", "75056");
      assertInvalidField(http.post(PATH, server.adminToken(), unknownCommune), "sites[0].communeInsee");
      assertInvalidField(http.post(PATH, server.adminToken(),
          aGpInSete().put("skills", new JsonArray().add("ANKLE_SPRAIN").add("JUGGLING"))), "skills[1]");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("profession", "WIZARD")), "profession");
      JsonObject halfPlace = aGpInSete();
      halfPlace.getJsonArray("sites").getJsonObject(0).put("lat", 43.4);
      assertInvalidField(http.post(PATH, server.adminToken(), halfPlace), "sites[0].lon");
    }

    @Test
    @DisplayName("refuses a missing field, a wrong type, an unknown field, no site, each named")
    void shape() {
      JsonObject missing = aGpInSete();
      missing.remove("familyName");
      assertInvalidField(http.post(PATH, server.adminToken(), missing), "familyName");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("mtCapacity", "three")), "mtCapacity");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("acceptsSnp", "yes")), "acceptsSnp");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("favouriteColour", "blue")),
          "favouriteColour");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("sites", new JsonArray())), "sites");
      assertInvalidField(http.post(PATH, server.adminToken(), aGpInSete().put("mtCapacity", -1)), "mtCapacity");
    }

    @Test
    @DisplayName("answers malformed JSON and a body over 1 MiB with problem+json, never a 500")
    void malformedAndTooLarge() {
      var malformed = http.send(HttpMethod.POST, PATH, server.adminToken(), Buffer.buffer("{\"rpps\": "));
      assertInvalidField(malformed, "body");
      String big = "x".repeat(1024 * 1024 + 10);
      var tooLarge = http.send(HttpMethod.POST, PATH, server.adminToken(),
          aGpInSete().put("familyName", big).toBuffer());
      assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
      var notAnObject = http.send(HttpMethod.POST, PATH, server.adminToken(), Buffer.buffer("[1,2]"));
      assertThat(notAnObject.statusCode()).isEqualTo(400);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("reading and changing the directory")
  class ReadAndChange {

    @Test
    @DisplayName("filters by profession, skill, commune, territory, acceptsSnp and text, with a total")
    void filters() {
      String tag = "Filtrage" + System.nanoTime() % 100000;
      createProfessional(aProfessional("PHARMACIST", SETE).put("familyName", tag)
          .put("skills", new JsonArray().add("CYSTITIS_PROTOCOL")));
      createProfessional(aProfessional("PHARMACIST", MAUGUIO).put("familyName", tag).put("acceptsSnp", false));
      createProfessional(aProfessional("NURSE", SETE).put("familyName", tag));
      String admin = server.adminToken();
      assertThat(total(http.get(PATH + "?q=" + tag, admin).bodyAsJsonObject())).isEqualTo(3);
      assertThat(total(http.get(PATH + "?q=" + tag.toLowerCase() + "&profession=PHARMACIST", admin)
          .bodyAsJsonObject())).isEqualTo(2);
      assertThat(total(http.get(PATH + "?q=" + tag + "&skill=CYSTITIS_PROTOCOL", admin).bodyAsJsonObject()))
          .isEqualTo(1);
      assertThat(total(http.get(PATH + "?q=" + tag + "&communeInsee=" + SETE, admin).bodyAsJsonObject()))
          .isEqualTo(2);
      assertThat(total(http.get(PATH + "?q=" + tag + "&territory=montpellier-est-berange", admin)
          .bodyAsJsonObject())).isEqualTo(1);
      assertThat(total(http.get(PATH + "?q=" + tag + "&acceptsSnp=false", admin).bodyAsJsonObject())).isEqualTo(1);
      JsonObject page = http.get(PATH + "?q=" + tag + "&limit=2&offset=2", admin).bodyAsJsonObject();
      assertThat(page.getJsonArray("items")).hasSize(1);
      assertThat(page.getLong("total")).isEqualTo(3);
    }

    @Test
    @DisplayName("a coordinator sees only the professionals of their territories")
    void scopedToTerritories() {
      String tag = "Portee" + System.nanoTime() % 100000;
      createProfessional(aProfessional("NURSE", SETE).put("familyName", tag));
      JsonObject outside = createProfessional(aProfessional("NURSE", MAUGUIO).put("familyName", tag));
      String coordinator = coordinatorOf("coord-scope", THAU);
      assertThat(total(http.get(PATH + "?q=" + tag, coordinator).bodyAsJsonObject())).isEqualTo(1);
      assertProblem(http.get(PATH + "/" + outside.getString("id"), coordinator), 403, "FORBIDDEN");
    }

    @Test
    @DisplayName("PATCH changes only the given fields, with the same validation")
    void patch() {
      JsonObject created = createProfessional(aGpInSete().put("specialty", "Gériatrie"));
      String path = PATH + "/" + created.getString("id");
      var response = http.patch(path, server.adminToken(),
          new JsonObject().put("phone", "+33 4 67 00 00 01").put("mtCapacity", 5).put("specialty", ""));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      JsonObject updated = response.bodyAsJsonObject();
      assertThat(updated.getString("phone")).isEqualTo("+33467000001");
      assertThat(updated.getInteger("mtCapacity")).isEqualTo(5);
      assertThat(updated.getString("specialty")).isNull();
      assertThat(updated.getString("familyName")).isEqualTo(created.getString("familyName"));
      assertInvalidField(http.patch(path, server.adminToken(), new JsonObject().put("phone", "17")), "phone");
      assertInvalidField(http.patch(path, server.adminToken(), new JsonObject().put("rpps", "12345678903")), "rpps");
    }

    @Test
    @DisplayName("DELETE deactivates: kept for history, hidden from searches by default")
    void deactivate() {
      String tag = "Retraite" + System.nanoTime() % 100000;
      JsonObject created = createProfessional(aGpInSete().put("familyName", tag));
      String path = PATH + "/" + created.getString("id");
      assertThat(http.delete(path, server.adminToken()).statusCode()).isEqualTo(204);
      assertThat(http.get(path, server.adminToken()).bodyAsJsonObject().getBoolean("active")).isFalse();
      assertThat(total(http.get(PATH + "?q=" + tag, server.adminToken()).bodyAsJsonObject())).isZero();
      assertThat(total(http.get(PATH + "?includeInactive=true&q=" + tag, server.adminToken()).bodyAsJsonObject()))
          .isEqualTo(1);
    }

    @Test
    @DisplayName("a site can be added later; unknown or malformed ids are 404 and 400")
    void sitesAndIds() {
      JsonObject created = createProfessional(aGpInSete());
      var added = http.post(PATH + "/" + created.getString("id") + "/sites", server.adminToken(),
          new JsonObject().put("name", "Antenne").put("address", "2 rue du test").put("communeInsee", "34108"));
      assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
      assertThat(added.bodyAsJsonObject().getJsonArray("sites")).hasSize(2);
      assertProblem(http.get(PATH + "/00000000-0000-0000-0000-000000000000", server.adminToken()), 404, "NOT_FOUND");
      assertInvalidField(http.get(PATH + "/not-a-uuid", server.adminToken()), "id");
    }
  }

  private static long total(JsonObject page) {
    return page.getLong("total");
  }
}
