package fr.aiguillage.fhir;

import fr.aiguillage.config.AppConfig;
import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SSLEngineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The SAS listener's TLS: a client certificate from the trust file required, TLS 1.2 or 1.3, and the engine named
 * by {@code fhir.sslEngine} (decision 0026): {@code auto} (the default) is BoringSSL through netty-tcnative where its
 * native library loads on this machine, and the JDK's engine elsewhere, said once in the log; {@code jdk} forces the
 * JDK's. The certificate checks are the same with both: the trust manager built from the trust file decides.
 */
final class FhirTls {

  private static final Logger LOG = LoggerFactory.getLogger(FhirTls.class);

  /** What {@code fhir.sslEngine} may say. */
  enum Engine { AUTO, JDK }

  private FhirTls() {
  }

  static HttpServerOptions options(AppConfig.Fhir settings, SSLEngineOptions engine) {
    return new HttpServerOptions().setSsl(true).setClientAuth(ClientAuth.REQUIRED).setSslEngineOptions(engine)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(file(settings.certFile(), "CERT_FILE"))
            .setKeyPath(file(settings.keyFile(), "KEY_FILE")))
        .setTrustOptions(new PemTrustOptions().addCertPath(file(settings.trustFile(), "TRUST_FILE")))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
  }

  /** The engine for {@code fhir.sslEngine}; logs which one the listener uses, and why when it is not OpenSSL. */
  static SSLEngineOptions engine(String setting) {
    Engine wanted = parse(setting);
    if (wanted == Engine.JDK) {
      LOG.info("SAS FHIR listener: JDK TLS engine (fhir.sslEngine=jdk)");
      return new JdkSSLEngineOptions();
    }
    if (!OpenSSLEngineOptions.isAvailable()) {
      Throwable cause = OpenSsl.unavailabilityCause();
      LOG.warn("SAS FHIR listener: OpenSSL (netty-tcnative) cannot load here ({}), using the JDK TLS engine",
          cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return new JdkSSLEngineOptions();
    }
    LOG.info("SAS FHIR listener: OpenSSL TLS engine ({})", OpenSsl.versionString());
    return new OpenSSLEngineOptions();
  }

  static Engine parse(String setting) {
    String s = setting == null || setting.isBlank() ? "AUTO" : setting.trim().toUpperCase(Locale.ROOT);
    try {
      return Engine.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AIGUILLAGE_FHIR_SSL_ENGINE must be auto or jdk, not " + setting, e);
    }
  }

  private static String file(String path, String name) {
    String p = FhirModule.required(path, name);
    if (!Path.of(p).toFile().isFile()) {
      throw new IllegalArgumentException("AIGUILLAGE_FHIR_" + name + ": no such file " + p);
    }
    return p;
  }
}
