package fr.aiguillage.web;

import fr.aiguillage.security.AuditTrail;
import fr.aiguillage.security.AuthService;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles the HTTP surface: body limit, authentication, the OpenAPI-validated {@code /api/v1}
 * routes that each module mounts, the plain routes (health, feeds, console...), and the one problem+json
 * failure handler.
 */
public final class ApiRouter {

  public static final String CONTRACT = "openapi.yaml";

  private ApiRouter() {
  }

  /** Paths that take a larger body than JSON requests (calendar uploads). */
  static final String UPLOAD_SUFFIX = "/availability/import";

  public static Router build(Vertx vertx, OpenAPIContract contract, Buffer contractText, long bodyLimit,
                             long uploadLimit, AuthService auth, AuditTrail audit,
                             Handler<RoutingContext> territoryGuard, List<Consumer<RouterBuilder>> modules,
                             List<Consumer<Router>> plainRoutes) {
    ReusedValidators validated = new ReusedValidators(contract);
    RouterBuilder api = RouterBuilder.create(vertx, validated, RequestExtractor.withBodyHandler())
        .rootHandler(new RequestIds())
        .rootHandler(new RequestDecoding(contract))
        .rootHandler(BodyHandler.create(false).setBodyLimit(Math.max(bodyLimit, uploadLimit)))
        .rootHandler(ctx -> {
          boolean upload = ctx.normalizedPath().endsWith(UPLOAD_SUFFIX);
          if (!upload && ctx.body() != null && ctx.body().length() > bodyLimit) {
            ctx.fail(413);
          } else {
            ctx.next();
          }
        })
        .rootHandler(new JsonShape())
        .rootHandler(new AuthHandler(auth))
        // Every id in path, query or body placed in its territory before validation and handlers (scope module).
        .rootHandler(territoryGuard);
    api.getRoute("getOpenApiDocument").addHandler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").end(contractText));
    modules.forEach(module -> module.accept(api));
    // Authentication is AuthHandler's job (one place for the 401 rules), not the contract's per-route handlers;
    // validation is the contract's, on the event loop (InlineValidation says why).
    InlineValidation validation = new InlineValidation(vertx, validated);
    api.getRoutes().forEach(route -> {
      route.setDoSecurity(false);
      validation.replaceOn(route);
    });
    Router router = api.createRouter();
    plainRoutes.forEach(routes -> routes.accept(router));
    ProblemHandler problems = new ProblemHandler(audit);
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems);
    }
    return router;
  }
}
