package fr.aiguillage.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/** The whole configuration, typed, loaded once at start (file, then environment). */
public record AppConfig(
    int httpPort,
    long bodyLimitBytes,
    String dbUrl,
    int dbPoolSize,
    Path dataDir,
    Path territoriesFile,
    Path skillsFile,
    Auth auth,
    int agendaHorizonDays,
    int bookingLeadMinutes,
    boolean demoEnabled) {

  /** Session and password settings. */
  public record Auth(int tokenHours, int maxFailedLogins, int lockoutMinutes, int pbkdf2Iterations) {
  }

  static AppConfig from(JsonObject json) {
    JsonObject http = json.getJsonObject("http");
    JsonObject db = json.getJsonObject("db");
    JsonObject auth = json.getJsonObject("auth");
    return new AppConfig(
        http.getInteger("port"),
        http.getLong("bodyLimitBytes"),
        db.getString("url"),
        db.getInteger("poolSize"),
        Path.of(json.getString("dataDir")),
        Path.of(json.getString("territoriesFile")),
        Path.of(json.getString("skillsFile")),
        new Auth(auth.getInteger("tokenHours"), auth.getInteger("maxFailedLogins"),
            auth.getInteger("lockoutMinutes"), auth.getInteger("pbkdf2Iterations")),
        json.getJsonObject("agenda").getInteger("horizonDays"),
        json.getJsonObject("booking").getInteger("leadMinutes"),
        json.getJsonObject("demo").getBoolean("enabled"));
  }

  public boolean usesEmbeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  public AppConfig withHttpPort(int port) {
    return new AppConfig(port, bodyLimitBytes, dbUrl, dbPoolSize, dataDir, territoriesFile, skillsFile, auth,
        agendaHorizonDays, bookingLeadMinutes, demoEnabled);
  }

  public AppConfig withDbUrl(String url) {
    return new AppConfig(httpPort, bodyLimitBytes, url, dbPoolSize, dataDir, territoriesFile, skillsFile, auth,
        agendaHorizonDays, bookingLeadMinutes, demoEnabled);
  }

  public AppConfig withAuth(Auth newAuth) {
    return new AppConfig(httpPort, bodyLimitBytes, dbUrl, dbPoolSize, dataDir, territoriesFile, skillsFile, newAuth,
        agendaHorizonDays, bookingLeadMinutes, demoEnabled);
  }
}
