package fr.aiguillage.fhir;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.BookingScenario;
import fr.aiguillage.support.Fixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SAS search keeps the directory's professionals and sites between searches (decision 0041): every change the
 * SAS would see shows in the very next search, through the API or straight in the database, and nothing else moves
 * the directory's version.
 */
class SasDirectoryCacheTest extends ApiTest {

  private final SasPlatform platform = new SasPlatform();
  private String coordinator;
  private BookingScenario scenario;

  @Override
  protected Map<String, String> settings() {
    return new HashMap<>(platform.settings());
  }

  @BeforeAll
  void scenario() {
    coordinator = coordinatorOf("sas-cache-coordinator", Fixtures.THAU);
    scenario = new BookingScenario(server, coordinator);
  }

  private Bundle search(String... rpps) {
    String tokens = String.join(",", List.of(rpps).stream().map(r -> "urn:oid:1.2.250.1.71.4.2.1|8" + r).toList());
    HttpResponse<Buffer> response = platform.get(server.vertx,
        SasScene.guideQuery(tokens, SasScene.TOMORROW_FROM, SasScene.TOMORROW_TO));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return FhirChecks.parse(response.bodyAsString(), Bundle.class);
  }

  private JsonObject gpWithSlot(String start) {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    scenario.slot(gp, start, start.replace(":00:00+", ":20:00+"));
    return gp;
  }

  @Test
  @DisplayName("a renamed professional is shown under the new name by the next search")
  void renamed() {
    JsonObject gp = gpWithSlot("2026-11-24T09:00:00+01:00");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Testeur");
    patchName(gp, "Renommée");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Renommée");
  }

  @Test
  @DisplayName("a deactivated professional's slots leave the next search")
  void deactivated() {
    JsonObject gp = gpWithSlot("2026-11-24T10:00:00+01:00");
    assertThat(slots(search(gp.getString("rpps")))).hasSize(1);
    var deleted = http.delete("/api/v1/professionals/" + gp.getString("id"), server.adminToken());
    assertThat(deleted.statusCode()).as(deleted.bodyAsString()).isEqualTo(204);
    assertThat(slots(search(gp.getString("rpps")))).isEmpty();
  }

  @Test
  @DisplayName("an RPPS searched before its professional was registered is found once they are")
  void registeredAfterAMiss() {
    String rpps = Fixtures.newRpps();
    assertThat(search(rpps).getTotal()).isZero();
    JsonObject gp = scenario.professional(Fixtures.aGpInSete().put("rpps", rpps));
    scenario.slot(gp, "2026-11-24T11:00:00+01:00", "2026-11-24T11:20:00+01:00");
    assertThat(slots(search(rpps))).hasSize(1);
  }

  @Test
  @DisplayName("a site's new address, written straight in the database, is the next search's")
  void siteMovedInTheDatabase() {
    JsonObject gp = gpWithSlot("2026-11-24T12:00:00+01:00");
    assertThat(addresses(search(gp.getString("rpps")))).containsExactly("1 quai de test");
    server.execute("UPDATE site SET address = '2 rue déplacée' WHERE id = '" + SasScene.siteOf(gp) + "'");
    assertThat(addresses(search(gp.getString("rpps")))).containsExactly("2 rue déplacée");
  }

  @Test
  @DisplayName("a search for a cached professional and one not yet read answers both")
  void cachedAndNew() {
    JsonObject first = gpWithSlot("2026-11-24T13:00:00+01:00");
    search(first.getString("rpps"));
    JsonObject second = gpWithSlot("2026-11-24T14:00:00+01:00");
    assertThat(slots(search(first.getString("rpps"), second.getString("rpps")))).hasSize(2);
  }

  @Test
  @DisplayName("the cache is used: a change that does not move the directory's version is not seen, the next one is")
  void cacheUsed() {
    JsonObject gp = gpWithSlot("2026-11-24T15:00:00+01:00");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Testeur");
    behindTheVersion("UPDATE professional SET family_name = 'Invisible' WHERE id = '" + gp.getString("id") + "'");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Testeur");
    server.execute("UPDATE site SET name = 'Cabinet du quai' WHERE id = '" + SasScene.siteOf(gp) + "'");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Invisible");
  }

  @Test
  @DisplayName("a database back at an earlier state (a restored backup, a replica that was behind) is searched as it is")
  void earlierState() {
    JsonObject gp = gpWithSlot("2026-11-24T16:00:00+01:00");
    String before = stamp();
    patchName(gp, "Après");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Après");
    behindTheVersion("UPDATE professional SET family_name = 'Avant' WHERE id = '" + gp.getString("id") + "'");
    server.execute("UPDATE directory_version SET stamp = '" + before + "'");
    assertThat(practitioners(search(gp.getString("rpps")))).containsExactly("Avant");
  }

  @Test
  @DisplayName("a directory edited under every attempt is searched in one snapshot")
  void editedUnderEveryAttempt() {
    JsonObject gp = gpWithSlot("2026-11-24T17:00:00+01:00");
    // Every read of the version gets a new stamp, as if an edit were committed between any two statements.
    server.execute("ALTER TABLE directory_version RENAME TO directory_version_kept;"
        + " CREATE VIEW directory_version AS SELECT 1 AS id, 0::bigint AS version, gen_random_uuid() AS stamp");
    try {
      Bundle bundle = search(gp.getString("rpps"));
      assertThat(slots(bundle)).hasSize(1);
      assertThat(practitioners(bundle)).containsExactly("Testeur");
    } finally {
      server.execute("DROP VIEW directory_version; ALTER TABLE directory_version_kept RENAME TO directory_version");
    }
  }

  @Test
  @DisplayName("the directory's version moves once a transaction, when what the SAS shows changes, and never back")
  void versionMoves() {
    JsonObject gp = scenario.professional(Fixtures.aGpInSete());
    String id = gp.getString("id");
    long before = version();
    server.execute("UPDATE professional SET mt_capacity = mt_capacity + 1 WHERE id = '" + id + "'");
    server.execute("UPDATE site SET profession = profession WHERE professional_id = '" + id + "'");
    patchName(gp, "Testeur"); // the same name again
    assertThat(version()).isEqualTo(before);
    String stamp = stamp();
    server.execute("DO $$ BEGIN UPDATE professional SET phone = '+33611111111' WHERE id = '" + id + "';"
        + " UPDATE site SET name = 'Cabinet renommé' WHERE professional_id = '" + id + "'; END $$");
    assertThat(version()).isEqualTo(before + 1);
    assertThat(stamp()).isNotEqualTo(stamp);
    assertThatThrownBy(() -> server.execute("DO $$ BEGIN UPDATE professional SET given_name = 'Annulé' WHERE id = '"
        + id + "'; RAISE EXCEPTION 'rolled back'; END $$")).isInstanceOf(IllegalStateException.class);
    assertThat(version()).isEqualTo(before + 1);
    server.execute("UPDATE professional SET given_name = 'Alix-Marie' WHERE id = '" + id + "'");
    assertThat(version()).isEqualTo(before + 2);
    assertThatThrownBy(() -> server.execute("DELETE FROM directory_version")).isInstanceOf(IllegalStateException.class);
    assertThat(version()).isEqualTo(before + 2);
  }

  /** Runs a change with the professional's version trigger off: the database changes, its version does not. */
  private void behindTheVersion(String sql) {
    server.execute("ALTER TABLE professional DISABLE TRIGGER professional_directory_changed");
    try {
      server.execute(sql);
    } finally {
      server.execute("ALTER TABLE professional ENABLE TRIGGER professional_directory_changed");
    }
  }

  private void patchName(JsonObject gp, String familyName) {
    var patched = http.patch("/api/v1/professionals/" + gp.getString("id"), coordinator,
        new JsonObject().put("familyName", familyName));
    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
  }

  private String stamp() {
    return server.text("SELECT stamp FROM directory_version");
  }

  private long version() {
    return server.count("SELECT version FROM directory_version");
  }

  private static List<String> practitioners(Bundle bundle) {
    return resources(bundle, Practitioner.class).stream().map(p -> p.getNameFirstRep().getFamily()).toList();
  }

  private static List<String> addresses(Bundle bundle) {
    return resources(bundle, PractitionerRole.class).stream()
        .flatMap(r -> r.getContained().stream())
        .filter(Location.class::isInstance).map(l -> (String) ((Location) l).getAddress().getLine().get(0).getValue())
        .toList();
  }

  private static List<Slot> slots(Bundle bundle) {
    return resources(bundle, Slot.class);
  }

  private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
        .toList();
  }
}
