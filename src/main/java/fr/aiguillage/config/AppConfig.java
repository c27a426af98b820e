package fr.aiguillage.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/** The whole configuration, typed, loaded once at start (file, then environment). */
public record AppConfig(
    int httpPort,
    long bodyLimitBytes,
    String dbUrl,
    int dbPoolSize,
    int dbSearchPoolSize,
    Path dataDir,
    Path territoriesFile,
    Path skillsFile,
    Auth auth,
    int agendaHorizonDays,
    int bookingLeadMinutes,
    Path triageRulesFile,
    Waitlist waitlist,
    Ical ical,
    Telephony telephony,
    int callStreamHeartbeatSeconds,
    boolean demoEnabled,
    Fhir fhir) {

  /**
   * The SAS interface's own HTTPS listener (off when {@code port} is 0): server certificate chain and PKCS#8 key
   * (PEM), the CA certificates trusted for clients (PEM), the client subjects let in (DNs or CNs, ';'-separated),
   * how fullUrls and links start, and how the console's booking addresses start.
   */
  public record Fhir(int port, String certFile, String keyFile, String trustFile, String allowedSubjects,
                     String publicBaseUrl, String consoleBaseUrl) {

    public boolean enabled() {
      return port > 0;
    }
  }

  /** A telephony line: its number, the territory it serves, and its shared secret (from the environment). */
  public record Line(String number, String territory, String secret) {
  }

  /** Waiting-list priority: points per fragility reason, then per month waited (capped). */
  public record Waitlist(java.util.Map<String, Integer> weights, int pointsPerMonthWaited, int maxWaitPoints) {
  }

  /** Calendar feeds and imports: the address the feed URLs start with, limits, subscription period. */
  public record Ical(String publicBaseUrl, int requestsPerMinute, long importMaxBytes, int subscriptionMinutes,
                     int fetchTimeoutSeconds) {
  }

  /** The provider's lines and how far its timestamps may drift. */
  public record Telephony(int maxSkewSeconds, java.util.List<Line> lines) {
  }

  /** Session and password settings. */
  public record Auth(int tokenHours, int maxFailedLogins, int lockoutMinutes, int pbkdf2Iterations) {
  }

  static AppConfig from(JsonObject json, java.util.Map<String, String> env) {
    JsonObject http = json.getJsonObject("http");
    JsonObject db = json.getJsonObject("db");
    JsonObject auth = json.getJsonObject("auth");
    return new AppConfig(
        http.getInteger("port"),
        http.getLong("bodyLimitBytes"),
        db.getString("url"),
        db.getInteger("poolSize"),
        db.getInteger("searchPoolSize"),
        Path.of(json.getString("dataDir")),
        Path.of(json.getString("territoriesFile")),
        Path.of(json.getString("skillsFile")),
        new Auth(auth.getInteger("tokenHours"), auth.getInteger("maxFailedLogins"),
            auth.getInteger("lockoutMinutes"), auth.getInteger("pbkdf2Iterations")),
        json.getJsonObject("agenda").getInteger("horizonDays"),
        json.getJsonObject("booking").getInteger("leadMinutes"),
        Path.of(json.getString("triageRulesFile")),
        waitlist(json.getJsonObject("waitlist")),
        new Ical(json.getJsonObject("ical").getString("publicBaseUrl"),
            json.getJsonObject("ical").getInteger("requestsPerMinute"),
            json.getJsonObject("ical").getLong("importMaxBytes"),
            json.getJsonObject("ical").getInteger("subscriptionMinutes"),
            json.getJsonObject("ical").getInteger("fetchTimeoutSeconds")),
        telephony(json.getJsonObject("telephony"), env),
        json.getJsonObject("calls").getInteger("streamHeartbeatSeconds"),
        json.getJsonObject("demo").getBoolean("enabled"),
        fhir(json.getJsonObject("fhir")));
  }

  private static Fhir fhir(JsonObject json) {
    return new Fhir(json.getInteger("port"), json.getString("certFile"), json.getString("keyFile"),
        json.getString("trustFile"), json.getString("allowedSubjects"), json.getString("publicBaseUrl"),
        json.getString("consoleBaseUrl"));
  }

  private static Waitlist waitlist(JsonObject json) {
    java.util.Map<String, Integer> weights = new java.util.HashMap<>();
    json.getJsonObject("weights").forEach(e -> weights.put(e.getKey(), ((Number) e.getValue()).intValue()));
    return new Waitlist(java.util.Map.copyOf(weights), json.getInteger("pointsPerMonthWaited"),
        json.getInteger("maxWaitPoints"));
  }

  private static Telephony telephony(JsonObject json, java.util.Map<String, String> env) {
    java.util.List<Line> lines = new java.util.ArrayList<>();
    json.getJsonArray("lines").forEach(o -> {
      JsonObject line = (JsonObject) o;
      lines.add(new Line(line.getString("number"), line.getString("territory"), env.get(line.getString("secretEnv"))));
    });
    return new Telephony(json.getInteger("maxSkewSeconds"), java.util.List.copyOf(lines));
  }

  public boolean usesEmbeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  public AppConfig withHttpPort(int port) {
    return new AppConfig(port, bodyLimitBytes, dbUrl, dbPoolSize, dbSearchPoolSize, dataDir, territoriesFile,
        skillsFile, auth, agendaHorizonDays, bookingLeadMinutes, triageRulesFile, waitlist, ical, telephony,
        callStreamHeartbeatSeconds, demoEnabled, fhir);
  }

  public AppConfig withFhir(Fhir newFhir) {
    return new AppConfig(httpPort, bodyLimitBytes, dbUrl, dbPoolSize, dbSearchPoolSize, dataDir, territoriesFile,
        skillsFile, auth, agendaHorizonDays, bookingLeadMinutes, triageRulesFile, waitlist, ical, telephony,
        callStreamHeartbeatSeconds, demoEnabled, newFhir);
  }

  public AppConfig withAuth(Auth newAuth) {
    return new AppConfig(httpPort, bodyLimitBytes, dbUrl, dbPoolSize, dbSearchPoolSize, dataDir, territoriesFile,
        skillsFile, newAuth, agendaHorizonDays, bookingLeadMinutes, triageRulesFile, waitlist, ical, telephony,
        callStreamHeartbeatSeconds, demoEnabled, fhir);
  }
}
