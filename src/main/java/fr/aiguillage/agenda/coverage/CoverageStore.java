package fr.aiguillage.agenda.coverage;

import fr.aiguillage.agenda.coverage.Coverage.Cell;
import fr.aiguillage.agenda.coverage.Coverage.HalfDay;
import fr.aiguillage.db.SqlTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the coverage: SNP slots by site commune, Paris day and half-day, and professional. */
final class CoverageStore {

  /** Free slots already started are no longer offered; booked ones still count. */
  private static final String SQL = """
      SELECT si.commune_insee AS insee, (s.start_at AT TIME ZONE 'Europe/Paris')::date AS day,
             extract(hour FROM s.start_at AT TIME ZONE 'Europe/Paris') < 13 AS morning,
             p.id, p.family_name, p.given_name, p.profession,
             count(*) FILTER (WHERE s.status = 'free')::int AS free,
             count(*) FILTER (WHERE s.status = 'booked')::int AS booked
      FROM slot s
      JOIN site si ON si.id = s.site_id
      JOIN commune c ON c.insee = si.commune_insee
      JOIN professional p ON p.id = s.professional_id
      WHERE c.territory_id = $1 AND s.kind = 'SNP' AND p.active
        AND s.start_at >= $2 AND s.start_at < $3
        AND (s.status = 'booked' OR (s.status = 'free' AND s.start_at >= $4))
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ORDER BY 1, 2, 3 DESC, p.family_name, p.given_name""";

  Future<List<Cell>> cells(SqlClient db, String territoryId, Instant from, Instant to, Instant now) {
    return db.preparedQuery(SQL)
        .execute(Tuple.of(territoryId, SqlTime.utc(from), SqlTime.utc(to), SqlTime.utc(now)))
        .map(rows -> {
          Map<String, List<Row>> byCell = new LinkedHashMap<>();
          rows.forEach(r -> byCell.computeIfAbsent(r.getString("insee") + r.getLocalDate("day")
              + r.getBoolean("morning"), k -> new ArrayList<>()).add(r));
          return byCell.values().stream().map(CoverageStore::cell).toList();
        });
  }

  private static Cell cell(List<Row> rows) {
    Row first = rows.get(0);
    List<Coverage.Professional> people = rows.stream().map(r -> new Coverage.Professional(r.getUUID("id"),
        r.getString("family_name"), r.getString("given_name"), r.getString("profession"), r.getInteger("free"),
        r.getInteger("booked"))).toList();
    LocalDate day = first.getLocalDate("day");
    return new Cell(first.getString("insee").trim(), day,
        first.getBoolean("morning") ? HalfDay.MORNING : HalfDay.AFTERNOON,
        people.stream().mapToInt(Coverage.Professional::free).sum(),
        people.stream().mapToInt(Coverage.Professional::booked).sum(), people);
  }
}
