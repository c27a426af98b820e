package fr.aiguillage.directory;

import fr.aiguillage.directory.model.Commune;
import fr.aiguillage.directory.model.Territory;
import fr.aiguillage.directory.store.TerritoryStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Territories and their communes: loaded from the configuration file at start, then kept in memory
 * (they change only with the file, so a restart is the way to change them).
 */
public final class TerritoryService {

  /** A commune and the territory it belongs to. */
  public record Place(Commune commune, String territoryId) {
  }

  private final Pool pool;
  private final TerritoryStore store = new TerritoryStore();
  private volatile List<Territory> territories = List.of();
  private volatile Map<String, Place> places = Map.of();

  public TerritoryService(Pool pool) {
    this.pool = pool;
  }

  /** Upserts the file's territories, then caches what the database holds. */
  public Future<List<Territory>> loadFrom(Path file) {
    List<Territory> fromFile = read(file);
    return pool.withTransaction(tx -> {
          Future<Void> chain = Future.succeededFuture();
          for (Territory t : fromFile) {
            chain = chain.compose(v -> store.upsert(tx, t));
          }
          return chain;
        })
        .compose(v -> refresh());
  }

  public Future<List<Territory>> refresh() {
    return store.findAll(pool).map(all -> {
      territories = all;
      places = all.stream().flatMap(t -> t.communes().stream().map(c -> new Place(c, t.id())))
          .collect(Collectors.toUnmodifiableMap(p -> p.commune().insee(), Function.identity()));
      return all;
    });
  }

  public List<Territory> all() {
    return territories;
  }

  public Set<String> ids() {
    return territories.stream().map(Territory::id).collect(Collectors.toUnmodifiableSet());
  }

  public Optional<Place> place(String insee) {
    return Optional.ofNullable(insee == null ? null : places.get(insee));
  }

  static List<Territory> read(Path file) {
    try {
      JsonArray array = new JsonObject(Files.readString(file)).getJsonArray("territories");
      List<Territory> result = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        JsonObject t = array.getJsonObject(i);
        List<Commune> communes = new ArrayList<>();
        JsonArray cs = t.getJsonArray("communes");
        for (int j = 0; j < cs.size(); j++) {
          JsonObject c = cs.getJsonObject(j);
          communes.add(new Commune(c.getString("insee"), c.getString("name"), c.getString("postcode"),
              c.getDouble("lat"), c.getDouble("lon")));
        }
        result.add(new Territory(t.getString("id"), t.getString("name"), t.getString("department"), communes));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read territories file " + file.toAbsolutePath(), e);
    }
  }
}
