package fr.aiguillage.support;

import io.vertx.core.json.JsonObject;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as {@code ./scripts/run.sh} runs it, in a child JVM on the test class path: embedded PostgreSQL
 * with its files under {@code dataDir/data}, demo data, a fixed port so a restart answers at the same place.
 */
public final class ChildService {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Path dataDir;
  private final int port;

  public ChildService(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.port = freePort();
  }

  /** Starts a JVM whose output goes to {@code logName} under the data directory. */
  public Process start(String logName) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "fr.aiguillage.App")
        .redirectErrorStream(true)
        .redirectOutput(log(logName).toFile());
    builder.environment().put("AIGUILLAGE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AIGUILLAGE_DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("AIGUILLAGE_DEMO_ENABLED", "true");
    builder.environment().put("AIGUILLAGE_AUTH_PBKDF2_ITERATIONS", "1000");
    builder.environment().remove("AIGUILLAGE_DB_URL");
    return builder.start();
  }

  public Path log(String logName) {
    return dataDir.resolve(logName);
  }

  /** The embedded PostgreSQL's data directory. */
  public Path postgresDirectory() {
    return dataDir.resolve("data").resolve("postgres");
  }

  /** The process id written in the first line of {@code postmaster.pid} by the running server. */
  public long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(postgresDirectory().resolve("postmaster.pid")).get(0).strip());
  }

  public void waitForHealth(Process process, String logName) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as(() -> "service died: " + read(logName)).isTrue();
      try {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(uri("/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("no /health UP within 120 s: " + read(logName));
  }

  /** The demo password printed at the first start. */
  public String demoPassword(String logName) {
    Matcher m = Pattern.compile("Password for all of them: (\\S+)").matcher(read(logName));
    assertThat(m.find()).as("the first start prints the demo password").isTrue();
    return m.group(1);
  }

  public String login(String login, String password) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", login).put("password", password)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("token");
  }

  public JsonObject get(String path, String token) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  public String read(String logName) {
    try {
      return Files.readString(log(logName));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
