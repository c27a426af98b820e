package fr.aiguillage.agenda.http;

import fr.aiguillage.agenda.AbsenceService;
import fr.aiguillage.agenda.model.NewAbsence;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code POST /api/v1/professionals/{id}/absences}. */
public final class AbsenceRoutes {

  private final AbsenceService absences;

  public AbsenceRoutes(AbsenceService absences) {
    this.absences = absences;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("declareAbsence").addHandler(this::declare);
  }

  private void declare(RoutingContext ctx) {
    NewAbsence request = Requests.body(ctx, NewAbsence.class);
    Responses.reply(ctx, absences.declare(Requests.caller(ctx), Requests.pathUuid(ctx, "id"), request),
        result -> Responses.created(ctx, "/api/v1/professionals/" + result.professionalId() + "/absences/"
            + result.id(), result));
  }
}
