package fr.aiguillage.logs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as operators run it (a JVM of its own, demo data, AIGUILLAGE_LOG_FORMAT=json): every line it logs is
 * one JSON object, a request's id is in its log lines, its header and its problem body, and a run that lists,
 * searches, reads and books the demo patients leaves none of their names or phone numbers in the log (issue 18).
 */
class LogPrivacyTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("JSON log lines carry the request id, and a run over the demo patients logs none of their names or phones")
  void jsonLogsWithoutPersonalData() throws Exception {
    int port = freePort();
    Path log = dataDir.resolve("service.log");
    Process service = start(port, log);
    List<String> secrets = new ArrayList<>();
    HttpResponse<String> refused;
    try {
      waitForHealth(port, service, log);
      String token = login(port, "coordination", demoPassword(log));
      JsonArray waiting = get(port, "/api/v1/waitlist?limit=100", token).getJsonArray("items");
      assertThat(waiting).isNotEmpty();
      List<String> patientIds = new ArrayList<>();
      for (Object entry : waiting) {
        String patientId = ((JsonObject) entry).getString("patientId");
        patientIds.add(patientId);
        JsonObject patient = get(port, "/api/v1/patients/" + patientId, token);
        secrets.add(patient.getString("givenName") + " " + patient.getString("familyName"));
        secrets.add(patient.getString("familyName") + " " + patient.getString("givenName"));
        String phone = patient.getString("phone");
        secrets.add(phone);
        secrets.add(phone.replace(" ", ""));
        secrets.add("+33" + phone.replace(" ", "").substring(1));
        get(port, "/api/v1/patients?familyName=" + encode(patient.getString("familyName")), token);
      }
      book(port, token, patientIds.get(0));
      refused = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/patients/not-a-uuid"))
          .header("Authorization", "Bearer " + token).header("X-Request-Id", "privacy-check-1").build());
    } finally {
      service.destroy();
      service.waitFor(60, TimeUnit.SECONDS);
    }
    String output = Files.readString(log);
    // SLF4J's own note when a logger is used while logback is starting ("SLF4J(W): … replayed") is not a log event.
    List<String> lines = output.lines().filter(l -> !l.isBlank() && !l.startsWith("SLF4J(")).toList();
    assertThat(lines).as(output).hasSizeGreaterThan(5);
    lines.forEach(line -> assertThat(line).as("one JSON object per line").startsWith("{").endsWith("}"));
    lines.forEach(JsonObject::new);
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
    assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("privacy-check-1");
    assertThat(new JsonObject(refused.body()).getString("requestId")).isEqualTo("privacy-check-1");
    assertThat(lines.stream().map(JsonObject::new).filter(l -> "privacy-check-1".equals(l.getString("requestId"))))
        .as("log lines of the refused request").isNotEmpty();
    for (String secret : secrets) {
      assertThat(output).as("the log names a demo patient").doesNotContain(secret);
    }
  }

  private static void book(int port, String token, String patientId) throws Exception {
    JsonObject gps = get(port, "/api/v1/professionals?profession=GENERAL_PRACTITIONER&limit=1", token);
    String gp = gps.getJsonArray("items").getJsonObject(0).getString("id");
    JsonObject slot = get(port, "/api/v1/professionals/" + gp + "/slots?status=free", token).getJsonArray("items")
        .getJsonObject(0);
    HttpResponse<String> booked = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/appointments"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("slotId", slot.getString("id"))
            .put("patientId", patientId).put("reason", "Fièvre depuis deux jours").encode())).build());
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
  }

  private Process start(int port, Path log) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlogback.configurationFile=logback.xml", "-cp", classpath, "fr.aiguillage.App")
        .redirectError(log.toFile()) // the log; standard output holds the first-start notices, never logged
        .redirectOutput(notices(log).toFile());
    builder.environment().put("AIGUILLAGE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AIGUILLAGE_DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("AIGUILLAGE_DEMO_ENABLED", "true");
    builder.environment().put("AIGUILLAGE_AUTH_PBKDF2_ITERATIONS", "1000");
    builder.environment().put("AIGUILLAGE_LOG_FORMAT", "json");
    builder.environment().remove("AIGUILLAGE_DB_URL");
    return builder.start();
  }

  private static Path notices(Path log) {
    return log.resolveSibling("notices.txt");
  }

  /** The demo accounts' password, from the first-start notice (printed, not logged). */
  private static String demoPassword(Path log) throws IOException {
    return Files.readString(notices(log)).lines().filter(l -> l.startsWith("Password for all of them: "))
        .map(l -> l.substring("Password for all of them: ".length()).trim())
        .findFirst().orElseThrow(() -> new AssertionError("no demo password announced"));
  }

  private static void waitForHealth(int port, Process process, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180)); // a JVM and a PostgreSQL on a shared machine
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as(() -> "service died: " + read(log)).isTrue();
      try {
        if (send(port, HttpRequest.newBuilder(uri(port, "/health")).build()).statusCode() == 200) {
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
    HttpResponse<String> response = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/auth/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
            .put("login", login).put("password", password).encode())).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("token");
  }

  private static JsonObject get(int port, String path, String token) throws Exception {
    HttpResponse<String> response = send(port, HttpRequest.newBuilder(uri(port, path))
        .header("Authorization", "Bearer " + token).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static HttpResponse<String> send(int port, HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
