package org.tremplin.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering and time rules of STYLE.md, checked on api and core classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tremplin.api", "org.tremplin.core");
  }

  @Test
  void apiDependsOnTheJdkAndJspecifyOnly() {
    classes()
        .that()
        .resideInAPackage("org.tremplin.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify..", "org.tremplin.api..")
        .check(classes);
  }

  @Test
  void coreDoesNotSeeTheAdapterTheExamplesOrWebFrameworks() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tremplin.api..", "org.tremplin.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tremplin.lti..",
            "org.tremplin.web..",
            "org.tremplin.examples..",
            "jakarta.ws.rs..",
            "org.eclipse.microprofile..")
        .check(classes);
  }

  @Test
  void coreNeverReadsTheSystemClockDirectly() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tremplin.api..", "org.tremplin.core..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("time comes from the injected Clock (STYLE.md, Time)")
        .check(classes);
  }

  @Test
  void servicesAndStoresAreFinalClasses() {
    classes()
        .that()
        .resideInAPackage("org.tremplin.core..")
        .and()
        .areTopLevelClasses()
        .and()
        .areNotInterfaces()
        .and()
        .areNotEnums()
        .and()
        .areNotRecords()
        .should()
        .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .check(classes);
  }

  @Test
  void internalPackagesAreNotUsedByTheApi() {
    noClasses()
        .that()
        .resideInAPackage("org.tremplin.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..internal..")
        .check(classes);
  }
}
