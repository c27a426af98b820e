package fr.aiguillage.bench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One year (2025) of one territory's activity written straight in SQL: calls, triages of the answered ones,
 * SNP slots of the territory's professionals, appointments linking booked slots to SNP triages, waiting list.
 * Deterministic (no random()): the same run gives the same figures.
 */
final class IndicatorsData {

  static final String TERRITORY = "bassin-de-thau";
  private static final String YEAR_START = "timestamptz '2025-01-01 08:00 Europe/Paris'";

  private IndicatorsData() {
  }

  static void generate(Pool pool, UUID account, int calls, int triages, int slots, int appointments)
      throws Exception {
    int professionals = 400;
    BenchData.professionalsWithSites(pool, "16", professionals, new BenchData.Mix(
        "(ARRAY['GENERAL_PRACTITIONER', 'PHARMACIST', 'NURSE', 'PHYSIOTHERAPIST'])[1 + i % 4]", "'{}'::text[]"), 0.01);
    // BenchData spreads sites over every commune; this territory keeps them all
    run(pool, "UPDATE site SET commune_insee = (SELECT insee FROM commune WHERE territory_id = '" + TERRITORY
        + "' ORDER BY insee OFFSET (abs(hashtext(site.id::text)) % 6) LIMIT 1)");
    run(pool, """
        INSERT INTO call (id, provider_call_id, line, territory_id, status, ringing_at, answered_at, ended_at, source,
                          created_at, updated_at)
        SELECT gen_random_uuid(), 'bench-' || i, '+33499000001', '%s', CASE WHEN i %% 10 = 0 THEN 'missed' ELSE 'ended' END,
               r, CASE WHEN i %% 10 <> 0 THEN r + (i %% 120) * interval '1 second' END, r + interval '5 minutes',
               'TELEPHONY', r, r
        FROM generate_series(1, %d) AS i,
             LATERAL (SELECT %s + ((i::bigint * 7919) %% 365) * interval '1 day'
                             + ((i::bigint * 104729) %% 43200) * interval '1 second' AS r) AS t"""
        .formatted(TERRITORY, calls, YEAR_START));
    pool.preparedQuery("""
        INSERT INTO triage_assessment (id, call_id, territory_id, age, sex, complaint, red_flags, answers, rules_version,
          decided_by, urgency, orientation, out_of_hours, override_urgency, override_reason, created_by, created_at)
        SELECT gen_random_uuid(), c.id, c.territory_id, 40, 'F', 'OTHER', '{}', '{}', 'bench', 'rule:bench-' || prof,
               urgency, CASE WHEN urgency NOT IN ('VITAL', 'ADVICE') THEN jsonb_build_object('profession', prof) END,
               false, CASE WHEN n % 20 = 0 THEN 'SAME_DAY' END, CASE WHEN n % 20 = 0 THEN 'bench' END, $1,
               c.answered_at + interval '2 minutes'
        FROM (SELECT c.*, row_number() OVER (ORDER BY c.provider_call_id) AS n FROM call c
              WHERE c.answered_at IS NOT NULL) AS c,
             LATERAL (SELECT CASE WHEN n % 100 < 3 THEN 'VITAL' WHEN n % 100 < 10 THEN 'ADVICE'
                                  WHEN n % 100 < 60 THEN 'WITHIN_24H' WHEN n % 100 < 70 THEN 'SAME_DAY'
                                  WHEN n % 100 < 95 THEN 'WITHIN_48H' ELSE 'ROUTINE' END AS urgency,
                             (ARRAY['GENERAL_PRACTITIONER', 'PHARMACIST', 'NURSE', 'PHYSIOTHERAPIST'])[1 + n % 4]
                               AS prof) AS x
        WHERE n <= $2""").execute(Tuple.of(account, triages)).await(30, TimeUnit.MINUTES);
    int perProfessional = slots / professionals;
    run(pool, """
        INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, created_at, updated_at)
        SELECT gen_random_uuid(), s.professional_id, s.id, 'SNP',
               CASE WHEN (k + s.n) %% 5 < 2 THEN 'booked' ELSE 'free' END, st, st + interval '20 minutes', 'MANUAL',
               now(), now()
        FROM (SELECT si.*, row_number() OVER (ORDER BY si.id) AS n FROM site si) AS s
        CROSS JOIN generate_series(0, %d) AS k,
        LATERAL (SELECT %s + (k %% 365) * interval '1 day' + (k / 365) * interval '30 minutes' AS st) AS t"""
        .formatted(perProfessional - 1, YEAR_START));
    run(pool, """
        INSERT INTO patient (id, family_name, given_name, birth_date, commune_insee, created_at, updated_at)
        SELECT gen_random_uuid(), 'Banc' || i, 'Essai', date '1940-01-01' + i, '34301', now(), now()
        FROM generate_series(1, 20000) AS i""");
    pool.preparedQuery("""
        INSERT INTO appointment (id, slot_id, professional_id, site_id, territory_id, kind, start_at, end_at, patient_id,
          reason, call_id, triage_id, booked_by, status, created_at, updated_at)
        SELECT gen_random_uuid(), b.id, b.professional_id, b.site_id, 'bassin-de-thau', 'SNP', b.start_at, b.end_at,
               p.id, 'Banc', t.call_id, t.id, $1,
               (ARRAY['honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'honoured', 'no_show',
                      'cancelled', 'booked'])[1 + b.n % 10], t.created_at, t.created_at
        FROM (SELECT s.*, row_number() OVER (ORDER BY s.start_at, s.id) AS n FROM slot s WHERE s.status = 'booked') AS b
        JOIN (SELECT t.*, row_number() OVER (ORDER BY t.created_at, t.id) AS n FROM triage_assessment t
              WHERE coalesce(t.override_urgency, t.urgency) NOT IN ('VITAL', 'ADVICE')) AS t ON t.n = b.n
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM patient) AS p ON p.n = b.n % 20000
        WHERE b.n <= $2""").execute(Tuple.of(account, appointments)).await(30, TimeUnit.MINUTES);
    pool.preparedQuery("""
        INSERT INTO waitlist_request (id, patient_id, territory_id, source, reported_by, status, close_reason,
          identity_key, fragility_points, priority_reasons, assigned_at, created_at, updated_at)
        SELECT gen_random_uuid(), p.id, 'bassin-de-thau', 'PROFESSIONAL', $1,
               (ARRAY['OPEN', 'ASSIGNED', 'CLOSED', 'PROPOSED'])[1 + p.n % 4],
               CASE WHEN p.n % 4 = 2 THEN 'MOVED_AWAY' END, 'bench' || p.n, 0,
               ARRAY[(ARRAY['ALD', 'AGE_70_PLUS', 'CSS_OR_AME', 'ALD'])[1 + p.n % 4]],
               CASE WHEN p.n % 4 = 1 THEN c + interval '40 days' END, c, c + interval '50 days'
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM patient) AS p,
             LATERAL (SELECT timestamptz '2025-01-01 09:00 Europe/Paris' + (p.n % 300) * interval '1 day' AS c) AS t
        WHERE p.n <= 3000""").execute(Tuple.of(account)).await(30, TimeUnit.MINUTES);
  }

  private static void run(Pool pool, String sql) throws Exception {
    pool.query(sql).execute().await(30, TimeUnit.MINUTES);
  }
}
