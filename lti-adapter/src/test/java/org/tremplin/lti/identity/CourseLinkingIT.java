package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Role;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.session.PendingLink;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Opening a cohort for a course and linking the course to it, all or nothing. */
class CourseLinkingIT {

  private static PendingLink pending(IdentityFixture f) {
    return new PendingLink(f.course(), f.school.id(), Set.of(Role.TRAINER));
  }

  private static NewCohort newCohort(IdentityFixture f, String name, String template) {
    return new NewCohort(
        f.school.id(),
        name,
        new DateRange(LocalDate.of(2026, 9, 7), LocalDate.of(2027, 7, 4)),
        new TemplateRef(template, 1),
        14,
        List.of());
  }

  private static List<String> cohortsOfTheSchool(IdentityFixture f) {
    return f.tremplin.cohorts().bySchool(f.admin, f.school.id()).stream()
        .map(Cohort::name)
        .toList();
  }

  @AllDatabases
  void anUnlinkedCourseGetsItsNewCohortAndIsLinkedToIt(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    CourseLinking linking = new CourseLinking(f.tremplin, f.directory);

    Cohort opened =
        linking.openAndLink(pending(f), newCohort(f, "Promo 2027", "ecole-du-web"), "p-trainer");

    assertThat(f.directory.cohortOf(f.course())).contains(opened.id());
    assertThat(cohortsOfTheSchool(f)).contains("Promo 2027");
  }

  @AllDatabases
  void aLinkConflictLeavesNoOrphanCohort(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    CourseLinking linking = new CourseLinking(f.tremplin, f.directory);
    f.linkCourse(); // another trainer linked the course to the fixture's cohort meanwhile
    List<String> before = cohortsOfTheSchool(f);

    assertThatThrownBy(
            () ->
                linking.openAndLink(
                    pending(f), newCohort(f, "Promo orpheline", "ecole-du-web"), "p-trainer"))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_LINK_CONFLICT));

    assertThat(cohortsOfTheSchool(f)).isEqualTo(before).doesNotContain("Promo orpheline");
    assertThat(f.directory.cohortOf(f.course())).contains(f.cohort.id());
  }

  @AllDatabases
  void aCohortCoreRefusesLinksNothing(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    CourseLinking linking = new CourseLinking(f.tremplin, f.directory);
    List<String> before = cohortsOfTheSchool(f);

    assertThatThrownBy(
            () ->
                linking.openAndLink(
                    pending(f), newCohort(f, "Promo inconnue", "no-such-template"), "p-t"))
        .isInstanceOf(TremplinException.class);

    assertThat(cohortsOfTheSchool(f)).isEqualTo(before);
    assertThat(f.directory.cohortOf(f.course())).isEmpty();
  }

  @AllDatabases
  void twoTrainersRacingToLinkTheSameCourseLeaveOneCohortLinked(TestDatabase db) throws Exception {
    IdentityFixture f = new IdentityFixture(db);
    CourseLinking linking = new CourseLinking(f.tremplin, f.directory);
    List<String> before = cohortsOfTheSchool(f);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Cohort>> trainers = new ArrayList<>();
    for (String name : List.of("Promo A", "Promo B")) {
      trainers.add(
          () -> {
            start.await();
            return linking.openAndLink(pending(f), newCohort(f, name, "ecole-du-web"), name);
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Cohort> opened = new ArrayList<>();
    try {
      List<Future<Cohort>> results = new ArrayList<>();
      for (Callable<Cohort> trainer : trainers) {
        results.add(pool.submit(trainer));
      }
      start.countDown();
      for (Future<Cohort> result : results) {
        try {
          opened.add(result.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOfAny(LtiException.class, TremplinException.class);
        }
      }
    } finally {
      pool.shutdown();
    }

    assertThat(opened).hasSize(1);
    assertThat(f.directory.cohortOf(f.course())).contains(opened.get(0).id());
    List<String> after = new ArrayList<>(before);
    after.add(opened.get(0).name());
    assertThat(cohortsOfTheSchool(f)).containsExactlyInAnyOrderElementsOf(after);
  }
}
