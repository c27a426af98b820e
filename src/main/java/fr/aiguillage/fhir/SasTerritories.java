package fr.aiguillage.fhir;

import fr.aiguillage.agenda.model.SlotKind;
import fr.aiguillage.fhir.model.SasTerritory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each territory's {@code sas} block of {@code config/territories.json}: FINESS, phone and the slot kinds opened
 * to the SAS (default SNP only). A territory without the block shows nothing to the SAS.
 */
public final class SasTerritories {

  /** TRE_R314 has no kind for a waiting list's first visit: those slots are never offered to the SAS. */
  private static final Set<SlotKind> OFFERABLE = EnumSet.of(SlotKind.SNP, SlotKind.PUBLIC, SlotKind.PRO);

  private final Map<String, SasTerritory> byId;

  public SasTerritories(Map<String, SasTerritory> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static SasTerritories load(Path file) {
    try {
      return parse(new JsonObject(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read territories file " + file.toAbsolutePath(), e);
    }
  }

  static SasTerritories parse(JsonObject file) {
    Map<String, SasTerritory> found = new HashMap<>();
    JsonArray territories = file.getJsonArray("territories");
    for (int i = 0; i < territories.size(); i++) {
      JsonObject t = territories.getJsonObject(i);
      JsonObject sas = t.getJsonObject("sas");
      if (sas != null) {
        found.put(t.getString("id"), territory(t.getString("id"), t.getString("name"), sas));
      }
    }
    return new SasTerritories(found);
  }

  private static SasTerritory territory(String id, String name, JsonObject sas) {
    String finess = sas.getString("finess", "");
    if (!finess.matches("[0-9]{9}")) {
      throw new IllegalArgumentException("territory " + id + ": sas.finess must be the CPTS's 9-digit FINESS");
    }
    String phone = sas.getString("phone");
    if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException("territory " + id + ": sas.phone must be E.164");
    }
    Set<SlotKind> kinds = EnumSet.noneOf(SlotKind.class);
    JsonArray listed = sas.getJsonArray("slotKinds", new JsonArray().add(SlotKind.SNP.name()));
    for (Object kind : listed) {
      SlotKind k = SlotKind.valueOf(String.valueOf(kind));
      if (!OFFERABLE.contains(k)) {
        throw new IllegalArgumentException("territory " + id + ": sas.slotKinds may hold SNP, PUBLIC, PRO");
      }
      kinds.add(k);
    }
    return new SasTerritory(id, name, finess, phone, Set.copyOf(kinds));
  }

  public Optional<SasTerritory> get(String territoryId) {
    return Optional.ofNullable(territoryId == null ? null : byId.get(territoryId));
  }

  /** Every kind some territory opens: what the slot read asks the agenda for. */
  public Set<SlotKind> kindsAnywhere() {
    Set<SlotKind> all = EnumSet.noneOf(SlotKind.class);
    byId.values().forEach(t -> all.addAll(t.slotKinds()));
    return all;
  }
}
