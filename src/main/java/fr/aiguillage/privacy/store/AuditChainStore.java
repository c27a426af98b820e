package fr.aiguillage.privacy.store;

import fr.aiguillage.privacy.model.ChainReport;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

/**
 * Walks the audit hash chains (V16): every row's hash recomputed from its content and the previous row's hash,
 * every link compared with the row before it (or the chain's anchor once retention removed the oldest rows).
 */
public final class AuditChainStore {

  private static final String FIRST_BROKEN = """
      WITH walked AS (
        SELECT e AS r, e.id, e.chain, e.chain_seq, e.prev_hash, e.hash,
               lag(e.hash) OVER w AS before_hash, lag(e.chain_seq) OVER w AS before_seq
        FROM audit_event e WINDOW w AS (PARTITION BY e.chain ORDER BY e.chain_seq)),
      broken AS (
        SELECT w.id, w.chain, w.chain_seq,
               CASE WHEN w.hash IS DISTINCT FROM audit_event_digest(w.prev_hash, w.r) THEN 'ROW_ALTERED'
                    WHEN w.chain_seq <> coalesce(w.before_seq, a.seq) + 1 THEN 'ROWS_MISSING'
                    ELSE 'LINK_BROKEN' END AS reason
        FROM walked w JOIN audit_chain_anchor a ON a.chain = w.chain
        WHERE w.hash IS DISTINCT FROM audit_event_digest(w.prev_hash, w.r)
           OR w.chain_seq <> coalesce(w.before_seq, a.seq) + 1
           OR w.prev_hash IS DISTINCT FROM coalesce(w.before_hash, a.hash)),
      tails AS (
        SELECT NULL::bigint AS id, c.chain, c.seq AS chain_seq, 'TAIL_MISSING' AS reason
        FROM audit_chain c JOIN audit_chain_anchor a ON a.chain = c.chain
        WHERE c.seq > a.seq AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.chain = c.chain AND e.chain_seq = c.seq)
           OR c.seq = a.seq AND c.hash <> a.hash)
      SELECT (SELECT count(*) FROM audit_event) AS checked, b.id, b.chain, b.chain_seq, b.reason
      FROM (SELECT * FROM broken UNION ALL SELECT * FROM tails) b
      RIGHT JOIN (SELECT 1) one ON true
      ORDER BY b.id NULLS LAST, b.chain LIMIT 1""";

  public Future<ChainReport> verify(SqlClient db) {
    return db.query(FIRST_BROKEN).execute().map(rows -> toReport(rows.iterator().next()));
  }

  private static ChainReport toReport(Row row) {
    long checked = row.getLong("checked");
    if (row.getString("reason") == null) {
      return new ChainReport(true, checked, null);
    }
    return new ChainReport(false, checked, new ChainReport.BrokenLink(row.getLong("id"), row.getInteger("chain"),
        row.getLong("chain_seq"), ChainReport.Reason.valueOf(row.getString("reason"))));
  }
}
