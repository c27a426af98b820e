package fr.aiguillage.fhir;

import org.junit.jupiter.api.DisplayName;

import java.util.HashMap;
import java.util.Map;

/**
 * The same refusals and admissions with the JDK's TLS engine forced ({@code AIGUILLAGE_FHIR_SSL_ENGINE=jdk}), the
 * engine the listener falls back to where OpenSSL cannot load; {@link FhirMutualTlsTest} runs them with the default.
 */
@DisplayName("FHIR mutual TLS with the JDK's TLS engine")
class FhirMutualTlsJdkEngineTest extends FhirMutualTlsTest {

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(super.settings());
    settings.put("AIGUILLAGE_FHIR_SSL_ENGINE", "jdk");
    return settings;
  }
}
