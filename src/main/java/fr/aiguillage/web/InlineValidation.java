package fr.aiguillage.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;

import java.util.HashMap;
import java.util.Map;

/**
 * The contract's request validation, the same checks and the same outcome as the router's own (the validated
 * request in the context, a {@link ValidatorException} failing as a 400 {@link HttpException}), without its thread
 * hop: vertx-openapi 5.0.7 sends every request's validation to a worker through an <em>ordered</em>
 * {@code executeBlocking}, so each API request waited twice for another thread, and all of them in one queue. A
 * request whose body is at most {@link #INLINE_BODY_BYTES} (every ordinary request: the lists are bounded by
 * {@link JsonShape}) is validated on the event loop, a few microseconds; a larger one still on a worker, so no
 * upload holds the event loop.
 */
final class InlineValidation {

  static final int INLINE_BODY_BYTES = 16 * 1024;

  private final Vertx vertx;
  private final RequestValidatorImpl validator;

  InlineValidation(Vertx vertx, ReusedValidators contract) {
    this.vertx = vertx;
    this.validator = new RequestValidatorImpl(vertx, contract);
  }

  /**
   * Puts this validation first on the route in place of the router's; a route that does without validation (it reads
   * its own input) or has no handler is left as is.
   */
  void replaceOn(OpenAPIRoute route) {
    if (!route.doValidation() || route.getHandlers().isEmpty()) {
      return;
    }
    route.setDoValidation(false);
    Operation operation = route.getOperation();
    route.getHandlers().add(0, handler(operation));
  }

  private Handler<RoutingContext> handler(Operation operation) {
    return ctx -> {
      Buffer body = ctx.body().buffer();
      RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(body))
          .compose(request -> body == null || body.length() <= INLINE_BODY_BYTES
              ? Future.succeededFuture(validated(operation, request))
              : vertx.executeBlocking(() -> validated(operation, request), false))
          .onSuccess(validated -> {
            ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
            ctx.next();
          })
          .onFailure(e -> ctx.fail(e instanceof ValidatorException ? new HttpException(400, e.getMessage(), e) : e));
    };
  }

  /** What {@code RequestValidatorImpl.validate} does on its worker: every declared parameter, then the body. */
  private ValidatedRequest validated(Operation operation, ValidatableRequest request) {
    Map<String, RequestParameter> cookies = new HashMap<>(request.getCookies().size());
    Map<String, RequestParameter> headers = new HashMap<>(request.getHeaders().size());
    Map<String, RequestParameter> path = new HashMap<>(request.getPathParameters().size());
    Map<String, RequestParameter> query = new HashMap<>(request.getQuery().size());
    for (Parameter p : operation.getParameters()) {
      switch (p.getIn()) {
        case COOKIE -> cookies.put(p.getName(), validator.validateParameter(p, request.getCookies().get(p.getName())));
        case HEADER -> headers.put(p.getName(), validator.validateParameter(p, request.getHeaders().get(p.getName())));
        case PATH -> path.put(p.getName(),
            validator.validateParameter(p, request.getPathParameters().get(p.getName())));
        case QUERY -> query.put(p.getName(), validator.validateParameter(p, request.getQuery().get(p.getName())));
      }
    }
    RequestParameter body = validator.validateBody(operation.getRequestBody(), request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }
}
