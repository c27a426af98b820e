package fr.aiguillage;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as {@code ./scripts/run.sh} runs it: a separate JVM with the embedded PostgreSQL and demo
 * data, stopped with SIGTERM and started again on the same data directory.
 */
class ServiceLifecycleTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("starts with demo data, stops cleanly on SIGTERM, and a restart keeps every record")
  void startStopRestart() throws Exception {
    int port = freePort();
    Path firstLog = dataDir.resolve("first.log");
    Process first = start(port, firstLog);
    String output;
    String demoPassword;
    try {
      waitForHealth(port, first, firstLog);
      output = Files.readString(firstLog);
      demoPassword = find(output, "Password for all of them: (\\S+)");
      String token = login(port, "coordination", demoPassword);
      JsonObject professionals = get(port, "/api/v1/professionals?limit=1", token);
      assertThat(professionals.getLong("total")).isGreaterThanOrEqualTo(80);
      assertThat(freeSnpSlotsNextWeek(port, token)).as("free SNP slots in the next 7 days").isGreaterThan(300);
      assertThat(get(port, "/api/v1/waitlist?limit=1", token).getLong("total")).isGreaterThanOrEqualTo(24);
      for (String login : List.of("operateur", "medecin", "pharmacie")) {
        assertThat(login(port, login, demoPassword)).isNotBlank();
      }
    } finally {
      first.destroy();
    }
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    output = Files.readString(firstLog);
    assertThat(output).contains("Embedded PostgreSQL stopped").contains("Stopped");

    Path secondLog = dataDir.resolve("second.log");
    Process second = start(port, secondLog);
    try {
      waitForHealth(port, second, secondLog);
      String token = login(port, "coordination", demoPassword);
      assertThat(get(port, "/api/v1/professionals?limit=1", token).getLong("total")).isGreaterThanOrEqualTo(80);
      assertThat(Files.readString(secondLog)).doesNotContain("first start").doesNotContain("demo accounts");
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Sums, over every demo GP, the free SNP slots of the next 7 days. */
  private static long freeSnpSlotsNextWeek(int port, String token) throws Exception {
    JsonObject gps = get(port, "/api/v1/professionals?profession=GENERAL_PRACTITIONER&limit=200", token);
    String to = java.net.URLEncoder.encode(java.time.OffsetDateTime.now().plusDays(7).toString(),
        java.nio.charset.StandardCharsets.UTF_8);
    long total = 0;
    for (Object gp : gps.getJsonArray("items")) {
      String id = ((JsonObject) gp).getString("id");
      total += get(port, "/api/v1/professionals/" + id + "/slots?status=free&kind=SNP&to=" + to, token)
          .getJsonArray("items").size();
    }
    return total;
  }

  private Process start(int port, Path log) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "fr.aiguillage.App")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("AIGUILLAGE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AIGUILLAGE_DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("AIGUILLAGE_DEMO_ENABLED", "true");
    builder.environment().put("AIGUILLAGE_AUTH_PBKDF2_ITERATIONS", "1000");
    builder.environment().remove("AIGUILLAGE_DB_URL");
    return builder.start();
  }

  private static void waitForHealth(int port, Process process, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180)); // a JVM and a PostgreSQL on a shared machine
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as(() -> "service died: " + read(log)).isTrue();
      try {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("no /health UP within 180 s: " + read(log));
  }

  private static String login(int port, String login, String password) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/v1/auth/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", login).put("password", password)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("token");
  }

  private static JsonObject get(int port, String path, String token) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("output should contain " + regex + ":\n" + text).isTrue();
    return m.group(1);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
