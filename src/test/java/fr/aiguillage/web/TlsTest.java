package fr.aiguillage.web;

import fr.aiguillage.support.ApiTest;
import fr.aiguillage.support.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The service over HTTPS, with a certificate for "localhost" generated here (Bouncy Castle). */
class TlsTest {

  /** A self-signed certificate and its key, as PEM files in a fresh directory. */
  static final class Certificate {
    final Path cert;
    final Path key;
    final X509Certificate x509;

    Certificate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost, O=Aiguillage tests");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), name, pair.getPublic())
            .addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        x509 = new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        Path dir = Files.createTempDirectory("aiguillage-tls");
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Files.writeString(cert, pem(x509));
        Files.writeString(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static String pem(Object object) throws IOException {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(object);
      }
      return out.toString();
    }

    Map<String, String> settings(boolean plainHttp) {
      return Map.of("AIGUILLAGE_HTTP_TLS_CERT_FILE", cert.toString(), "AIGUILLAGE_HTTP_TLS_KEY_FILE", key.toString(),
          "AIGUILLAGE_HTTP_TLS_PORT", "0", "AIGUILLAGE_HTTP_ENABLED", Boolean.toString(plainHttp));
    }

    /** A TLS client that trusts this certificate only, offering exactly this protocol. */
    SSLSocket handshake(int port, String protocol) throws Exception {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("service", x509);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket;
    }
  }

  @Nested
  @DisplayName("with a certificate and plain HTTP turned off")
  class HttpsOnly extends ApiTest {

    private final Certificate certificate = new Certificate();

    @Override
    protected Map<String, String> settings() {
      return certificate.settings(false);
    }

    private HttpResponse<Buffer> overTls(String path) {
      WebClient client = WebClient.create(server.vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
          .setTrustOptions(new PemTrustOptions().addCertPath(certificate.cert.toString()))
          .setDefaultHost("localhost").setDefaultPort(server.tlsPort()));
      return Await.result(client.get(path).send());
    }

    @Test
    @DisplayName("the API answers over TLS, with HSTS, and the only listener is the HTTPS one")
    void answersOverTls() {
      HttpResponse<Buffer> health = overTls("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
      assertThat(overTls("/api/v1/me").statusCode()).isEqualTo(401);
      assertThat(server.port()).isEqualTo(server.tlsPort());
    }

    @Test
    @DisplayName("TLS 1.2 and 1.3 are accepted")
    void modernProtocols() throws Exception {
      try (SSLSocket socket = certificate.handshake(server.tlsPort(), "TLSv1.2")) {
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      }
      try (SSLSocket socket = certificate.handshake(server.tlsPort(), "TLSv1.3")) {
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      }
    }

    @Test
    @DisplayName("a plain HTTP request to the HTTPS port gets no answer from the API")
    void noPlainHttp() {
      WebClient plain = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(server.tlsPort()));
      Throwable refused = catchThrowable(() -> {
        HttpResponse<Buffer> response = Await.result(plain.get("/health").send());
        assertThat(response.statusCode()).isNotEqualTo(200);
      });
      if (refused != null) {
        assertThat(refused).isNotInstanceOf(AssertionError.class);
      }
    }
  }

  @Nested
  @DisplayName("with a certificate and plain HTTP left on")
  class Both extends ApiTest {

    private final Certificate certificate = new Certificate();

    @Override
    protected Map<String, String> settings() {
      return certificate.settings(true);
    }

    @Test
    @DisplayName("both listen, on different ports, and plain HTTP sends no HSTS (RFC 6797 §7.2)")
    void both() {
      assertThat(server.tlsPort()).isPositive().isNotEqualTo(server.port());
      HttpResponse<Buffer> plain = http.get("/health", null);
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    }
  }
}
