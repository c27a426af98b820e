package fr.aiguillage.web;

import fr.aiguillage.scope.Carried;
import fr.aiguillage.scope.IdKind;
import fr.aiguillage.scope.OperationIds;
import fr.aiguillage.scope.OperationRow;
import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.TwoTerritories;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from openapi.yaml and {@link OperationIds} (whose completeness {@link OperationIdsTest} checks): for
 * every declared id of every operation, the id of a record of territory A sent by each account of B (every role, and
 * one account holding them all) is refused — 403 (or 404), never 2xx — with its DENIED rows, and no table changes.
 */
class CrossTerritoryContractTest extends ApiTest {

  private TwoTerritories world;
  private final Map<IdKind, String> ofA = new EnumMap<>(IdKind.class);
  private final Map<IdKind, String> ofB = new EnumMap<>(IdKind.class);

  @BeforeAll
  void twoTerritories() {
    world = new TwoTerritories(server, "contract");
    ofA.putAll(Map.ofEntries(Map.entry(IdKind.PROFESSIONAL, world.gpA.getString("id")),
        Map.entry(IdKind.SITE, world.siteA), Map.entry(IdKind.SLOT, world.slotA), Map.entry(IdKind.RULE, world.ruleA),
        Map.entry(IdKind.PATIENT, world.patientA), Map.entry(IdKind.APPOINTMENT, world.appointmentA),
        Map.entry(IdKind.CALL, world.callA), Map.entry(IdKind.TRIAGE, world.triageA),
        Map.entry(IdKind.WAITLIST_REQUEST, world.requestA), Map.entry(IdKind.PROPOSAL, world.proposalA),
        Map.entry(IdKind.ACCOUNT, world.operatorAccountA), Map.entry(IdKind.TERRITORY, TwoTerritories.A)));
    ofB.putAll(Map.ofEntries(Map.entry(IdKind.PROFESSIONAL, world.gpB.getString("id")),
        Map.entry(IdKind.SITE, world.siteB), Map.entry(IdKind.SLOT, world.slotB), Map.entry(IdKind.RULE, world.ruleB),
        Map.entry(IdKind.PATIENT, world.patientB), Map.entry(IdKind.APPOINTMENT, world.appointmentB),
        Map.entry(IdKind.CALL, world.callB), Map.entry(IdKind.TRIAGE, world.triageB),
        Map.entry(IdKind.WAITLIST_REQUEST, world.requestB), Map.entry(IdKind.PROPOSAL, world.proposalB),
        Map.entry(IdKind.ACCOUNT, world.operatorAccountB), Map.entry(IdKind.TERRITORY, TwoTerritories.B)));
  }

  @TestFactory
  @DisplayName("an id of territory A, from every account of B, is refused and changes nothing")
  Stream<DynamicTest> idsOfAnotherTerritory() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ContractOperations.Op op : ContractOperations.load()) {
      OperationIds.of(op.operationId()).ifPresent(row -> row.carried().forEach(carried -> tests.add(
          DynamicTest.dynamicTest(op.operationId() + " " + carried.in() + " " + carried.name() + " ("
              + carried.kind() + ")", () -> refusedFromB(op, row, carried)))));
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  private void refusedFromB(ContractOperations.Op op, OperationRow row, Carried foreign) {
    assertThat(ofA).as("an id of A for kind " + foreign.kind() + " (add it to TwoTerritories)")
        .containsKey(foreign.kind());
    String path = op.path();
    for (Carried c : row.carried()) {
      if (c.in() == Carried.In.PATH) {
        String value = c.equals(foreign) ? ofA.get(c.kind()) : ofB.get(c.kind());
        path = path.replace("{" + c.name() + "}", value);
      }
    }
    if (foreign.in() == Carried.In.QUERY) {
      path += "?" + foreign.name() + "=" + ofA.get(foreign.kind());
    }
    JsonObject body = null;
    if (foreign.in() == Carried.In.BODY) {
      String value = ofA.get(foreign.kind());
      body = new JsonObject().put(foreign.name(), op.arrays().contains(foreign.name()) ? new JsonArray().add(value)
          : value);
    }
    Map<String, String> before = snapshot();
    long denied = server.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'");
    int refused = 0;
    for (Map.Entry<String, String> account : world.accountsOfB().entrySet()) {
      var response = http.send(HttpMethod.valueOf(op.method()), path, account.getValue(),
          body == null ? null : body.toBuffer());
      assertThat(response.statusCode()).as(op.operationId() + ", " + foreign.name() + " of A, from B's "
          + account.getKey() + ": " + op.method() + " " + path + " → "
          + response.bodyAsString()).isIn(403, 404);
      assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
      refused += response.statusCode() == 403 ? 1 : 0;
    }
    assertThat(snapshot()).as("tables after " + op.operationId()).isEqualTo(before);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'"))
        .as("one DENIED row per refusal").isEqualTo(denied + refused);
  }

  /**
   * A digest (row count and sum of row hashes) of every table but the audit trail, the login bookkeeping and the
   * indicators' rollups (derived from the others, rewritten by their refresher at any time).
   */
  private Map<String, String> snapshot() {
    Map<String, String> digests = new java.util.TreeMap<>();
    try (var c = java.sql.DriverManager.getConnection(server.db.jdbcUrl(), server.db.user(), server.db.password());
         var s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
          + " AND table_type = 'BASE TABLE' AND table_name NOT IN"
          + " ('audit_event', 'audit_chain', 'audit_chain_anchor', 'session', 'login_failure', 'login_lock',"
          + " 'flyway_schema_history', 'indicator_count', 'indicator_member', 'indicator_measure',"
          + " 'indicator_change')")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      String digest = tables.stream().map(t -> "SELECT '" + t + "', count(*) || '/' || coalesce(sum(hashtext(t::text)"
          + "::bigint), 0) FROM " + t + " t").collect(Collectors.joining(" UNION ALL "));
      try (var rs = s.executeQuery(digest)) {
        while (rs.next()) {
          digests.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return digests;
  }
}
