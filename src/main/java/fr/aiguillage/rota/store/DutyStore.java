package fr.aiguillage.rota.store;

import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for booking on a duty: the seat counter (its CHECK keeps booked ≤ capacity under any concurrency: the UPDATE
 * locks the row, the constraint refuses the seat past capacity), the duty as booking and search read it, and the
 * slot made for each patient. A duty's site is the holder's site in the sector's territory, in the sector's communes
 * first (then by id): the same one in the search and in the booking.
 */
public final class DutyStore {

  /** A duty held, with its seats, band, site (null if the holder has none there) and the starts already booked. */
  public record Duty(UUID placeId, UUID professionalId, String monthStatus, String bandLabel, int booked, int capacity,
                     Instant start, Instant end, int stepMinutes, UUID siteId, List<Instant> taken) {
  }

  private static final String SITE = """
      LEFT JOIN LATERAL (
        SELECT si.id, si.name, si.address, si.commune_insee, si.lat, si.lon, si.position
        FROM site si JOIN commune c ON c.insee = si.commune_insee
        WHERE si.professional_id = a.professional_id AND c.territory_id = sec.territory_id
        ORDER BY (si.commune_insee = ANY (sec.communes)) DESC, si.id LIMIT 1) si ON true
      """;

  private static final String DUTY = """
      SELECT a.place_id, a.professional_id, m.status, b.label, a.booked, a.capacity, lower(p.during) AS s,
             upper(p.during) AS e, b.step_minutes, si.id AS site_id,
             ARRAY(SELECT sl.start_at FROM slot sl WHERE sl.duty_place_id = p.id AND sl.status <> 'cancelled'
                   ORDER BY sl.start_at) AS taken
      FROM rota_assignment a JOIN rota_place p ON p.id = a.place_id JOIN rota_month m ON m.id = p.month_id
      JOIN rota_band b ON b.id = p.band_id JOIN rota_sector sec ON sec.id = p.sector_id
      """ + SITE;

  /**
   * Takes one seat of a place still held by the professional; false when it is not (any more); fails with 23514 (the
   * CHECK) when the duty is full.
   */
  public Future<Boolean> takeSeat(SqlClient tx, UUID placeId, UUID professionalId) {
    return tx.preparedQuery("UPDATE rota_assignment SET booked = booked + 1 WHERE place_id = $1"
            + " AND professional_id = $2")
        .execute(Tuple.of(placeId, professionalId)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Optional<Duty>> duty(SqlClient db, UUID placeId) {
    return db.preparedQuery(DUTY + " WHERE a.place_id = $1").execute(Tuple.of(placeId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(duty(rows.iterator().next())));
  }

  /** Whether the place exists at all (to tell a gap from an unknown id). */
  public Future<Boolean> placeExists(SqlClient db, UUID placeId) {
    return db.preparedQuery("SELECT 1 FROM rota_place WHERE id = $1").execute(Tuple.of(placeId))
        .map(rows -> rows.size() == 1);
  }

  /** The patient's slot on the duty: booked, SNP, marked with the place (the database never frees it). */
  public Future<Void> insertSlot(SqlClient tx, UUID id, Duty duty, OffsetDateTime start, OffsetDateTime end,
                                 Instant now) {
    return tx.preparedQuery("INSERT INTO slot (id, professional_id, site_id, kind, status, start_at, end_at, source,"
            + " created_at, updated_at, duty_place_id) VALUES ($1, $2, $3, 'SNP', 'booked', $4, $5, 'MANUAL', $6, $6, $7)")
        .execute(Tuple.from(new Object[] {id, duty.professionalId(), duty.siteId(), start, end, SqlTime.utc(now),
            duty.placeId()}))
        .mapEmpty();
  }

  /** The live appointments booked on a duty, by time: what must be rebooked if the duty is dropped. */
  public Future<List<java.util.Map<String, Object>>> bookedOn(SqlClient db, UUID placeId) {
    return db.preparedQuery("SELECT ap.id, ap.start_at, ap.professional_id FROM appointment ap"
            + " JOIN slot sl ON sl.id = ap.slot_id WHERE sl.duty_place_id = $1 AND ap.status = 'booked'"
            + " ORDER BY ap.start_at, ap.id").execute(Tuple.of(placeId))
        .map(rows -> {
          List<java.util.Map<String, Object>> list = new ArrayList<>();
          rows.forEach(r -> list.add(java.util.Map.of("appointmentId", r.getUUID("id").toString(),
              "start", SqlTime.paris(r.getOffsetDateTime("start_at")).toString(),
              "professionalId", r.getUUID("professional_id").toString())));
          return list;
        });
  }

  /** Published duties held by these professionals with places left and a site, overlapping [from, to). */
  public Future<List<Duty>> heldBy(SqlClient db, List<UUID> professionalIds, Instant from, Instant to) {
    return db.preparedQuery(DUTY + " WHERE a.professional_id = ANY ($1) AND m.status = 'PUBLISHED'"
            + " AND a.booked < a.capacity AND p.during && tstzrange($2, $3) AND si.id IS NOT NULL"
            + " ORDER BY lower(p.during), a.place_id")
        .execute(Tuple.of(professionalIds.toArray(UUID[]::new), SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          List<Duty> found = new ArrayList<>();
          rows.forEach(r -> found.add(duty(r)));
          return found;
        });
  }

  /** The places a professional holds overlapping [from, to), any month status, by time. */
  public Future<List<fr.aiguillage.agenda.model.DutyOverlap>> heldBetween(SqlClient db, UUID professionalId,
                                                                         Instant from, Instant to) {
    return db.preparedQuery("SELECT p.id, sec.name, b.label, lower(p.during) AS s, upper(p.during) AS e, m.status,"
            + " a.booked FROM rota_assignment a JOIN rota_place p ON p.id = a.place_id"
            + " JOIN rota_month m ON m.id = p.month_id JOIN rota_band b ON b.id = p.band_id"
            + " JOIN rota_sector sec ON sec.id = p.sector_id"
            + " WHERE a.professional_id = $1 AND a.during && tstzrange($2, $3) ORDER BY lower(p.during), p.id")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          List<fr.aiguillage.agenda.model.DutyOverlap> found = new ArrayList<>();
          rows.forEach(r -> found.add(new fr.aiguillage.agenda.model.DutyOverlap(r.getUUID("id"), r.getString("name"),
              r.getString("label"), SqlTime.paris(r.getOffsetDateTime("s")), SqlTime.paris(r.getOffsetDateTime("e")),
              r.getString("status"), r.getInteger("booked"))));
          return found;
        });
  }

  /** The agenda's absences of these professionals overlapping [from, to) (the planner never proposes them then). */
  public Future<java.util.Map<UUID, List<Instant[]>>> absences(SqlClient db, List<UUID> professionalIds, Instant from,
                                                                Instant to) {
    return db.preparedQuery("SELECT professional_id, from_at, to_at FROM absence WHERE professional_id = ANY ($1)"
            + " AND tstzrange(from_at, to_at) && tstzrange($2, $3) ORDER BY from_at")
        .execute(Tuple.of(professionalIds.toArray(UUID[]::new), SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          java.util.Map<UUID, List<Instant[]>> found = new java.util.HashMap<>();
          rows.forEach(r -> found.computeIfAbsent(r.getUUID("professional_id"), k -> new ArrayList<>())
              .add(new Instant[] {r.getOffsetDateTime("from_at").toInstant(), r.getOffsetDateTime("to_at").toInstant()}));
          return found;
        });
  }

  /** Published duties a professional holds starting in [from, to), by time (for the calendar feed). */
  public Future<List<Duty>> ofProfessional(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery(DUTY + " WHERE a.professional_id = $1 AND m.status = 'PUBLISHED'"
            + " AND lower(p.during) >= $2 AND lower(p.during) < $3 ORDER BY lower(p.during), a.place_id")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> {
          List<Duty> found = new ArrayList<>();
          rows.forEach(r -> found.add(duty(r)));
          return found;
        });
  }

  /** Changes whenever those duties change: which places, and the patients booked into them. */
  public Future<String> fingerprint(SqlClient db, UUID professionalId, Instant from, Instant to) {
    return db.preparedQuery("SELECT count(*) || '-' || coalesce(sum(a.booked), 0) || '-'"
            + " || coalesce(md5(string_agg(a.place_id::text, ',' ORDER BY a.place_id)), '') FROM rota_assignment a"
            + " JOIN rota_place p ON p.id = a.place_id JOIN rota_month m ON m.id = p.month_id"
            + " WHERE a.professional_id = $1 AND m.status = 'PUBLISHED' AND lower(p.during) >= $2"
            + " AND lower(p.during) < $3")
        .execute(Tuple.of(professionalId, SqlTime.utc(from), SqlTime.utc(to)))
        .map(rows -> rows.iterator().next().getString(0));
  }

  /** The live appointments booked on these places, by place then time (the professional's agenda of duties). */
  public Future<java.util.Map<UUID, List<fr.aiguillage.rota.model.AgendaDuty.Booked>>> patientsOn(SqlClient db,
                                                                                               List<UUID> placeIds) {
    return db.preparedQuery("SELECT sl.duty_place_id, ap.id, ap.patient_id, ap.start_at, ap.end_at, ap.status"
            + " FROM appointment ap JOIN slot sl ON sl.id = ap.slot_id WHERE sl.duty_place_id = ANY ($1)"
            + " AND ap.status <> 'cancelled' ORDER BY ap.start_at, ap.id")
        .execute(Tuple.of(placeIds.toArray(UUID[]::new)))
        .map(rows -> {
          java.util.Map<UUID, List<fr.aiguillage.rota.model.AgendaDuty.Booked>> found = new java.util.HashMap<>();
          rows.forEach(r -> found.computeIfAbsent(r.getUUID("duty_place_id"), k -> new ArrayList<>())
              .add(new fr.aiguillage.rota.model.AgendaDuty.Booked(r.getUUID("id"), r.getUUID("patient_id"),
                  SqlTime.paris(r.getOffsetDateTime("start_at")), SqlTime.paris(r.getOffsetDateTime("end_at")),
                  r.getString("status"))));
          return found;
        });
  }

  /** A search hit's raw row: the duty, its professional and site, the chord to the patient (metres). */
  public record Nearby(Duty duty, Row row, double chordMetres) {
  }

  /**
   * Published duties of the profession ($3) in the territories ($4) with seats left, overlapping [$6, $7), their
   * holder active with the skill ($5), their site within the chord ($8) of the place ($1 lat, $2 lon).
   */
  public Future<List<Nearby>> nearby(SqlClient db, double lat, double lon, String profession, List<String> territories,
                                     String skill, Instant from, Instant to, double chordMetres) {
    String sql = DUTY.replace("SELECT a.place_id,", """
        SELECT pr.family_name, pr.given_name, pr.profession, pr.phone, si.name, si.address, si.commune_insee, si.lat,
               si.lon, si.position <-> ll_to_earth($1, $2) AS chord, a.place_id,""")
        + " JOIN professional pr ON pr.id = a.professional_id"
        + " WHERE m.status = 'PUBLISHED' AND b.profession = $3 AND sec.territory_id = ANY ($4) AND pr.active"
        + " AND ($5::text IS NULL OR $5 = ANY (pr.skills)) AND a.booked < a.capacity"
        + " AND p.during && tstzrange($6, $7) AND si.id IS NOT NULL AND si.position <-> ll_to_earth($1, $2) <= $8";
    return db.preparedQuery(sql).execute(Tuple.from(new Object[] {lat, lon, profession,
            territories.toArray(String[]::new), skill, SqlTime.utc(from), SqlTime.utc(to), chordMetres}))
        .map(rows -> {
          List<Nearby> found = new ArrayList<>();
          rows.forEach(r -> found.add(new Nearby(duty(r), r, r.getDouble("chord"))));
          return found;
        });
  }

  private static Duty duty(Row r) {
    Object[] taken = r.getArrayOfOffsetDateTimes("taken");
    return new Duty(r.getUUID("place_id"), r.getUUID("professional_id"), r.getString("status"), r.getString("label"),
        r.getInteger("booked"), r.getInteger("capacity"), r.getOffsetDateTime("s").toInstant(),
        r.getOffsetDateTime("e").toInstant(), r.getInteger("step_minutes"), r.getUUID("site_id"),
        taken == null ? List.of() : Arrays.stream(taken).map(t -> ((OffsetDateTime) t).toInstant()).toList());
  }
}
