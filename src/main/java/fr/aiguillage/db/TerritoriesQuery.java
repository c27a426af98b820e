package fr.aiguillage.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How every store answers "which territories does this record lie in": one indexed query whose one row holds a
 * {@code text[]}; no row when there is no such record (the service then answers 404 as usual).
 */
public final class TerritoriesQuery {

  private TerritoriesQuery() {
  }

  public static Future<Optional<Set<String>>> run(SqlClient db, String sql, Object id) {
    return db.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      String[] found = rows.iterator().next().getArrayOfStrings(0);
      return Optional.of(found == null ? Set.of()
          : Arrays.stream(found).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()));
    });
  }
}
