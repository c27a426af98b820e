package fr.aiguillage.directory.http;

import fr.aiguillage.directory.ProfessionalService;
import fr.aiguillage.directory.model.NewProfessional;
import fr.aiguillage.directory.model.NewSite;
import fr.aiguillage.directory.model.Profession;
import fr.aiguillage.directory.model.ProfessionalPatch;
import fr.aiguillage.directory.model.ProfessionalQuery;
import fr.aiguillage.web.Requests;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.UUID;

/** {@code /api/v1/professionals}. */
public final class ProfessionalRoutes {

  private static final String BASE = "/api/v1/professionals/";

  private final ProfessionalService professionals;

  public ProfessionalRoutes(ProfessionalService professionals) {
    this.professionals = professionals;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("createProfessional").addHandler(this::create);
    api.getRoute("listProfessionals").addHandler(this::list);
    api.getRoute("getProfessional").addHandler(this::get);
    api.getRoute("updateProfessional").addHandler(this::update);
    api.getRoute("deactivateProfessional").addHandler(this::deactivate);
    api.getRoute("addSite").addHandler(this::addSite);
  }

  private void create(RoutingContext ctx) {
    NewProfessional request = Requests.body(ctx, NewProfessional.class);
    Responses.reply(ctx, professionals.create(Requests.caller(ctx), request),
        p -> Responses.created(ctx, BASE + p.id(), p));
  }

  private void list(RoutingContext ctx) {
    String profession = Requests.query(ctx, "profession");
    Boolean includeInactive = Requests.queryBool(ctx, "includeInactive");
    ProfessionalQuery query = new ProfessionalQuery(profession == null ? null : Profession.valueOf(profession),
        Requests.query(ctx, "skill"), Requests.query(ctx, "communeInsee"), Requests.query(ctx, "territory"),
        Requests.queryBool(ctx, "acceptsSnp"), Requests.query(ctx, "q"), Boolean.TRUE.equals(includeInactive),
        null, Requests.queryInt(ctx, "limit", 20), Requests.queryInt(ctx, "offset", 0));
    Responses.reply(ctx, professionals.find(Requests.caller(ctx), query), page -> Responses.ok(ctx, page));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, professionals.get(Requests.caller(ctx), id(ctx)), p -> Responses.ok(ctx, p));
  }

  private void update(RoutingContext ctx) {
    ProfessionalPatch patch = Requests.body(ctx, ProfessionalPatch.class);
    Responses.reply(ctx, professionals.update(Requests.caller(ctx), id(ctx), patch), p -> Responses.ok(ctx, p));
  }

  private void deactivate(RoutingContext ctx) {
    Responses.reply(ctx, professionals.deactivate(Requests.caller(ctx), id(ctx)), p -> Responses.noContent(ctx));
  }

  private void addSite(RoutingContext ctx) {
    NewSite site = Requests.body(ctx, NewSite.class);
    Responses.reply(ctx, professionals.addSite(Requests.caller(ctx), id(ctx), site),
        p -> Responses.created(ctx, BASE + p.id(), p));
  }

  private static UUID id(RoutingContext ctx) {
    return Requests.pathUuid(ctx, "id");
  }
}
