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
    Console console,
    Indicators indicators,
    Notify notifications,
    Tls tls,
    Retention retention,
    Fhir fhir,
    JsonObject sections) {

  /**
   * One top-level section of the configuration file, with the environment already applied, for a module that
   * reads its own settings ({@code config.section("rota")}) instead of growing this record. Empty when absent.
   */
  public JsonObject section(String name) {
    JsonObject section = sections.getJsonObject(name);
    return section == null ? new JsonObject() : section.copy();
  }

  /** The web console: the map tile server (its origin is the one third party the CSP allows). */
  public record Console(String tileUrl, String tileAttribution) {
  }

  /** Activity figures: counts below {@code smallCountThreshold} are shown as "<N" in exports. */
  public record Indicators(int smallCountThreshold) {
  }

  /**
   * Notifications (issue 16): the dispatcher (poll period, batch, attempts, backoff doubling from
   * {@code backoffSeconds}, how long a claim holds), reminders (evening before at {@code reminderEveningTime}
   * Paris time, or {@code reminderSameDayHours} before a same-day slot), SMTP and the SMS gateway (empty host or
   * URL: messages go to the journal table).
   */
  public record Notify(boolean dispatchEnabled, int dispatchIntervalMillis, int batchSize, int maxAttempts,
                       int backoffSeconds, int claimSeconds, java.time.LocalTime reminderEveningTime,
                       int reminderSameDayHours, Mail mail, Sms sms) {
  }

  /** SMTP: host (empty: journal), port, STARTTLS DISABLED/OPTIONAL/REQUIRED, credentials, From header. */
  public record Mail(String smtpHost, int smtpPort, String starttls, String username, String password, String from) {
  }

  /** HTTP SMS gateway: URL (empty: journal), bearer token, sender name, JSON body template (Mustache). */
  public record Sms(String gatewayUrl, String gatewayToken, String sender, String bodyTemplate) {
  }

  /**
   * HTTPS (issue 19): on when both PEM files are set; then HSTS is sent. {@code plainHttp} false turns the HTTP
   * listener off.
   */
  public record Tls(boolean plainHttp, String certFile, String keyFile, int port, long hstsMaxAgeSeconds) {

    public boolean enabled() {
      return certFile != null && !certFile.isBlank() && keyFile != null && !keyFile.isBlank();
    }
  }

  /**
   * Days each kind of record is kept ({@code retention.days.<kind>}), the size of one removal batch, and whether
   * the daily run is scheduled (tests run it on demand only).
   */
  public record Retention(java.util.Map<String, Integer> days, int batchSize, boolean scheduled) {
  }

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
                     int fetchTimeoutSeconds, java.util.Set<String> subscriptionHttpHosts) {
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
            json.getJsonObject("ical").getInteger("fetchTimeoutSeconds"),
            hosts(json.getJsonObject("ical").getString("subscriptionHttpHosts", ""))),
        telephony(json.getJsonObject("telephony"), env),
        json.getJsonObject("calls").getInteger("streamHeartbeatSeconds"),
        json.getJsonObject("demo").getBoolean("enabled"),
        new Console(json.getJsonObject("console").getString("tileUrl"),
            json.getJsonObject("console").getString("tileAttribution")),
        new Indicators(json.getJsonObject("indicators").getInteger("smallCountThreshold")),
        notify(json),
        tls(http),
        retention(json.getJsonObject("retention")),
        fhir(json.getJsonObject("fhir")),
        json.copy());
  }

  private static Notify notify(JsonObject json) {
    JsonObject n = json.getJsonObject("notify");
    JsonObject mail = json.getJsonObject("mail");
    JsonObject sms = json.getJsonObject("sms");
    return new Notify(n.getBoolean("dispatchEnabled"), n.getInteger("dispatchIntervalMillis"),
        n.getInteger("batchSize"), n.getInteger("maxAttempts"), n.getInteger("backoffSeconds"),
        n.getInteger("claimSeconds"), java.time.LocalTime.parse(n.getString("reminderEveningTime")),
        n.getInteger("reminderSameDayHours"),
        new Mail(mail.getString("smtpHost"), mail.getInteger("smtpPort"), mail.getString("starttls"),
            mail.getString("username"), mail.getString("password"), mail.getString("from")),
        new Sms(sms.getString("gatewayUrl"), sms.getString("gatewayToken"), sms.getString("sender"),
            sms.getString("bodyTemplate")));
  }

  private static Tls tls(JsonObject http) {
    JsonObject tls = http.getJsonObject("tls");
    return new Tls(http.getBoolean("enabled", true), tls.getString("certFile"), tls.getString("keyFile"),
        tls.getInteger("port"), tls.getLong("hstsMaxAgeSeconds"));
  }

  private static Retention retention(JsonObject json) {
    java.util.Map<String, Integer> days = new java.util.HashMap<>();
    json.getJsonObject("days").forEach(e -> {
      int value = ((Number) e.getValue()).intValue();
      if (value < 1) {
        throw new IllegalArgumentException("retention.days." + e.getKey() + " must be at least 1");
      }
      days.put(e.getKey(), value);
    });
    return new Retention(java.util.Map.copyOf(days), json.getInteger("batchSize"), json.getBoolean("scheduled", true));
  }

  /** A comma-separated list of host names, lower case. */
  private static java.util.Set<String> hosts(String list) {
    return java.util.Arrays.stream(list.split(",")).map(h -> h.trim().toLowerCase(java.util.Locale.ROOT))
        .filter(h -> !h.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        callStreamHeartbeatSeconds, demoEnabled, console, indicators, notifications, tls, retention, fhir, sections);
  }

  public AppConfig withFhir(Fhir newFhir) {
    return new AppConfig(httpPort, bodyLimitBytes, dbUrl, dbPoolSize, dbSearchPoolSize, dataDir, territoriesFile,
        skillsFile, auth, agendaHorizonDays, bookingLeadMinutes, triageRulesFile, waitlist, ical, telephony,
        callStreamHeartbeatSeconds, demoEnabled, console, indicators, notifications, tls, retention, newFhir, sections);
  }

  public AppConfig withAuth(Auth newAuth) {
    return new AppConfig(httpPort, bodyLimitBytes, dbUrl, dbPoolSize, dbSearchPoolSize, dataDir, territoriesFile,
        skillsFile, newAuth, agendaHorizonDays, bookingLeadMinutes, triageRulesFile, waitlist, ical, telephony,
        callStreamHeartbeatSeconds, demoEnabled, console, indicators, notifications, tls, retention, fhir, sections);
  }
}
