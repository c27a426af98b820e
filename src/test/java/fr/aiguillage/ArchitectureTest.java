package fr.aiguillage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of STYLE.md, written down so they cannot rot. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("fr.aiguillage");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"security", "directory", "agenda", "patient", "booking", "calls", "triage", "ical", "waitlist", "indicators",
      "notify"})
  @DisplayName("a module's storage is reached only from inside the module")
  void storesArePrivate(String module) {
    noClasses().that().resideOutsideOfPackage("fr.aiguillage." + module + "..")
        .should().dependOnClassesThat().resideInAPackage("fr.aiguillage." + module + ".store..")
        .check(classes);
  }

  @Test
  @DisplayName("values (model) know nothing of Vert.x, SQL or HTTP")
  void modelsArePlain() {
    noClasses().that().resideInAPackage("..model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "fr.aiguillage.web..")
        .check(classes);
  }

  @Test
  @DisplayName("HTTP routes hold no SQL")
  void routesHoldNoSql() {
    noClasses().that().resideInAPackage("..http..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..")
        .check(classes);
  }

  @Test
  @DisplayName("business rules (services) do not depend on the web layer")
  void servicesIgnoreTheWeb() {
    noClasses().that().resideInAnyPackage("fr.aiguillage.security", "fr.aiguillage.directory",
            "fr.aiguillage.agenda", "fr.aiguillage.patient", "fr.aiguillage.booking", "fr.aiguillage.events",
            "fr.aiguillage.security.store..", "fr.aiguillage.directory.store..", "fr.aiguillage.agenda.store..",
            "fr.aiguillage.patient.store..", "fr.aiguillage.booking.store..", "fr.aiguillage.calls",
            "fr.aiguillage.calls.store..", "fr.aiguillage.triage", "fr.aiguillage.triage.store..", "fr.aiguillage.ical",
            "fr.aiguillage.ical.store..", "fr.aiguillage.waitlist", "fr.aiguillage.waitlist.store..",
            "fr.aiguillage.indicators", "fr.aiguillage.indicators.store..",
            "fr.aiguillage.notify.store..", "fr.aiguillage.notify.channel..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.aiguillage.web..", "io.vertx.ext.web..")
        .check(classes);
  }

  @Test
  @DisplayName("typed failures depend on nothing else of ours")
  void failuresStandAlone() {
    noClasses().that().resideInAPackage("fr.aiguillage.failure..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.aiguillage.web..", "fr.aiguillage.security..",
            "fr.aiguillage.directory..", "fr.aiguillage.agenda..", "io.vertx..")
        .check(classes);
  }
}
