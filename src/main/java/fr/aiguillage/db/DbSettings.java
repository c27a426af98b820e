package fr.aiguillage.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where the PostgreSQL server is and how to log in. */
public record DbSettings(String host, int port, String database, String user, String password) {

  /** Parses {@code postgresql://user:pass@host:port/db} (also accepts the {@code postgres://} scheme). */
  public static DbSettings fromUrl(String url) {
    URI uri = URI.create(url.trim());
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Database URL must start with postgresql://");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new DbSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
        path.isEmpty() ? "postgres" : path, user, password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public DbSettings withDatabase(String name) {
    return new DbSettings(host, port, name, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DbSettings[" + host + ":" + port + "/" + database + " as " + user + "]";
  }
}
