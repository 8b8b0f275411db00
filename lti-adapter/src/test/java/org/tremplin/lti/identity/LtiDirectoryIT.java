package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link LtiDirectory} on H2 and PostgreSQL. */
class LtiDirectoryIT {

  @AllDatabases
  void concurrentFirstLaunchesOfOneUserEndWithOnePerson(TestDatabase db) throws Exception {
    IdentityFixture f = new IdentityFixture(db);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return f.directory.personOf(f.user("s-race"));
                }));
      }
      start.countDown();
      Set<String> persons = new HashSet<>();
      for (Future<String> r : results) {
        persons.add(r.get());
      }
      assertThat(persons).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @AllDatabases
  void aCourseLinkedToACohortIsNeverSilentlyRepointed(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    Cohort other = f.openCohort(f.school, "Promo 2");
    f.directory.linkCourse(f.course(), f.cohort.id(), "p1");

    f.directory.linkCourse(f.course(), f.cohort.id(), "p2"); // same cohort: nothing happens

    assertThatThrownBy(() -> f.directory.linkCourse(f.course(), other.id(), "p2"))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_LINK_CONFLICT));
    assertThat(f.directory.cohortOf(f.course())).contains(f.cohort.id());
  }

  @AllDatabases
  void aPlatformUserIsLinkedToOneLearnerAtMost(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());

    assertThatThrownBy(() -> f.directory.linkLearner(f.user("s-ada"), f.bob.id()))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_LINK_CONFLICT));
    assertThat(f.directory.learnerOf(f.user("s-ada"))).contains(f.ada.id());
    assertThat(f.directory.learnerOf(f.user("s-nobody"))).isEmpty();
  }

  @AllDatabases
  void aKnownPersonIdCanBeGivenToAPlatformUserOnce(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.directory.linkPerson(f.user("s-coach"), "coach-demo");

    assertThat(f.directory.personOf(f.user("s-coach"))).isEqualTo("coach-demo");
    assertThatThrownBy(() -> f.directory.linkPerson(f.user("s-coach"), "someone-else"))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_LINK_CONFLICT));
  }

  @AllDatabases
  void mentorSubsMapToTheLinkedLearnersOnlyOfThatPlatform(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());
    f.directory.linkLearner(new PlatformUser("https://other.example", "c", "s-bob"), f.bob.id());

    assertThat(
            f.directory.learnersOf(
                IdentityFixture.ISSUER, IdentityFixture.CLIENT, List.of("s-ada", "s-bob", "s-x")))
        .containsExactly(f.ada.id());
    assertThat(f.directory.learnersOf(IdentityFixture.ISSUER, IdentityFixture.CLIENT, List.of()))
        .isEmpty();
  }

  @AllDatabases
  void aLearnersLmsAccountsAreExportedThenDeletedByErasure(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.directory.linkLearner(f.user("s-ada-42"), f.ada.id());
    f.directory.linkLearner(f.user("s-bob-43"), f.bob.id());
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(f.school.id()));

    assertThat(f.tremplin.privacy().export(manager, f.ada.id())).contains("s-ada-42");
    f.tremplin.privacy().erase(manager, f.ada.id());

    assertThat(f.directory.learnerOf(f.user("s-ada-42"))).isEmpty();
    assertThat(f.tremplin.privacy().export(manager, f.ada.id())).doesNotContain("s-ada-42");
    assertThat(f.directory.learnerOf(f.user("s-bob-43"))).contains(f.bob.id());
  }

  @AllDatabases
  void aPlatformServesTheSchoolItWasLastBoundTo(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    School other = f.tremplin.schools().create(f.admin, "École 93", new Departement("93"));

    f.directory.bindSchool(IdentityFixture.ISSUER, IdentityFixture.CLIENT, f.school.id());
    f.directory.bindSchool(IdentityFixture.ISSUER, IdentityFixture.CLIENT, other.id());

    assertThat(f.directory.schoolOf(IdentityFixture.ISSUER, IdentityFixture.CLIENT))
        .contains(other.id());
    assertThat(f.directory.schoolOf(IdentityFixture.ISSUER, "client-x")).isEmpty();
  }
}
