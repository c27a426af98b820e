package fr.aiguillage.bench;

import io.vertx.sqlclient.Pool;

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

  /** 20 slots of 20 minutes per professional: three a day for six days and two on the seventh. */
  static void slots(Pool pool) throws Exception {
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
    pool.query("VACUUM ANALYZE").execute().await(30, TimeUnit.MINUTES);
    // The data set at rest: its pages written out now, not by a checkpoint in the middle of the measurements.
    pool.query("CHECKPOINT").execute().await(30, TimeUnit.MINUTES);
  }
}
