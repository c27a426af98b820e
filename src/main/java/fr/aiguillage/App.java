package fr.aiguillage;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.config.ConfigLoader;
import fr.aiguillage.db.DatabaseServer;
import fr.aiguillage.db.Migrations;
import fr.aiguillage.ops.Observability;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Boot: configuration → database → migrations → HTTP. SIGTERM stops HTTP, the pool, then PostgreSQL. */
public final class App {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private App() {
  }

  public static void main(String[] args) {
    long started = System.nanoTime();
    AppConfig config = ConfigLoader.load(System.getenv());
    DatabaseServer database = DatabaseServer.start(config);
    Vertx vertx = null;
    try {
      int applied = Migrations.migrate(database.settings());
      LOG.info("Database schema up to date ({} migration(s) applied)", applied);
      vertx = Observability.newVertx();
      AiguillageVerticle verticle = new AiguillageVerticle(config, database.settings(),
          Secrets.fromEnvironment(System.getenv()), Clock.systemUTC());
      vertx.deployVerticle(verticle).await(5, TimeUnit.MINUTES);
      LOG.info("Aiguillage listening on port {}, HTTPS port {}, on {} event loop(s) (started in {} ms)",
          verticle.actualPort(), verticle.actualTlsPort(), verticle.httpEventLoops(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (Exception e) {
      LOG.error("Startup failed: {}", e.getMessage(), e);
      stop(vertx, database);
      System.exit(1);
    }
    Vertx running = vertx;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, database), "aiguillage-shutdown"));
  }

  private static void stop(Vertx vertx, DatabaseServer database) {
    LOG.info("Stopping");
    try {
      if (vertx != null) {
        vertx.close().await(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    database.close();
    LOG.info("Stopped");
  }
}
