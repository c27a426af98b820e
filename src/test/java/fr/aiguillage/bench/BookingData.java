package fr.aiguillage.bench;

import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The booking benchmark's data set, written in SQL: {@code n} professionals of every profession (40 % GPs)
 * with one site jittered around a commune of the two territories, and 20 free SNP slots each over the next
 * 7 days (2,000,000 for 100,000 professionals).
 */
final class BookingData {

  private BookingData() {
  }

  /** Four GPs in ten, then nurses, pharmacists (with two protocols), physiotherapists, midwives, dentists. */
  private static final BenchData.Mix EVERY_PROFESSION = new BenchData.Mix("""
      (ARRAY['GENERAL_PRACTITIONER', 'GENERAL_PRACTITIONER', 'GENERAL_PRACTITIONER', 'GENERAL_PRACTITIONER',
             'NURSE', 'NURSE', 'PHARMACIST', 'PHYSIOTHERAPIST', 'MIDWIFE', 'DENTIST'])[1 + i % 10]""", """
      CASE WHEN i % 10 = 6 THEN ARRAY['CYSTITIS_PROTOCOL', 'SORE_THROAT_RDT'] ELSE '{}'::text[] END""");

  static void professionals(Pool pool, int n) throws Exception {
    BenchData.professionalsWithSites(pool, "16", n, EVERY_PROFESSION, 0.06);
  }

  /**
   * 20 slots of 20 minutes per professional: three a day for six days and two on the seventh. Written in one
   * INSERT ... SELECT with the slot table's secondary indexes, foreign keys and exclusion constraint set aside and
   * built again afterwards (one sorted build each instead of 2,000,000 index insertions and key checks): the same
   * schema and the same checks at the end, several times faster.
   */
  static void slots(Pool pool) throws Exception {
    List<String> rebuild = new ArrayList<>();
    pool.query("""
            SELECT 'ALTER TABLE slot ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid),
                   'ALTER TABLE slot DROP CONSTRAINT ' || quote_ident(conname)
            FROM pg_constraint WHERE conrelid = 'slot'::regclass AND contype IN ('f', 'x')
            UNION ALL
            SELECT pg_get_indexdef(i.indexrelid), 'DROP INDEX ' || i.indexrelid::regclass::text
            FROM pg_index i WHERE i.indrelid = 'slot'::regclass AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")
        .execute().await(10, TimeUnit.MINUTES)
        .forEach(row -> rebuild.add(row.getString(0) + "\n" + row.getString(1)));
    for (String statements : rebuild) {
      pool.query(statements.split("\n")[1]).execute().await(10, TimeUnit.MINUTES);
    }
    pool.query("""
            INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, created_at, updated_at)
            SELECT gen_random_uuid(), s.professional_id, s.id, 'SNP', 'free', t.start_at,
                   t.start_at + interval '20 minutes', 'MANUAL', now(), now()
            FROM site s
            CROSS JOIN generate_series(0, 19) AS k
            CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + interval '1 hour' + (k / 3) * interval '1 day'
                                   + ((k % 3) * 20 + (abs(hashtext(s.id::text)) % 10) * 60) * interval '1 minute'
                                   AS start_at) t""")
        .execute().await(60, TimeUnit.MINUTES);
    for (String statements : rebuild) {
      pool.withConnection(c -> c.query("SET maintenance_work_mem = '256MB'").execute()
              .compose(v -> c.query(statements.split("\n")[0]).execute()))
          .await(60, TimeUnit.MINUTES);
    }
    pool.query("VACUUM ANALYZE").execute().await(30, TimeUnit.MINUTES);
    // The data set at rest: its pages written out now, not by a checkpoint in the middle of the measurements.
    pool.query("CHECKPOINT").execute().await(30, TimeUnit.MINUTES);
  }
}
