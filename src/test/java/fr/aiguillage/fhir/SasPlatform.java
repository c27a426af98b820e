package fr.aiguillage.fhir;

import fr.aiguillage.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The SAS platform as the tests play it: a CA of its own that signed the service's certificate and the platform's
 * client certificate, the settings that turn the FHIR listener on, and an HTTPS client presenting a certificate.
 */
final class SasPlatform {

  static final String SUBJECT = "CN=sas-platform-test,OU=SAS,O=Plateforme de test,C=FR";
  static final String BASE = "https://sas.cpts.example/fhir/r4";

  final TestPki pki = new TestPki("CN=CA de test SAS,O=Tests,C=FR");
  final TestPki.Issued client = pki.client(SUBJECT);
  final int port = freePort();
  private final Path dir;

  SasPlatform() {
    try {
      dir = Files.createTempDirectory("fhir-certs");
      TestPki.Issued server = pki.server("CN=localhost,O=Aiguillage,C=FR");
      Files.writeString(dir.resolve("ca.pem"), pki.caPem());
      Files.writeString(dir.resolve("server.pem"), server.certificatePem());
      Files.writeString(dir.resolve("server.key"), server.keyPem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment that turns the listener on, letting in {@link #SUBJECT} and a CN "autre-client-autorise". */
  Map<String, String> settings() {
    return Map.of("AIGUILLAGE_FHIR_PORT", String.valueOf(port),
        "AIGUILLAGE_FHIR_CERT_FILE", dir.resolve("server.pem").toString(),
        "AIGUILLAGE_FHIR_KEY_FILE", dir.resolve("server.key").toString(),
        "AIGUILLAGE_FHIR_TRUST_FILE", dir.resolve("ca.pem").toString(),
        "AIGUILLAGE_FHIR_ALLOWED_SUBJECTS", SUBJECT.replace(",", ", ") + "; autre-client-autorise",
        "AIGUILLAGE_FHIR_PUBLIC_BASE_URL", BASE,
        "AIGUILLAGE_FHIR_CONSOLE_BASE_URL", "https://console.cpts.example");
  }

  /** A client trusting the test CA and presenting {@code certificate} (none when null). */
  WebClient client(Vertx vertx, TestPki.Issued certificate) {
    WebClientOptions options = new WebClientOptions().setSsl(true).setDefaultHost("localhost").setDefaultPort(port)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.caPem())));
    if (certificate != null) {
      options.setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(certificate.certificatePem()))
          .addKeyValue(Buffer.buffer(certificate.keyPem())));
    }
    return WebClient.create(vertx, options);
  }

  /** GET with the platform's own certificate, asking for FHIR JSON. */
  HttpResponse<Buffer> get(Vertx vertx, String pathAndQuery) {
    WebClient web = client(vertx, client);
    try {
      return Await.result(web.get(pathAndQuery).putHeader("Accept", "application/fhir+json").send());
    } finally {
      web.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
