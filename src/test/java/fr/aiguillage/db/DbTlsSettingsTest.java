package fr.aiguillage.db;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DbTlsSettingsTest {

  @Test
  @DisplayName("sslmode=verify-full in the database URL makes both the pool and Flyway verify the server")
  void verifyFull() {
    DbSettings db = DbSettings.fromUrl(
        "postgresql://app:secret@db.example:5432/aiguillage?sslmode=verify-full&sslrootcert=/etc/aiguillage/root.crt");
    PgConnectOptions options = Pools.connectOptions(db);
    assertThat(options.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(options.getSslOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(options.getSslOptions().getTrustOptions()).isNotNull();
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/aiguillage"
        + "?sslmode=verify-full&sslrootcert=%2Fetc%2Faiguillage%2Froot.crt");
    assertThat(db.withDatabase("other").sslMode()).isEqualTo("verify-full");
  }

  @Test
  @DisplayName("without sslmode nothing changes: no TLS asked, the JDBC URL as before")
  void none() {
    DbSettings db = DbSettings.fromUrl("postgresql://app:secret@localhost:5432/aiguillage");
    assertThat(Pools.connectOptions(db).getSslMode()).isEqualTo(SslMode.DISABLE);
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/aiguillage");
  }
}
