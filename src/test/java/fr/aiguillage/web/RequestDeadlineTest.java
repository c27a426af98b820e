package fr.aiguillage.web;

import fr.aiguillage.support.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request deadline on its own router, with a deadline short enough for a test (the service's is 30 s). */
class RequestDeadlineTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a body trickled byte by byte is cut off at the deadline with 408 problem+json")
  void trickledBodyIsCutOff() {
    Router router = Router.router(vertx);
    router.route().handler(new RequestDeadline(300)).handler(BodyHandler.create())
        .handler(ctx -> ctx.response().end("read"));
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0));
    NetSocket socket = Await.result(vertx.createNetClient().connect(server.actualPort(), "localhost"));
    Promise<String> answer = Promise.promise();
    StringBuilder received = new StringBuilder();
    socket.handler(data -> {
      received.append(data.toString());
      if (received.indexOf("}") > 0) {
        answer.tryComplete(received.toString());
      }
    });
    socket.closeHandler(v -> answer.tryComplete(received.toString()));
    socket.write("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
    long trickle = vertx.setPeriodic(50, id -> socket.write(" "));
    String response = Await.result(answer.future());
    vertx.cancelTimer(trickle);
    assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("REQUEST_TIMEOUT");
  }

  @Test
  @DisplayName("a request sent at once is not timed: its handler answers as usual")
  void wholeRequestPasses() {
    Router router = Router.router(vertx);
    router.route().handler(new RequestDeadline(300)).handler(BodyHandler.create())
        .handler(ctx -> ctx.response().end("read " + ctx.body().length()));
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0));
    // The whole exchange runs on an event-loop context, so the body is asked for before the answer can end.
    Promise<Buffer> body = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> vertx.createHttpClient().request(new RequestOptions()
            .setMethod(HttpMethod.POST).setHost("localhost").setPort(server.actualPort()).setURI("/"))
        .compose(r -> r.send(Buffer.buffer("{}")))
        .compose(r -> r.body())
        .onComplete(body));
    assertThat(Await.result(body.future()).toString()).isEqualTo("read 2");
  }
}
