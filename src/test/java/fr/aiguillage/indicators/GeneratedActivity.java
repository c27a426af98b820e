package fr.aiguillage.indicators;

import fr.aiguillage.support.TestServer;

/**
 * Seven weeks of two territories' activity (15 February to 5 April 2026, over the change to summer time), written
 * straight in SQL and deterministic (hashes of the row number, no random()): calls with millisecond waits and
 * ties, missed, still ringing, without ringing time, manual ones; assessments with overrides, VITAL and ADVICE,
 * some without call; appointments of every status, some assessments booked twice (the first cancelled); SNP and
 * other slots free, booked, blocked or withdrawn in several communes.
 */
final class GeneratedActivity {

  private static final String START = "date '2026-02-15'";
  private static final int DAYS = 50;

  private GeneratedActivity() {
  }

  static void write(TestServer server, String salt) {
    String h = "abs(hashtext(i::text || '" + salt + "%s'))";
    server.execute("""
        INSERT INTO professional (id, rpps, family_name, given_name, profession, skills, phone, accepts_snp,
                                  accepts_overbooking, mt_capacity, created_at, updated_at)
        SELECT md5('pro%1$s' || i)::uuid, (81000000000 + i)::text, 'Genere' || i, 'Essai',
               (ARRAY['GENERAL_PRACTITIONER', 'PHARMACIST', 'NURSE', 'PHYSIOTHERAPIST'])[1 + i %% 4], '{}',
               '+33465710000', true, false, i %% 3, now(), now()
        FROM generate_series(1, 16) AS i""".formatted(salt));
    server.execute("""
        INSERT INTO site (id, professional_id, name, address, commune_insee, lat, lon, profession)
        SELECT md5('site%1$s' || i)::uuid, p.id, 'Cabinet', '1 rue du Port', c.insee, c.lat, c.lon, p.profession
        FROM generate_series(1, 16) AS i
        JOIN professional p ON p.id = md5('pro%1$s' || i)::uuid,
        LATERAL (SELECT * FROM commune
                 WHERE territory_id = CASE WHEN i <= 12 THEN 'bassin-de-thau' ELSE 'montpellier-est-berange' END
                 ORDER BY insee OFFSET i %% 3 LIMIT 1) AS c""".formatted(salt));
    server.execute("""
        INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source, created_at, updated_at)
        SELECT gen_random_uuid(), md5('pro%1$s' || p)::uuid, md5('site%1$s' || p)::uuid,
               CASE WHEN %2$s %% 7 = 0 THEN 'PUBLIC' ELSE 'SNP' END,
               (ARRAY['free', 'free', 'free', 'free', 'booked', 'booked', 'booked', 'blocked', 'cancelled', 'free'])
                 [1 + %3$s %% 10],
               st, st + interval '20 minutes', 'MANUAL', now(), now()
        FROM generate_series(1, 16) AS p, generate_series(0, %4$d - 1) AS d, generate_series(0, 5) AS k,
             LATERAL (SELECT p * 100000 + d * 10 + k AS i) AS n,
             LATERAL (SELECT ((%5$s + d) + time '08:00' + k * interval '30 minutes' + (p %% 3) * interval '3 hours')
                               AT TIME ZONE 'Europe/Paris' AS st) AS t"""
        .formatted(salt, h.formatted("kind"), h.formatted("status"), DAYS, START));
    server.execute("""
        INSERT INTO call (id, provider_call_id, line, territory_id, status, ringing_at, answered_at, ended_at, source,
                          created_at, updated_at)
        SELECT md5('call%1$s' || i)::uuid, 'gen%1$s-' || i, '+33499000001',
               CASE WHEN %2$s %% 5 = 0 THEN 'montpellier-est-berange' ELSE 'bassin-de-thau' END,
               st, CASE WHEN %3$s %% 25 = 3 AND answered IS NOT NULL THEN NULL ELSE r END, answered,
               CASE WHEN st IN ('ended', 'missed') THEN r + interval '4 minutes' END,
               CASE WHEN %3$s %% 30 = 7 THEN 'MANUAL' ELSE 'TELEPHONY' END, r + (%3$s %% 5) * interval '1 second', r
        FROM generate_series(1, 2500) AS i,
             LATERAL (SELECT ((%4$s)::timestamp AT TIME ZONE 'Europe/Paris')
                             + (%5$s %% (%6$d * 86400)) * interval '1 second'
                             + (%3$s %% 1000) * interval '1 millisecond' AS r,
                             (ARRAY['ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'ended', 'missed', 'ringing',
                                    'ended'])[1 + %7$s %% 10] AS st) AS a,
             LATERAL (SELECT CASE WHEN st = 'ended' THEN r + CASE WHEN %3$s %% 4 = 0
                                    THEN (%3$s %% 90) * interval '1 second'
                                    ELSE (%3$s %% 120000) * interval '1 millisecond' END END AS answered) AS b"""
        .formatted(salt, h.formatted("territory"), h.formatted("wait"), START, h.formatted("at"), DAYS,
            h.formatted("status")));
    server.execute("""
        INSERT INTO triage_assessment (id, call_id, territory_id, age, sex, complaint, red_flags, answers, rules_version,
          decided_by, urgency, orientation, out_of_hours, override_urgency, override_orientation, override_reason,
          created_by, created_at)
        SELECT md5('triage%1$s' || i)::uuid, CASE WHEN %2$s %% 11 = 5 THEN NULL ELSE c.id END, c.territory_id, 40, 'F',
               'OTHER', '{}', '{}', 'gen', 'rule:gen-' || (%2$s %% 5), u.urgency,
               CASE WHEN u.urgency NOT IN ('VITAL', 'ADVICE') AND %2$s %% 13 <> 1
                    THEN jsonb_build_object('profession', u.prof) END,
               false, o.urgency, CASE WHEN o.urgency IS NOT NULL AND %2$s %% 2 = 0
                                      THEN jsonb_build_object('profession', 'NURSE') END,
               CASE WHEN o.urgency IS NOT NULL THEN 'genere' END,
               (SELECT id FROM account ORDER BY created_at LIMIT 1),
               coalesce(c.answered_at, c.ringing_at) + (%2$s %% 300) * interval '1 second'
        FROM (SELECT c.*, row_number() OVER (ORDER BY c.provider_call_id) AS i FROM call c
              WHERE c.answered_at IS NOT NULL AND c.provider_call_id LIKE 'gen%1$s-%%') AS c,
             LATERAL (SELECT (ARRAY['VITAL', 'ADVICE', 'WITHIN_24H', 'WITHIN_24H', 'SAME_DAY', 'WITHIN_48H', 'ROUTINE',
                                    'WITHIN_24H', 'SAME_DAY', 'WITHIN_24H'])[1 + %3$s %% 10] AS urgency,
                             (ARRAY['GENERAL_PRACTITIONER', 'PHARMACIST', 'NURSE', 'PHYSIOTHERAPIST', 'MIDWIFE'])
                               [1 + %4$s %% 5] AS prof) AS u,
             LATERAL (SELECT CASE WHEN %2$s %% 17 = 0 THEN (ARRAY['SAME_DAY', 'VITAL', 'ADVICE', 'WITHIN_48H'])
                                    [1 + %3$s %% 4] END AS urgency) AS o"""
        .formatted(salt, h.formatted("t"), h.formatted("urgency"), h.formatted("prof")));
    server.execute("""
        INSERT INTO patient (id, family_name, given_name, birth_date, commune_insee, created_at, updated_at)
        SELECT md5('patient%1$s' || i)::uuid, 'Genere' || i, 'Essai', date '1950-01-01' + i, '34301', now(), now()
        FROM generate_series(1, 50) AS i""".formatted(salt));
    // the n-th request is booked in the n-th booked SNP slot; one in seven was first booked elsewhere and cancelled
    server.execute("""
        INSERT INTO appointment (id, slot_id, professional_id, site_id, territory_id, kind, start_at, end_at, patient_id,
          reason, call_id, triage_id, booked_by, status, created_at, updated_at)
        SELECT gen_random_uuid(), b.id, b.professional_id, b.site_id, t.territory_id, 'SNP', b.start_at, b.end_at,
               md5('patient%1$s' || (1 + b.n %% 50))::uuid, 'Genere', t.call_id, t.id, t.created_by,
               CASE WHEN x.again THEN 'cancelled'
                    ELSE (ARRAY['honoured', 'honoured', 'honoured', 'no_show', 'cancelled', 'booked'])[1 + %2$s %% 6] END,
               t.created_at + CASE WHEN x.again THEN interval '1 minute' ELSE interval '3 minutes' END, t.created_at
        FROM (SELECT s.*, row_number() OVER (ORDER BY s.start_at, s.id) AS n FROM slot s
              WHERE s.status = 'booked' AND s.kind = 'SNP') AS b
        JOIN (SELECT t.*, row_number() OVER (ORDER BY t.created_at, t.id) AS n FROM triage_assessment t
              WHERE coalesce(t.override_urgency, t.urgency) NOT IN ('VITAL', 'ADVICE') AND t.rules_version = 'gen') AS t
          ON t.n = b.n,
        LATERAL (SELECT b.n AS i) AS i,
        LATERAL (SELECT unnest(CASE WHEN b.n %% 7 = 0 THEN ARRAY[true, false] ELSE ARRAY[false] END) AS again) AS x"""
        .formatted(salt, h.formatted("status")));
  }
}
