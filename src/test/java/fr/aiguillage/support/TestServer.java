package fr.aiguillage.support;

import fr.aiguillage.AiguillageVerticle;
import fr.aiguillage.Secrets;
import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DbSettings;
import fr.aiguillage.ops.Observability;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real service on a random port, against its own fresh database, with a pinned clock.
 * Passwords are hashed with fewer PBKDF2 rounds than in production to keep the suite fast.
 */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String TELEPHONY_SECRET = "telephony-secret-for-tests";

  public final Vertx vertx;
  public final DbSettings db;
  public final MutableClock clock;
  public final Http http;
  private final AiguillageVerticle verticle;

  private TestServer(Vertx vertx, DbSettings db, MutableClock clock, AiguillageVerticle verticle) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.verticle = verticle;
    this.http = new Http(vertx, verticle.actualPort());
  }

  public static TestServer start() {
    return start(Map.of());
  }

  /** With some settings changed the way the environment changes them (e.g. shorter timers). */
  public static TestServer start(Map<String, String> settings) {
    return start(TestDatabase.freshDatabase(), new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), settings);
  }

  public static TestServer start(DbSettings db, MutableClock clock) {
    return start(db, clock, Map.of());
  }

  /** Another instance on an existing database (two instances, a restart), with its clock and settings. */
  public static TestServer start(DbSettings db, MutableClock clock, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("AIGUILLAGE_TELEPHONY_SECRET", TELEPHONY_SECRET);
    // the daily retention run would act on the pinned clock in the middle of a test; tests run it on demand
    env.putIfAbsent("AIGUILLAGE_RETENTION_SCHEDULED", "false");
    AppConfig base = ConfigLoader.load(env);
    AppConfig config = base.withHttpPort(0).withAuth(new AppConfig.Auth(base.auth().tokenHours(),
        base.auth().maxFailedLogins(), base.auth().lockoutMinutes(), 1000));
    Vertx vertx = Observability.newVertx();
    AiguillageVerticle verticle = new AiguillageVerticle(config, db, new Secrets(ADMIN_PASSWORD, null), clock);
    Await.result(vertx.deployVerticle(verticle));
    return new TestServer(vertx, db, clock, verticle);
  }

  public String adminToken() {
    return http.login("admin", ADMIN_PASSWORD);
  }

  /**
   * Creates an account through the API (as admin) and returns a token for it. The account is created with
   * {@link #initialPasswordOf} and its owner's first sign-in changes it to {@link #passwordOf} (the password
   * policy's forced change, issue 19), so tests log in again with {@code "password-of-" + login}.
   */
  public String tokenFor(String login, List<String> roles, List<String> territories, String professionalId) {
    JsonObject body = new JsonObject().put("login", login).put("password", initialPasswordOf(login))
        .put("roles", new JsonArray(roles)).put("territories", new JsonArray(territories));
    if (professionalId != null) {
      body.put("professionalId", professionalId);
    }
    var created = http.post("/api/v1/accounts", adminToken(), body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("account not created: " + created.bodyAsString());
    }
    var first = http.post("/api/v1/auth/login", null,
        new JsonObject().put("login", login).put("password", initialPasswordOf(login)));
    if (first.statusCode() != 200) {
      throw new IllegalStateException("first sign-in failed: " + first.bodyAsString());
    }
    String token = first.bodyAsJsonObject().getString("token");
    http.changePassword(token, initialPasswordOf(login), passwordOf(login));
    return token;
  }

  /** The password an account made by {@link #tokenFor} has once its owner changed it. */
  public static String passwordOf(String login) {
    return "password-of-" + login;
  }

  /** The password the admin gave it. */
  public static String initialPasswordOf(String login) {
    return "initial-password-of-" + login;
  }

  /** Runs SQL on this server's database (test set-up the API cannot do yet, e.g. a booked slot). */
  public int execute(String sql) {
    try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Reads one number from this server's database. */
  public long count(String sql) {
    return firstValue(sql, rs -> rs.getLong(1));
  }

  /** Reads one value from this server's database, as text. */
  public String text(String sql) {
    return firstValue(sql, rs -> rs.getString(1));
  }

  private interface Column<T> {
    T read(java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private <T> T firstValue(String sql, Column<T> column) {
    try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return column.read(rs);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The event loops that have accepted a connection so far (their threads' names). */
  public java.util.Set<String> servingThreads() {
    return verticle.httpServingThreads();
  }

  public int port() {
    return verticle.actualPort();
  }

  /** The HTTPS port, or -1 when no certificate is configured. */
  public int tlsPort() {
    return verticle.actualTlsPort();
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
