package org.tremplin.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The examples, main and tests, use the modules below through their public types only. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.tremplin.examples");

  @Test
  void theExamplesUseNoInternalsOfTheOtherModules() {
    noClasses()
        .that()
        .resideInAPackage("org.tremplin.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tremplin.api..internal..",
            "org.tremplin.core..internal..",
            "org.tremplin.lti..internal..",
            "org.tremplin.web..internal..")
        .because("a module offers public types (e.g. core's UnitOfWork), never its internals")
        .check(classes);
  }
}
