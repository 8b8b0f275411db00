package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.tremplin.api.cohort.Cohort;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Opening a cohort (core) and linking a course to it (the adapter) in one unit of work: both or
 * neither.
 */
class CourseLinkUnitOfWorkIT {

  private static int cohorts(IdentityFixture f) {
    return f.database.read(
        h -> h.createQuery("select count(*) from tremplin_cohort").mapTo(Integer.class).one());
  }

  @AllDatabases
  void openingACohortForACourseAlreadyLinkedLeavesNoOrphanCohort(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    int before = cohorts(f);

    assertThatThrownBy(
            () ->
                f.database.inTransaction(
                    h -> {
                      Cohort opened = f.openCohort(f.school, "Promo bis");
                      f.directory.linkCourse(f.course(), opened.id(), "trainer");
                      return opened;
                    }))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_LINK_CONFLICT));

    assertThat(cohorts(f)).isEqualTo(before);
    assertThat(f.directory.cohortOf(f.course())).contains(f.cohort.id());
  }

  @AllDatabases
  void openingACohortForAnUnlinkedCourseLinksItInTheSameTransaction(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    int before = cohorts(f);

    Cohort opened =
        f.database.inTransaction(
            h -> {
              Cohort c = f.openCohort(f.school, "Promo ter");
              f.directory.linkCourse(f.course(), c.id(), "trainer");
              return c;
            });

    assertThat(cohorts(f)).isEqualTo(before + 1);
    assertThat(f.directory.cohortOf(f.course())).contains(opened.id());
  }
}
