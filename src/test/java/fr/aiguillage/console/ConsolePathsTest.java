package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's static files are looked up on the class path under one lock for the whole server, one lookup per
 * folder of the path: a deep path that names no file must not reach that lookup (issue 21, the fuzzer's stall).
 */
class ConsolePathsTest extends ApiTest {

  private static final int CLIENTS = 24;

  @Test
  @DisplayName("GETs of unknown paths are 404 problem+json as fast as GETs of an answer held in memory")
  void deepUnknownPaths() {
    WebClient client = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(CLIENTS));
    String deep = "/x".repeat(400);
    long ceilingMillis = Long.MAX_VALUE;
    long shallowMillis = Long.MAX_VALUE;
    long deepMillis = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) { // best of three: the machine may be shared
      ceilingMillis = Math.min(ceilingMillis, timeOf(client, "/console/settings.json", 200));
      shallowMillis = Math.min(shallowMillis, timeOf(client, "/nothing-here", 404));
      deepMillis = Math.min(deepMillis, timeOf(client, deep, 404));
    }
    System.out.printf("console paths, %d GETs at once: settings.json %d ms (ceiling), /nothing-here %d ms, "
        + "400 folders deep %d ms%n", CLIENTS, ceilingMillis, shallowMillis, deepMillis);
    HttpResponse<Buffer> answer = Await.result(client.get(deep).send());
    assertProblem(answer, 404, "NOT_FOUND");
    assertThat(Await.result(client.get("/webjars/leaflet/1.9.4/dist/leaflet.js").send()).statusCode())
        .isEqualTo(200);
    assertThat(Await.result(client.get("/").send()).statusCode()).isEqualTo(200);
    // Before: 367 ms and 663 ms against a ceiling of about 60 ms on a shared machine.
    assertThat(shallowMillis).as("unknown name vs ceiling %d ms", ceilingMillis).isLessThan(2 * ceilingMillis + 50);
    assertThat(deepMillis).as("deep path vs ceiling %d ms", ceilingMillis).isLessThan(2 * ceilingMillis + 50);
  }

  private static long timeOf(WebClient client, String path, int status) {
    long started = System.nanoTime();
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      answers.add(client.get(path).send());
    }
    Await.result(Future.all(answers));
    answers.forEach(a -> assertThat(a.result().statusCode()).isEqualTo(status));
    return (System.nanoTime() - started) / 1_000_000;
  }
}
