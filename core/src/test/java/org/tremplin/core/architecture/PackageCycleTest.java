package org.tremplin.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature, one way: no package of api or core depends on itself through others. */
class PackageCycleTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tremplin.api", "org.tremplin.core");

  @Test
  void noPackageOfCoreDependsOnItselfThroughOthers() {
    slices().matching("org.tremplin.core.(**)").should().beFreeOfCycles().check(classes);
  }

  /**
   * The ids every feature shares ({@code SchoolId}, {@code CohortId}, {@code LearnerId}) live in
   * the api's root package, beside {@code TremplinException}: access scopes hold them and the
   * feature services take an {@code Actor}, with no cycle between {@code api.access} and the
   * features.
   */
  @Test
  void noPackageOfTheApiDependsOnItselfThroughOthers() {
    slices().matching("org.tremplin.api.(**)").should().beFreeOfCycles().check(classes);
  }
}
