package fr.aiguillage.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the PostgreSQL server is and how to log in; {@code sslMode} ({@code require}, {@code verify-ca},
 * {@code verify-full}...) and {@code sslRootCert} (PEM of the CA to trust) when the connection must use TLS.
 */
public record DbSettings(String host, int port, String database, String user, String password, String sslMode,
                         String sslRootCert) {

  public DbSettings(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, null, null);
  }

  /**
   * Parses {@code postgresql://user:pass@host:port/db} (also accepts the {@code postgres://} scheme), with the
   * libpq parameters {@code ?sslmode=verify-full&sslrootcert=/path/to/root.crt}.
   */
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
    java.util.Map<String, String> query = new java.util.HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return new DbSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
        path.isEmpty() ? "postgres" : path, user, password, query.get("sslmode"), query.get("sslrootcert"));
  }

  /** For Flyway (pgJDBC understands the same sslmode and sslrootcert parameters). */
  public String jdbcUrl() {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    if (sslMode == null) {
      return url;
    }
    return url + "?sslmode=" + encode(sslMode) + (sslRootCert == null ? "" : "&sslrootcert=" + encode(sslRootCert));
  }

  public DbSettings withDatabase(String name) {
    return new DbSettings(host, port, name, user, password, sslMode, sslRootCert);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DbSettings[" + host + ":" + port + "/" + database + " as " + user
        + (sslMode == null ? "" : ", sslmode " + sslMode) + "]";
  }
}
