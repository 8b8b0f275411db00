package org.tremplin.lti;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * examples → lti-adapter → core → api: the adapter never reaches up to the examples; inside it, the
 * protocol knows nothing of JAX-RS and no package depends on itself through others.
 */
class LayeringTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tremplin.lti", "org.tremplin.web");

  @Test
  void theAdapterDoesNotDependOnTheExamples() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tremplin.lti..", "org.tremplin.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.tremplin.examples..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theProtocolCodeKnowsNothingOfJaxRs() {
    noClasses()
        .that()
        .resideInAPackage("org.tremplin.lti..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("org.tremplin.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theAdapterAndItsTestsUseNoInternalsOfTheModulesBelow() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tremplin.lti..", "org.tremplin.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tremplin.api..internal..", "org.tremplin.core..internal..")
        .because("a module offers public types (e.g. core's UnitOfWork), never its internals")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.tremplin.lti", "org.tremplin.web"));
  }
}
