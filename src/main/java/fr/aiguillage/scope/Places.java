package fr.aiguillage.scope;

import io.vertx.core.Future;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where the records named by ids lie: for each {@link IdKind}, the owning module's answer (one indexed query).
 * Territory ids themselves are answered from memory. Every kind must have its answer.
 */
public final class Places {

  private final Map<IdKind, Function<UUID, Future<Optional<Set<String>>>>> byKind;
  private final Function<String, Optional<Set<String>>> territories;

  public Places(Map<IdKind, Function<UUID, Future<Optional<Set<String>>>>> byKind,
                Function<String, Optional<Set<String>>> territories) {
    EnumSet<IdKind> missing = EnumSet.allOf(IdKind.class);
    missing.remove(IdKind.TERRITORY);
    missing.removeAll(byKind.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("no territory answer for ids of kind " + missing);
    }
    this.byKind = new EnumMap<>(byKind);
    this.territories = territories;
  }

  /** The territories of the record, or empty when no such record exists (or the id is malformed). */
  public Future<Optional<Set<String>>> of(IdKind kind, String id) {
    if (kind == IdKind.TERRITORY) {
      return Future.succeededFuture(territories.apply(id));
    }
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      // Not an id at all: request validation answers 400 for it.
      return Future.succeededFuture(Optional.empty());
    }
    return byKind.get(kind).apply(uuid);
  }
}
