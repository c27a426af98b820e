package fr.aiguillage.bench;

import fr.aiguillage.db.DbSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A restart of the service as production runs it: {@code fr.aiguillage.App} in a JVM of its own (fresh classes, no
 * JIT, production logging), on the benchmark's PostgreSQL, with {@code classes} (the code under test) ahead of the
 * libraries. Its output is appended to {@code log}.
 */
final class ServiceJvm implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServiceJvm(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServiceJvm start(DbSettings db, String classes, String adminPassword, Path log) throws Exception {
    int port = freePort();
    java.nio.file.Files.writeString(log, "=== the service's JVM starts with " + classes.split(java.io.File.pathSeparator)[0]
        + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", classes, "fr.aiguillage.App"));
    if (System.getenv("BENCH_JFR") != null) { // a flight recording of the service's JVM, to see where a cold report goes
      command.add(1, "-XX:StartFlightRecording=settings=profile,filename=" + System.getenv("BENCH_JFR") + "-"
          + System.nanoTime() + ".jfr");
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("AIGUILLAGE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AIGUILLAGE_DB_URL",
        "postgresql://" + db.user() + ":" + db.password() + "@" + db.host() + ":" + db.port() + "/" + db.database());
    builder.environment().put("AIGUILLAGE_ADMIN_PASSWORD", adminPassword);
    builder.environment().put("AIGUILLAGE_DATA_DIR", Path.of("target", "bench-indicators-run").toString());
    ServiceJvm jvm = new ServiceJvm(builder.start(), port);
    jvm.awaitHealth();
    return jvm;
  }

  int port() {
    return port;
  }

  private void awaitHealth() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service's JVM stopped: see target/bench-indicators.err");
      }
      try {
        if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("the service did not answer /health within 5 minutes");
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: the service closes its pool as in production
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
