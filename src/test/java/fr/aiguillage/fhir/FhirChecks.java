package fr.aiguillage.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAPI FHIR R4: parses an answer and validates it with the instance validator against the core R4 definitions
 * (from the hapi-fhir-validation-resources-r4 artifact, offline). Built once per test JVM: it is heavy.
 * <p>
 * Two things come from the SAS guide, which has no package on Maven Central: the R5 cross-version extension
 * {@code extension-Slot.serviceType} is given the definition the guide's FSH writes (this HAPI version knows no
 * 5.0 cross-version extensions and would call the URL invalid); and each profile URL the guide asks for in
 * {@code meta.profile} resolves to a stand-in that is the core R4 type under that URL (the guide's
 * StructureDefinitions cannot be fetched offline), so the validator checks the resources against the core. What
 * those profiles add (slot types, FINESS pattern, RPPS system, includes) is checked by the tests themselves.
 */
final class FhirChecks {

  static final FhirContext CONTEXT = FhirContext.forR4();
  private static final Map<String, String> GUIDE_PROFILES = Map.of(
      "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator", "Bundle",
      "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator", "Slot",
      "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur", "Schedule",
      "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur", "Practitioner",
      "http://sas.fr/fhir/StructureDefinition/FrPractitionerRoleExerciceAgregateur", "PractitionerRole",
      "http://sas.fr/fhir/StructureDefinition/FrLocationAgregateur", "Location",
      "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-healthcareservice-aggregator",
      "HealthcareService",
      "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator", "Organization");
  private static final FhirValidator VALIDATOR = validator();

  private FhirChecks() {
  }

  private static FhirValidator validator() {
    PrePopulatedValidationSupport guide = new PrePopulatedValidationSupport(CONTEXT);
    guide.addStructureDefinition(parse(resource("/fhir/StructureDefinition-sas-cpts-slot-servicetype-aggregator.json"),
        StructureDefinition.class));
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT), guide,
        new CommonCodeSystemsTerminologyService(CONTEXT), new InMemoryTerminologyServerValidationSupport(CONTEXT),
        new SnapshotGeneratingValidationSupport(CONTEXT));
    GUIDE_PROFILES.forEach((url, type) -> guide.addStructureDefinition(coreUnder(url, type)));
    return CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }


  /** A profile that adds nothing to the core type: the core R4 definition (with its snapshot) under the guide's URL. */
  private static StructureDefinition coreUnder(String url, String type) {
    StructureDefinition core = (StructureDefinition) new DefaultProfileValidationSupport(CONTEXT)
        .fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
    StructureDefinition sd = core.copy();
    sd.setId(type + "-core-stand-in");
    sd.setUrl(url).setName("CoreStandIn" + type).setBaseDefinition(core.getUrl())
        .setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
    sd.getDifferential().getElement().clear();
    sd.getDifferential().addElement().setPath(type).setId(type);
    return sd;
  }

  private static String resource(String path) {
    try (var in = FhirChecks.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Parses the JSON (failing on anything HAPI cannot read) into the R4 model. */
  static <T extends IBaseResource> T parse(String json, Class<T> type) {
    return CONTEXT.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
        .parseResource(type, json);
  }

  /** Validation messages of error severity or worse; none expected. */
  static List<String> errors(String json) {
    ValidationResult result = VALIDATOR.validateWithResult(json);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(FhirChecks::describe).toList();
  }

  static List<String> all(String json) {
    return VALIDATOR.validateWithResult(json).getMessages().stream().map(FhirChecks::describe).toList();
  }

  static void assertValid(String json) {
    assertThat(errors(json)).as(json).isEmpty();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
