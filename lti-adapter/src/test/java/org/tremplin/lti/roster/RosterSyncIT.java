package org.tremplin.lti.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.testing.PlatformServices.Member.learner;

import java.time.Duration;
import java.util.List;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.PlatformServices.Member;
import org.tremplin.testing.TestDatabase;

/**
 * The roster sync against a fake platform over real HTTP, on H2 and PostgreSQL (LTI.md §6, issue 11
 * item 1).
 */
class RosterSyncIT {
  private static final String TEST_USER =
      "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";

  private static Member[] learners(int n) {
    Member[] members = new Member[n];
    for (int i = 0; i < n; i++) {
      members[i] =
          learner(
              "u" + (i + 1), "Given" + (i + 1), "Family" + (i + 1), "u" + (i + 1) + "@example.org");
    }
    return members;
  }

  @AllDatabases
  void learnersOnTheRosterGetRecordsAndJoinTheCohortWhileThereIsRoom(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 3).linked().offered()) {
      f.roster()
          .add(learners(5))
          .add(Member.instructor("t1", "Tina", "Trainer"))
          .add(Member.anonymousLearner("preview").withRoles(TEST_USER));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.members()).isEqualTo(6);
      assertThat(synced.learners()).isEqualTo(5);
      assertThat(synced.created()).isEqualTo(5);
      assertThat(synced.joined()).isEqualTo(3);
      assertThat(synced.leftOut()).hasSize(2);
      assertThat(f.enrolled()).isEqualTo(3);
      assertThat(f.learnersOfSchool())
          .extracting(Learner::displayName)
          .containsExactlyInAnyOrder(
              "Given1 Family1",
              "Given2 Family2",
              "Given3 Family3",
              "Given4 Family4",
              "Given5 Family5");
      assertThat(f.enrolmentOf("u1").history().get(0).date())
          .isEqualTo(java.time.LocalDate.of(2025, 10, 6));
      assertThat(f.sync.state(f.course).orElseThrow().leftOut()).isEqualTo(synced.leftOut());
      assertThat(f.sync.whyNotOnRoster(f.course, "u5")).isEqualTo(Landing.Reason.COHORT_FULL);
      assertThat(f.memberStatus("t1")).isEqualTo("ACTIVE");
      assertThat(f.rows("tremplin_lti_roster_member")).isEqualTo(6);
    }
  }

  @AllDatabases
  void aSecondSyncOfAnUnchangedRosterChangesNothing(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(learners(4));
      f.synced();

      RosterOutcome.Synced again = f.synced();

      assertThat(again.created()).isZero();
      assertThat(again.joined()).isZero();
      assertThat(again.inactive()).isZero();
      assertThat(f.learnersOfSchool()).hasSize(4);
      assertThat(f.enrolments()).allSatisfy(e -> assertThat(e.history()).hasSize(1));
    }
  }

  @AllDatabases
  void aMemberGoneFromTheCourseLeavesTheCohortButKeepsRecordAndHistoryAndComesBack(
      TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(learners(3));
      f.synced();
      f.roster().remove("u2");
      f.clock.advance(Duration.ofDays(1));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.inactive()).isEqualTo(1);
      Enrolment gone = f.enrolmentOf("u2");
      assertThat(gone.active()).isFalse();
      EnrolmentEvent left = gone.history().get(1);
      assertThat(left.kind()).isEqualTo(EnrolmentEventKind.LEFT);
      assertThat(left.reason()).isEqualTo(RosterSync.GONE_REASON);
      assertThat(left.recordedBy()).isEqualTo(RosterSync.ACTOR_ID);
      assertThat(f.memberStatus("u2")).isEqualTo("GONE");
      assertThat(f.learnersOfSchool()).hasSize(3);

      f.roster().add(learner("u2", "Given2", "Family2", "u2@example.org"));
      f.clock.advance(Duration.ofDays(1));
      f.synced();

      assertThat(f.enrolmentOf("u2").history())
          .extracting(EnrolmentEvent::kind)
          .containsExactly(
              EnrolmentEventKind.JOINED, EnrolmentEventKind.LEFT, EnrolmentEventKind.REENTERED);
      assertThat(f.memberStatus("u2")).isEqualTo("ACTIVE");
    }
  }

  @AllDatabases
  void anInactiveMemberGivesUpTheirPlaceToALearnerWhoWasLeftOut(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 2).linked().offered()) {
      f.roster().add(learners(3));
      assertThat(f.synced().leftOut()).hasSize(1);
      f.roster().add(learners(3)[0].withStatus("Inactive"));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.inactive()).isEqualTo(1);
      assertThat(synced.joined()).isEqualTo(1);
      assertThat(synced.leftOut()).isEmpty();
      assertThat(f.enrolmentOf("u1").active()).isFalse();
      assertThat(f.enrolmentOf("u1").history().get(1).reason())
          .isEqualTo(RosterSync.INACTIVE_REASON);
      assertThat(f.enrolmentOf("u3").active()).isTrue();
      assertThat(f.memberStatus("u1")).isEqualTo("INACTIVE");
    }
  }

  @AllDatabases
  void aNewPlatformAccountWithTheSameEmailIsTheSameLearner(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(learner("old-account", "Awa", "Diallo", "Awa.Diallo@example.org"));
      f.synced();
      f.roster()
          .remove("old-account")
          .add(learner("new-account", "Awa", "Diallo", "awa.diallo@example.org"));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.matched()).isEqualTo(1);
      assertThat(synced.created()).isZero();
      assertThat(f.learnersOfSchool()).hasSize(1);
      assertThat(f.enrolmentOf("new-account")).isEqualTo(f.enrolmentOf("old-account"));
      assertThat(f.enrolmentOf("new-account").active()).isTrue();
      assertThat(f.enrolmentOf("new-account").history()).hasSize(1);
    }
  }

  @AllDatabases
  void aSharedSourcedidMatchesWhenNoEmailIsShared(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(Member.anonymousLearner("a1").withSourcedid("SIS-0042"));
      f.synced();
      f.roster().add(Member.anonymousLearner("a2").withSourcedid("SIS-0042"));
      f.roster().add(Member.anonymousLearner("a3").withSourcedid("SIS-0043"));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.matched()).isEqualTo(1);
      assertThat(synced.created()).isEqualTo(1);
      assertThat(f.enrolmentOf("a2").learner()).isEqualTo(f.enrolmentOf("a1").learner());
      assertThat(f.enrolmentOf("a3").learner()).isNotEqualTo(f.enrolmentOf("a1").learner());
    }
  }

  @AllDatabases
  void namesAndEmailsAreStoredOnlyAsThePlatformSharesThem(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster()
          .add(Member.anonymousLearner("anon"))
          .add(
              new Member(
                  "named",
                  List.of(RosterFixture.M + "#Learner"),
                  "Active",
                  "Marie Curie",
                  null,
                  null,
                  null,
                  null));

      f.synced();

      Learner anon = f.tremplin.learners().get(f.manager, f.enrolmentOf("anon").learner());
      assertThat(anon.givenName()).isEqualTo(RosterSync.UNNAMED);
      assertThat(anon.familyName()).startsWith("LMS-");
      Learner named = f.tremplin.learners().get(f.manager, f.enrolmentOf("named").learner());
      assertThat(named.displayName()).isEqualTo("Marie Curie");
      int emails =
          f.work.read(
              h ->
                  h.createQuery(
                          "select count(*) from tremplin_lti_roster_member where email is not null")
                      .mapTo(Integer.class)
                      .one());
      assertThat(emails).isZero();
    }
  }

  @AllDatabases
  void aReadThatFailsHalfwayWritesNothingButTheAttempt(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().pageSize(2).add(learners(5)).failOnPage(2);

      RosterOutcome outcome = f.sync.sync(f.course, RosterTrigger.ON_DEMAND);

      assertThat(outcome).isInstanceOf(RosterOutcome.Failed.class);
      assertThat(((RosterOutcome.Failed) outcome).code())
          .isEqualTo(LtiErrorCode.LTI_SERVICE_UNREACHABLE);
      assertThat(f.rows("tremplin_learner")).isZero();
      assertThat(f.rows("tremplin_lti_roster_member")).isZero();
      assertThat(f.sync.state(f.course).orElseThrow().kind()).isEqualTo(RosterState.Kind.FAILED);

      f.roster().failOnPage(-1);
      assertThat(f.synced().joined()).isEqualTo(5);
    }
  }

  @AllDatabases
  void aCourseWhoseLaunchesCarryNoRosterServiceIsNotOffered(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      f.endpoints.remember(f.launch(ServiceClaims.NONE));

      RosterOutcome outcome = f.sync.sync(f.course, RosterTrigger.LINKED);

      assertThat(outcome).isEqualTo(new RosterOutcome.NotOffered(f.course));
      assertThat(f.sync.state(f.course).orElseThrow().kind())
          .isEqualTo(RosterState.Kind.NO_SERVICE);
      assertThat(f.sync.whyNotOnRoster(f.course, "u1")).isEqualTo(Landing.Reason.ROSTER_NOT_SHARED);
      assertThat(f.sync.offered(f.cohort.id())).isFalse();
    }
  }

  @AllDatabases
  void anUnlinkedCourseIsNotSynced(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).offered()) {
      f.roster().add(learners(2));

      assertThat(f.sync.sync(f.course, RosterTrigger.ON_DEMAND))
          .isEqualTo(new RosterOutcome.NotLinked(f.course));
      assertThat(f.rows("tremplin_learner")).isZero();
    }
  }

  @AllDatabases
  void theDifferencesOfferedAreReadInsteadOfTheWholeRoster(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().pageSize(2).offerDifferences(true).add(learners(5));
      assertThat(f.synced().complete()).isTrue();
      int pages = f.roster().pageRequests();
      assertThat(pages).isEqualTo(3);
      f.roster().remove("u1").add(learner("u6", "Given6", "Family6", "u6@example.org"));
      f.clock.advance(Duration.ofHours(1));

      RosterOutcome.Synced synced = f.synced();

      assertThat(synced.complete()).isFalse();
      assertThat(f.roster().pageRequests()).isEqualTo(pages + 1);
      assertThat(synced.joined()).isEqualTo(1);
      assertThat(synced.inactive()).isEqualTo(1);
      assertThat(f.enrolmentOf("u1").active()).isFalse();
      assertThat(f.enrolmentOf("u6").active()).isTrue();
      assertThat(f.enrolmentOf("u2").active()).isTrue();
      assertThat(f.memberStatus("u1")).isEqualTo("DELETED");
    }
  }

  @AllDatabases
  void aTrainersLaunchesSyncTheRosterAtMostEveryTenMinutes(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(learners(1));

      assertThat(f.sync.syncIfDue(f.course)).containsInstanceOf(RosterOutcome.Synced.class);
      f.roster().add(learner("u2", "G", "F", "u2@example.org"));
      f.clock.advance(RosterSync.TRAINER_INTERVAL.minusSeconds(1));
      assertThat(f.sync.syncIfDue(f.course)).isEmpty();
      assertThat(f.enrolled()).isEqualTo(1);
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(f.sync.syncIfDue(f.course)).containsInstanceOf(RosterOutcome.Synced.class);
      assertThat(f.enrolled()).isEqualTo(2);
    }
  }

  @AllDatabases
  void aRevokedTokenIsReplacedOnceAndTheSyncGoesOn(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked().offered()) {
      f.roster().add(learners(2));
      f.synced();
      f.platform.revokeIssuedTokens();
      f.roster().add(learner("u3", "G", "F", "u3@example.org"));

      assertThat(f.synced().joined()).isEqualTo(1);
      assertThat(f.platform.tokenRequests()).isEqualTo(2);
    }
  }
}
