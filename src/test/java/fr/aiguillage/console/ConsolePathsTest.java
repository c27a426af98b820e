package fr.aiguillage.console;

import fr.aiguillage.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a path that can name a console file reaches the static handler (Vert.x looks a missing name up on the whole
 * class path under one server-wide lock, once per folder of the path: unknown GETs queued every static request
 * behind it, the fuzzer's first stall, docs/decisions/0014). Other paths are the usual 404 problem+json.
 */
class ConsolePathsTest extends ApiTest {

  @Test
  @DisplayName("deep or unknown paths are 404 problem+json, and the console's files are still served")
  void onlyConsoleFilesAreServed() {
    assertProblem(http.get("/x".repeat(400), null), 404, "NOT_FOUND");
    assertProblem(http.get("/api/v1/openapi.yaml/../../../../etc/passwd", null), 404, "NOT_FOUND");
    assertProblem(http.get("/nothing-here", null), 404, "NOT_FOUND");
    assertProblem(http.get("/webjars/leaflet", null), 404, "NOT_FOUND");
    assertThat(http.get("/", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/app.js", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/webjars/leaflet/1.9.4/dist/leaflet.js", null).statusCode()).isEqualTo(200);
  }
}
