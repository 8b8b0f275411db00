package org.tremplin.examples;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature, one way: no package of the examples depends on itself through others. */
class PackageCycleTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tremplin.examples");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("org.tremplin.(**)").should().beFreeOfCycles().check(classes);
  }
}
