package fr.aiguillage.bench;

import fr.aiguillage.directory.Rpps;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.TimeUnit;

/** Bulk synthetic data written straight in SQL (generation speed is not what is measured). */
final class BenchData {

  private BenchData() {
  }

  /** {@code n} distinct valid RPPS numbers starting with {@code prefix} (two digits). */
  static String[] rppsNumbers(String prefix, int n) {
    String[] rpps = new String[n];
    for (int i = 0; i < n; i++) {
      String first10 = prefix + String.format("%08d", i);
      rpps[i] = first10 + Rpps.checkDigit(first10);
    }
    return rpps;
  }

  /** Who the generated professionals are: SQL expressions of their number {@code i} (from 1). */
  record Mix(String profession, String skills) {

    static final Mix GPS = new Mix("'GENERAL_PRACTITIONER'", "'{}'::text[]");
  }

  /**
   * {@code n} professionals of the mix, numbered from a fixed RPPS base ({@code rppsPrefix}), each with one
   * site within {@code spreadDegrees} around a commune of the territories.
   */
  static void professionalsWithSites(Pool pool, String rppsPrefix, int n, Mix mix, double spreadDegrees)
      throws Exception {
    pool.preparedQuery("""
            WITH communes AS (SELECT insee, lat, lon, row_number() OVER (ORDER BY insee) - 1 AS k,
                                     count(*) OVER () AS total FROM commune),
                 pros AS (INSERT INTO professional (id, rpps, family_name, given_name, profession, skills, phone,
                            accepts_snp, accepts_overbooking, mt_capacity, created_at, updated_at)
                          SELECT gen_random_uuid(), r, 'Banc' || i, 'Essai', %s, %s,
                                 '+33465710000', true, i %% 5 = 0, i %% 3, now(), now()
                          FROM unnest($1::text[]) WITH ORDINALITY AS t(r, i)
                          RETURNING id, rpps)
            INSERT INTO site (id, professional_id, name, address, commune_insee, lat, lon)
            SELECT gen_random_uuid(), p.id, 'Cabinet', '1 rue du banc', c.insee,
                   c.lat + (random() - 0.5) * $2, c.lon + (random() - 0.5) * $2
            FROM pros p JOIN communes c ON c.k = (substr(p.rpps, 3, 8)::int %% c.total)"""
            .formatted(mix.profession(), mix.skills()))
        .execute(Tuple.of(rppsNumbers(rppsPrefix, n), spreadDegrees)).await(30, TimeUnit.MINUTES);
  }

  /** Weekday mornings SNP (20 min) and Mon/Wed/Fri afternoons PUBLIC (15 min) for every professional. */
  static void twoRulesEach(Pool pool) throws Exception {
    pool.query("""
            INSERT INTO availability_rule (id, professional_id, site_id, kind, rrule, start_time, end_time,
              slot_minutes, valid_from, created_at, updated_at)
            SELECT gen_random_uuid(), s.professional_id, s.id, r.kind, r.rrule, r.st, r.et, r.minutes,
                   current_date, now(), now()
            FROM site s CROSS JOIN (VALUES
              ('SNP', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', time '08:00', time '12:00', 20),
              ('PUBLIC', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', time '14:00', time '18:00', 15)) AS r(kind, rrule, st, et, minutes)""")
        .execute().await(10, TimeUnit.MINUTES);
  }
}
