package fr.aiguillage.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two time conversions every store makes: instants go to PostgreSQL as UTC {@code timestamptz}; times
 * come back to the API in Europe/Paris (DESIGN.md, "Conventions").
 */
public final class SqlTime {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private SqlTime() {
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static OffsetDateTime paris(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(PARIS).toOffsetDateTime();
  }
}
