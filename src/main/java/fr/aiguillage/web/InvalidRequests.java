package fr.aiguillage.web;

import fr.aiguillage.failure.FieldError;
import fr.aiguillage.json.Json;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * Answers the requests the HTTP decoder itself refuses (they never reach the router): a request line too long is
 * 414, headers too large 431, anything else it could not decode 400; problem+json like every other refusal,
 * instead of Vert.x's empty body, and the connection closed since the rest of the stream cannot be trusted.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = Problem.of(414, "URI_TOO_LONG", "Adresse trop longue", "the request line is too long",
          List.of(new FieldError("path", "the request line is longer than the server accepts")));
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = Problem.of(431, "HEADERS_TOO_LARGE", "En-têtes trop volumineux", "the headers are too large",
          List.of(new FieldError("headers", "larger than the server accepts")));
    } else {
      problem = Problem.of(400, "MALFORMED_REQUEST", "Requête mal formée", "the HTTP request could not be decoded",
          null);
    }
    String requestId = RequestIds.of(request);
    request.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.CONTENT_TYPE)
        .putHeader(RequestIds.HEADER, requestId).putHeader("Connection", "close")
        .end(Json.encode(problem.withRequestId(requestId)))
        .onComplete(sent -> request.connection().close());
  }
}
