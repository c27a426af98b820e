package fr.aiguillage.agenda;

import fr.aiguillage.agenda.model.DutyOverlap;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rota's duties a professional holds in a period (for absences); the rota implements it, none without a rota. */
public interface DutiesHeld {

  DutiesHeld NONE = (tx, professionalId, from, to) -> Future.succeededFuture(List.of());

  Future<List<DutyOverlap>> between(SqlClient tx, UUID professionalId, Instant from, Instant to);
}
