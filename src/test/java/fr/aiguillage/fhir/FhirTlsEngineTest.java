package fr.aiguillage.fhir;

import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which TLS engine the SAS listener takes from {@code fhir.sslEngine} (decision 0026). */
class FhirTlsEngineTest {

  @Test
  @DisplayName("by default the listener uses OpenSSL, whose BoringSSL build loads on the project's linux-x86_64 machines")
  void openSslByDefault() {
    assertThat(FhirTls.engine("auto")).isInstanceOf(OpenSSLEngineOptions.class);
    assertThat(FhirTls.engine("")).isInstanceOf(OpenSSLEngineOptions.class);
  }

  @Test
  @DisplayName("jdk forces the JDK's engine")
  void jdkForced() {
    assertThat(FhirTls.engine(" JDK ")).isInstanceOf(JdkSSLEngineOptions.class);
  }

  @Test
  @DisplayName("any other engine name stops the start with the variable's name")
  void unknownEngine() {
    assertThatThrownBy(() -> FhirTls.engine("boringssl")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AIGUILLAGE_FHIR_SSL_ENGINE");
  }
}
