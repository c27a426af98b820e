package fr.aiguillage.fhir;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR listener lets in only clients whose certificate comes from the trusted CA and whose subject is listed. */
class FhirMutualTlsTest extends ApiTest {

  private final SasPlatform platform = new SasPlatform();

  @Override
  protected Map<String, String> settings() {
    return platform.settings();
  }

  private Future<HttpResponse<Buffer>> metadataWith(TestPki.Issued certificate) {
    WebClient web = platform.client(server.vertx, certificate);
    return web.get("/fhir/r4/metadata").putHeader("Accept", "application/fhir+json").send()
        .onComplete(done -> web.close());
  }

  @Test
  @DisplayName("without a client certificate the connection is refused")
  void noCertificate() {
    Future<HttpResponse<Buffer>> answer = metadataWith(null);
    assertThat(Await.result(answer.map(r -> "answered " + r.statusCode()).otherwise(e -> "refused")))
        .isEqualTo("refused");
  }

  @Test
  @DisplayName("a certificate from another CA is refused, even with a listed subject")
  void otherAuthority() {
    TestPki.Issued forged = new TestPki("CN=Autre CA,O=Ailleurs,C=FR").client(SasPlatform.SUBJECT);
    assertThat(Await.result(metadataWith(forged).map(r -> "answered " + r.statusCode()).otherwise(e -> "refused")))
        .isEqualTo("refused");
  }

  @Test
  @DisplayName("the right CA with an unlisted subject gets a 403 OperationOutcome, audited as denied with its subject")
  void unlistedSubject() {
    TestPki.Issued stranger = platform.pki.client("CN=intrus,OU=Ailleurs,O=Tests,C=FR");
    HttpResponse<Buffer> response = Await.result(metadataWith(stranger));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    OperationOutcome outcome = FhirChecks.parse(response.bodyAsString(), OperationOutcome.class);
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'"
        + " AND detail LIKE 'subject=CN=intrus,OU=Ailleurs,O=Tests,C=FR%'")).isEqualTo(1);
  }

  @Test
  @DisplayName("a listed subject (whole DN, or CN alone) is answered and audited with its subject")
  void listedSubjects() {
    assertThat(Await.result(metadataWith(platform.client)).statusCode()).isEqualTo(200);
    TestPki.Issued byCn = platform.pki.client("CN=autre-client-autorise,O=Tests,C=FR");
    assertThat(Await.result(metadataWith(byCn)).statusCode()).isEqualTo(200);
    assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'fhir.metadata' AND outcome = 'SUCCESS'"
        + " AND detail LIKE 'subject=CN=autre-client-autorise,O=Tests,C=FR%'")).isEqualTo(1);
  }
}
