package fr.aiguillage.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Pools;
import fr.aiguillage.notify.NotifyModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench-notify.sh: {@code n} e-mail confirmations queued in the outbox (patients with consent, one
 * appointment each), then one dispatcher run sends them all to a local SMTP server (GreenMail, in this JVM).
 * Ceiling, same run: the same number of messages sent straight with vertx-mail-client to the same server, in
 * windows as large as the dispatcher's batch (same concurrency, same client settings), without the outbox.
 */
public final class NotifyBench {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    int port = smtp.getSmtp().getPort();
    try (DatabaseServer db = BenchDatabase.fresh("bench-notify-pg")) {
      Vertx vertx = Vertx.vertx();
      AppConfig config = ConfigLoader.load(Map.of("AIGUILLAGE_MAIL_SMTP_HOST", "localhost",
          "AIGUILLAGE_MAIL_SMTP_PORT", String.valueOf(port), "AIGUILLAGE_MAIL_STARTTLS", "DISABLED",
          "AIGUILLAGE_NOTIFY_DISPATCH_INTERVAL_MILLIS", "3600000")).withHttpPort(0);
      AiguillageVerticle service = new AiguillageVerticle(config, db.settings(), new Secrets("bench-admin-password",
          null), Clock.systemUTC());
      vertx.deployVerticle(service).await(2, TimeUnit.MINUTES);
      String professional = professional(vertx, service.actualPort());
      Pool pool = Pools.create(vertx, db.settings(), 2);
      long q0 = System.nanoTime();
      queue(pool, professional, n);
      System.out.printf("queued %d confirmations in %.1f s%n", n, (System.nanoTime() - q0) / 1e9);

      MailClient raw = MailClient.create(vertx, new MailConfig().setHostname("localhost").setPort(port)
          .setStarttls(StartTLSOptions.DISABLED).setLogin(LoginOption.DISABLED).setKeepAlive(true));
      int window = config.notifications().batchSize();
      rawSends(raw, Math.min(n, 2_000), window);
      smtp.purgeEmailFromAllMailboxes();

      long t0 = System.nanoTime();
      int handled = vertx.eventBus().<Integer>request(NotifyModule.DISPATCH_ADDRESS, null,
          new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(TimeUnit.HOURS.toMillis(1)))
          .await(1, TimeUnit.HOURS).body();
      double dispatchSeconds = (System.nanoTime() - t0) / 1e9;
      long sent = pool.query("SELECT count(*) FROM notification WHERE status = 'sent'").execute()
          .await(1, TimeUnit.MINUTES).iterator().next().getLong(0);
      int received = smtp.getReceivedMessages().length;
      smtp.purgeEmailFromAllMailboxes();

      long r0 = System.nanoTime();
      rawSends(raw, n, window);
      double rawSeconds = (System.nanoTime() - r0) / 1e9;

      double dispatchRate = n / dispatchSeconds;
      double rawRate = n / rawSeconds;
      System.out.printf("outbox dispatch: %d rows handled, %d sent, %d received by SMTP, %.1f s = %.0f messages/s%n",
          handled, sent, received, dispatchSeconds, dispatchRate);
      System.out.printf("ceiling, raw vertx-mail-client to the same server (windows of %d): %.1f s = %.0f messages/s%n",
          window, rawSeconds, rawRate);
      System.out.printf("ratio outbox / raw SMTP: %.2f%n", dispatchRate / rawRate);
      pool.close().await(1, TimeUnit.MINUTES);
      vertx.close().await(1, TimeUnit.MINUTES);
    } finally {
      smtp.stop();
    }
  }

  private static void rawSends(MailClient raw, int n, int window) throws Exception {
    for (int start = 0; start < n; start += window) {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = start; i < Math.min(n, start + window); i++) {
        sends.add(raw.sendMail(new MailMessage().setFrom("CPTS <ne-pas-repondre@cpts.example>")
            .setTo("patient" + i + "@example.org").setSubject("Votre rendez-vous du mardi 24 novembre à 10 h 00 est confirmé")
            .setText(BODY)));
      }
      Future.all(sends).await(10, TimeUnit.MINUTES);
    }
  }

  private static final String BODY = """
      Bonjour Zoé,

      Votre rendez-vous est confirmé.

      Quand : mardi 24 novembre à 10 h 00
      Avec : Essai Banc, médecin généraliste
      Où : Cabinet, 1 rue du banc
      Téléphone : 04 65 71 00 00

      À apporter : votre carte Vitale, une pièce d'identité, vos ordonnances et la liste de vos traitements en cours.

      Si vous ne pouvez pas venir, annulez pour que la place serve à un autre patient :
      http://localhost:8080/annulation/AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB

      Message envoyé par la CPTS. Merci de ne pas y répondre.
      """;

  private static String professional(Vertx vertx, int port) throws Exception {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    String admin = client.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", "admin")
        .put("password", "bench-admin-password")).await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("token");
    client.post("/api/v1/accounts").bearerTokenAuthentication(admin).sendJsonObject(new JsonObject()
        .put("login", "bench-coordinator").put("password", "bench-coordinator-password")
        .put("roles", new JsonArray().add("COORDINATOR")).put("territories", new JsonArray().add("bassin-de-thau")))
        .await(1, TimeUnit.MINUTES);
    return client.post("/api/v1/professionals").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("rpps", "1500000000" + fr.aiguillage.directory.Rpps.checkDigit("1500000000"))
            .put("familyName", "Banc").put("givenName", "Essai").put("profession", "GENERAL_PRACTITIONER")
            .put("phone", "04 65 71 00 00").put("acceptsSnp", true).put("acceptsOverbooking", false)
            .put("mtCapacity", 0).put("sites", new JsonArray().add(new JsonObject()
                .put("name", "Cabinet").put("address", "1 rue du banc").put("communeInsee", "34301"))))
        .await(1, TimeUnit.MINUTES).bodyAsJsonObject().getString("id");
  }

  /** {@code n} future slots, each booked for its own consenting patient (e-mail), each with a due confirmation. */
  private static void queue(Pool pool, String professional, int n) throws Exception {
    pool.preparedQuery("""
            WITH acc AS (SELECT id FROM account WHERE login = 'bench-coordinator'),
                 site AS (SELECT id FROM site WHERE professional_id = $1::uuid),
                 k AS (SELECT k, gen_random_uuid() AS patient, gen_random_uuid() AS slot, gen_random_uuid() AS appt
                       FROM generate_series(0, $2 - 1) AS k),
                 pat AS (INSERT INTO patient (id, family_name, given_name, birth_date, phone, commune_insee, email,
                           notification_channel, notification_consent_at, created_at, updated_at)
                         SELECT patient, 'Banc', 'Zoé', '1980-01-01', NULL, '34301', 'patient' || k || '@example.org',
                                'EMAIL', now(), now(), now() FROM k RETURNING id),
                 slots AS (INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source,
                             created_at, updated_at)
                           SELECT slot, $1::uuid, (SELECT id FROM site), 'SNP', 'booked',
                                  date_trunc('hour', now()) + interval '2 days' + k * interval '10 minutes',
                                  date_trunc('hour', now()) + interval '2 days' + k * interval '10 minutes'
                                    + interval '10 minutes', 'MANUAL', now(), now() FROM k RETURNING id),
                 appts AS (INSERT INTO appointment (id, slot_id, professional_id, site_id, territory_id, kind, start_at,
                             end_at, patient_id, reason, booked_by, status, version, created_at, updated_at)
                           SELECT appt, slot, $1::uuid, (SELECT id FROM site), 'bassin-de-thau', 'SNP',
                                  date_trunc('hour', now()) + interval '2 days' + k * interval '10 minutes',
                                  date_trunc('hour', now()) + interval '2 days' + k * interval '10 minutes'
                                    + interval '10 minutes', patient, 'banc', (SELECT id FROM acc), 'booked', 0, now(),
                                  now()
                           FROM k WHERE (SELECT count(*) FROM pat) >= 0 AND (SELECT count(*) FROM slots) >= 0
                           RETURNING id)
            INSERT INTO notification (id, appointment_id, territory_id, kind, channel, status, due_at, next_attempt_at,
                                      created_at)
            SELECT gen_random_uuid(), appt, 'bassin-de-thau', 'CONFIRMATION', 'EMAIL', 'pending', now(), now(), now()
            FROM k WHERE (SELECT count(*) FROM appts) >= 0""")
        .execute(Tuple.of(professional, n)).await(10, TimeUnit.MINUTES);
  }
}
