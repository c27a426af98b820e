package fr.aiguillage.patient.store;

import fr.aiguillage.db.TerritoriesQuery;
import java.util.Set;
import fr.aiguillage.db.SqlTime;
import fr.aiguillage.patient.model.Fragility;
import fr.aiguillage.patient.model.NotificationChannel;
import fr.aiguillage.patient.model.Patient;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for patients. */
public final class PatientStore {

  /** A patient and the account that registered them. */
  public record Stored(Patient patient, UUID createdBy) {
  }

  private static final String COLUMNS = "p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee,"
      + " p.sex, p.fragility, p.has_mt, p.created_by, c.territory_id, p.email, p.notification_channel,"
      + " p.notification_consent_at";

  public Future<Void> insert(SqlClient db, Patient p, UUID createdBy, Instant now) {
    return db.preparedQuery("""
            INSERT INTO patient (id, family_name, given_name, birth_date, phone, commune_insee, sex, fragility, has_mt,
                                 created_by, created_at, updated_at, email, notification_channel,
                                 notification_consent_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14)""")
        .execute(Tuple.from(new Object[] {p.id(), p.familyName(), p.givenName(), p.birthDate(), p.phone(),
            p.communeInsee(), p.sex(), names(p.fragility()), p.hasMt(), createdBy, SqlTime.utc(now), p.email(),
            p.notificationChannel().name(), p.notificationConsentAt()}))
        .mapEmpty();
  }

  public Future<Void> update(SqlClient db, Patient p, Instant now) {
    return db.preparedQuery("""
            UPDATE patient SET family_name = $2, given_name = $3, birth_date = $4, phone = $5, commune_insee = $6,
              sex = $7, fragility = $8, has_mt = $9, updated_at = $10, email = $11, notification_channel = $12,
              notification_consent_at = $13
            WHERE id = $1""")
        .execute(Tuple.from(new Object[] {p.id(), p.familyName(), p.givenName(), p.birthDate(), p.phone(),
            p.communeInsee(), p.sex(), names(p.fragility()), p.hasMt(), SqlTime.utc(now), p.email(),
            p.notificationChannel().name(), p.notificationConsentAt()}))
        .mapEmpty();
  }

  public Future<Optional<Stored>> findById(SqlClient db, UUID id, boolean forUpdate) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM patient p JOIN commune c ON c.insee = p.commune_insee"
            + " WHERE p.id = $1" + (forUpdate ? " FOR UPDATE OF p" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toStored(rows.iterator().next())));
  }

  public Future<Void> markHasMt(SqlClient db, UUID id, Instant now) {
    return db.preparedQuery("UPDATE patient SET has_mt = true, updated_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, SqlTime.utc(now))).mapEmpty();
  }

  public Future<List<Patient>> findByIds(SqlClient db, java.util.Collection<UUID> ids) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM patient p JOIN commune c ON c.insee = p.commune_insee"
            + " WHERE p.id = ANY ($1)")
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(rows -> {
          List<Patient> found = new ArrayList<>();
          rows.forEach(row -> found.add(toStored(row).patient()));
          return found;
        });
  }

  /** By the start of the family name (any case) and/or the birth date; either may be null, not both. */
  public Future<List<Stored>> findByIdentity(SqlClient db, String familyNamePrefix, java.time.LocalDate birthDate) {
    String pattern = familyNamePrefix == null ? null
        : familyNamePrefix.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%";
    return db.preparedQuery("SELECT " + COLUMNS + " FROM patient p JOIN commune c ON c.insee = p.commune_insee"
            + " WHERE ($1::text IS NULL OR lower(p.family_name) LIKE $1) AND ($2::date IS NULL OR p.birth_date = $2)"
            + " ORDER BY p.family_name, p.given_name, p.birth_date LIMIT 50")
        .execute(Tuple.of(pattern, birthDate))
        .map(rows -> {
          List<Stored> found = new ArrayList<>();
          rows.forEach(row -> found.add(toStored(row)));
          return found;
        });
  }

  public Future<List<Stored>> findByPhone(SqlClient db, String e164) {
    return db.preparedQuery("SELECT " + COLUMNS + " FROM patient p JOIN commune c ON c.insee = p.commune_insee"
            + " WHERE p.phone = $1 ORDER BY p.family_name, p.given_name LIMIT 50")
        .execute(Tuple.of(e164))
        .map(rows -> {
          List<Stored> found = new ArrayList<>();
          rows.forEach(row -> found.add(toStored(row)));
          return found;
        });
  }

  private static Stored toStored(Row row) {
    List<Fragility> fragility = Arrays.stream(row.getArrayOfStrings("fragility")).map(Fragility::valueOf).toList();
    return new Stored(new Patient(row.getUUID("id"), row.getString("family_name"), row.getString("given_name"),
        row.getLocalDate("birth_date"), row.getString("phone"), row.getString("commune_insee"), row.getString("sex"),
        fragility, row.getBoolean("has_mt"), row.getString("territory_id"), row.getString("email"),
        NotificationChannel.valueOf(row.getString("notification_channel")),
        SqlTime.paris(row.getOffsetDateTime("notification_consent_at"))), row.getUUID("created_by"));
  }

  private static String[] names(List<Fragility> fragility) {
    return fragility.stream().map(Enum::name).distinct().toArray(String[]::new);
  }


  /** The territory of the patient's commune. */
  public Future<Optional<Set<String>>> territoriesOf(SqlClient db, UUID id) {
    return TerritoriesQuery.run(db, "SELECT ARRAY[c.territory_id] FROM patient p"
        + " JOIN commune c ON c.insee = p.commune_insee WHERE p.id = $1", id);
  }
}
