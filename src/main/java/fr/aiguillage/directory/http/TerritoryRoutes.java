package fr.aiguillage.directory.http;

import fr.aiguillage.directory.TerritoryService;
import fr.aiguillage.directory.model.Territory;
import fr.aiguillage.web.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.util.List;

/** {@code GET /api/v1/territories}. */
public final class TerritoryRoutes {

  record TerritoryList(List<Territory> items) {
  }

  private final TerritoryService territories;

  public TerritoryRoutes(TerritoryService territories) {
    this.territories = territories;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listTerritories").addHandler(this::list);
  }

  private void list(RoutingContext ctx) {
    Responses.ok(ctx, new TerritoryList(territories.all()));
  }
}
