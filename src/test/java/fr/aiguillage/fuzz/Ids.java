package fr.aiguillage.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ids of real records, by kind, learnt from the service's own answers: a record created by
 * {@code POST /api/v1/professionals/{id}/slots} is a "slots" id, so {@code /api/v1/slots/{id}} and a body's
 * {@code slotId} can name it. Nested records with an id ("sites": [{id…}]) are learnt under their field name.
 */
final class Ids {

  private final Map<String, List<String>> byKind = new ConcurrentHashMap<>();

  void learn(String kind, Object answer) {
    if (answer instanceof JsonObject object) {
      if (object.getValue("id") instanceof String id) {
        add(kind, id);
      }
      object.forEach(e -> {
        if (e.getValue() instanceof JsonArray array) {
          array.forEach(item -> {
            if (item instanceof JsonObject nested && nested.getValue("id") instanceof String id) {
              add(e.getKey(), id);
            }
          });
        }
      });
    }
  }

  private void add(String kind, String id) {
    List<String> ids = byKind.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
    if (!ids.contains(id)) {
      ids.add(id);
    }
  }

  /** A real id of this kind (path segment or body field stem), or of any kind when none is known. */
  String pick(String kindOrField, Random random) {
    for (String kind : candidates(kindOrField)) {
      List<String> ids = byKind.get(kind);
      if (ids != null && !ids.isEmpty()) {
        return ids.get(0);
      }
    }
    return any(random);
  }

  /** Some real id, of whichever kind: a well-formed UUID naming the wrong kind of record. */
  String any(Random random) {
    List<String> all = new ArrayList<>();
    byKind.values().forEach(all::addAll);
    return all.isEmpty() ? "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60" : all.get(random.nextInt(all.size()));
  }

  private static List<String> candidates(String name) {
    String stem = name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
    String kebab = stem.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    return List.of(stem, stem + "s", kebab, kebab + "s", "operator".equals(stem) ? "accounts" : stem);
  }
}
