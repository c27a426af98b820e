package fr.aiguillage.privacy.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counts and removes one kind of record past its time (the SQL is in {@link RetentionKinds}). */
public final class RetentionStore {

  public Future<Long> count(SqlClient db, RetentionKinds.Kind kind, Instant cutoff) {
    return db.preparedQuery(kind.countSql()).execute(Tuple.of(SqlTime.utc(cutoff)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** One batch, one statement, one short transaction of its own; returns how many records it removed, by kind. */
  public Future<Map<String, Long>> purgeBatch(SqlClient db, RetentionKinds.Kind kind, Instant cutoff,
                                              int batchSize) {
    return db.preparedQuery(kind.purgeSql()).execute(Tuple.of(SqlTime.utc(cutoff), batchSize)).map(rows -> {
      Map<String, Long> removed = new HashMap<>();
      rows.forEach(row -> removed.put(row.getString("kind"), row.getLong("removed")));
      return removed;
    });
  }
}
