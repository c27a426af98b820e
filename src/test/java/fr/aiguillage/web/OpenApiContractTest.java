package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractTest extends ApiTest {

  @Test
  @DisplayName("the OpenAPI 3.1 document is served at /api/v1/openapi.yaml")
  void served() {
    var response = http.get("/api/v1/openapi.yaml", server.adminToken());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
    Map<String, Object> document = new Yaml().load(response.bodyAsString());
    assertThat(document.get("openapi")).isEqualTo("3.1.0");
  }

  @Test
  @DisplayName("every operation of the document has a handler (none answers 503 Not Implemented)")
  @SuppressWarnings("unchecked")
  void everyOperationImplemented() {
    Map<String, Object> document = new Yaml().load(http.get("/api/v1/openapi.yaml", server.adminToken())
        .bodyAsString());
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    int operations = 0;
    for (var path : paths.entrySet()) {
      String concrete = path.getKey().replace("{id}", "00000000-0000-0000-0000-000000000000");
      for (String method : path.getValue().keySet()) {
        if (method.equals("parameters")) {
          continue;
        }
        operations++;
        var response = http.send(HttpMethod.valueOf(method.toUpperCase()), concrete, server.adminToken(),
            new JsonObject().toBuffer());
        assertThat(response.statusCode()).as(method + " " + path.getKey()).isNotIn(500, 501, 503);
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(12);
  }
}
