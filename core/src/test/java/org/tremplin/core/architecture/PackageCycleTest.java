package org.tremplin.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.school.SchoolId;

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
   * One known cycle is left, named here so that no other can join it: {@code api.access} scopes and
   * targets hold the ids of {@code api.school}, {@code api.cohort} and {@code api.learner}, whose
   * services take an {@code Actor} of {@code api.access}. Breaking it moves public types (the ids,
   * or the services), which is for the API's own change.
   */
  @Test
  void noPackageOfTheApiDependsOnItselfThroughOthersBeyondTheKnownAccessCycle() {
    slices()
        .matching("org.tremplin.api.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage("org.tremplin.api.access"),
            belongToAnyOf(SchoolId.class, CohortId.class, LearnerId.class))
        .check(classes);
  }
}
