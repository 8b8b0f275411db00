package org.tremplin.lti.grades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.api.evidence.AssessmentResult.ACQUIRED;
import static org.tremplin.api.evidence.AssessmentResult.NOT_ACQUIRED;
import static org.tremplin.api.evidence.AssessmentResult.PARTIALLY_ACQUIRED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.FakeGradebook;
import org.tremplin.testing.FakeGradebook.Column;
import org.tremplin.testing.FakeGradebook.ReceivedScore;
import org.tremplin.testing.TestDatabase;

/**
 * Grades reach a strict fake gradebook over real HTTP on loopback (issue 11, items 3 and 5), on H2
 * and PostgreSQL: client assertions, scopes, media types and Moodle's {@code ?type_id=} URLs are
 * checked by the fake on every request ({@link FakeGradebook#violations()} stays empty).
 */
class GradePublisherIT {
  @AllDatabases
  void anAssessmentBecomesAScoreOnTheCompetencysColumnCreatedOnce(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", ACQUIRED);
      f.advance(Duration.ofSeconds(2));
      f.assess(1, "CP1", PARTIALLY_ACQUIRED);
      f.deliver();

      assertThat(f.gradebook.violations()).isEmpty();
      List<Column> columns = f.gradebook.columns(GradesFixture.COURSE);
      assertThat(columns)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.resourceId()).isEqualTo("competency:CP1");
                assertThat(c.tag()).isEqualTo("tremplin");
                assertThat(c.label()).isEqualTo("CP1");
                assertThat(c.scoreMaximum()).isEqualTo(100);
              });
      assertThat(f.gradebook.scores())
          .extracting(ReceivedScore::userId, ReceivedScore::scoreGiven, ReceivedScore::scoreMaximum)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("sub-ada", 100.0, 100.0),
              org.assertj.core.groups.Tuple.tuple("sub-bob", 50.0, 100.0));
      ReceivedScore first = f.gradebook.scores().get(0);
      assertThat(first.lineItem()).isEqualTo(columns.get(0).id()).endsWith("?type_id=7");
      assertThat(first.activityProgress()).isEqualTo("Completed");
      assertThat(first.gradingProgress()).isEqualTo("FullyGraded");
      assertThat(first.rawTimestamp()).isEqualTo("2026-01-12T09:00:00.250+00:00");
      assertThat(f.gradebook.tokenRequests()).isEqualTo(1);
      assertThat(f.deliveries.counts(f.cohort.id())).isEqualTo(new ScoreCounts(0, 2, 0, 0));
    }
  }

  @AllDatabases
  void aColumnOnALaterPageIsFoundAndNoDuplicateIsCreated(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.gradebook.pageSize(1);
      f.gradebook.honourFilters(false); // the tool must filter itself, on every page
      f.gradebook.addColumn(GradesFixture.COURSE, "Forum", "", "", 10);
      f.gradebook.addColumn(GradesFixture.COURSE, "CP1 elsewhere", "competency:CP1", "other", 10);
      f.gradebook.addColumn(GradesFixture.COURSE, "CP2", "competency:CP2", "tremplin", 100);
      String placed =
          f.gradebook.addColumn(
              GradesFixture.COURSE, "Maquetter", "competency:CP1", "tremplin", 20);

      f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      f.advance(Duration.ofSeconds(3));
      f.assess(1, "CP1", ACQUIRED);
      f.deliver();

      assertThat(f.gradebook.violations()).isEmpty();
      assertThat(f.gradebook.columns(GradesFixture.COURSE)).hasSize(4);
      assertThat(f.gradebook.scores()).extracting(ReceivedScore::lineItem).containsOnly(placed);
      assertThat(f.rows("tremplin_lti_line_item")).isEqualTo(1);
    }
  }

  @AllDatabases
  void aCompetencyPlacedAsAnActivityAfterItsOwnColumnExistedGetsTheNextScoresInTheActivitysColumn(
      TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", ACQUIRED);
      f.deliver(); // no activity yet: Tremplin creates the competency's own column
      String own = f.gradebook.columns(GradesFixture.COURSE).get(0).id();

      // the trainer places CP1 as an activity: the platform creates that activity's column
      String placed =
          f.gradebook.addActivityColumn(
              GradesFixture.COURSE, "CP1 — Maquetter", "competency:CP1", "tremplin", 100, "a-1");
      f.placed("CP1");
      f.advance(Duration.ofSeconds(3));
      f.assess(1, "CP1", ACQUIRED);
      f.deliver();

      assertThat(f.gradebook.violations()).isEmpty();
      assertThat(f.gradebook.columns(GradesFixture.COURSE)).hasSize(2); // none created again
      assertThat(f.gradebook.scores())
          .extracting(ReceivedScore::userId, ReceivedScore::lineItem)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("sub-ada", own),
              org.assertj.core.groups.Tuple.tuple("sub-bob", placed));
    }
  }

  @AllDatabases
  void aScoreRecordedBeforeThePlacedActivitysColumnAppearsWaitsForItInsteadOfCreatingAnother(
      TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.placed("CP2"); // the response is signed; the platform has not created the column yet
      f.assess(0, "CP2", ACQUIRED);
      f.deliver();

      assertThat(f.gradebook.columns(GradesFixture.COURSE)).isEmpty();
      assertThat(f.gradebook.scores()).isEmpty();

      String placed =
          f.gradebook.addActivityColumn(
              GradesFixture.COURSE, "CP2 — Interfaces", "competency:CP2", "tremplin", 100, "a-2");
      f.advance(Duration.ofSeconds(5)); // the relay's first retry
      f.deliver();

      assertThat(f.gradebook.columns(GradesFixture.COURSE)).hasSize(1);
      assertThat(f.gradebook.scores()).extracting(ReceivedScore::lineItem).containsExactly(placed);
      assertThat(f.gradebook.violations()).isEmpty();
    }
  }

  @AllDatabases
  void aPlacementSurvivesAConcurrentCreationOfTheCompetencysOwnColumnAndItsForgetting(
      TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      java.net.URI items = java.net.URI.create(f.gradebook.lineItemsUrl(GradesFixture.COURSE));
      java.time.Instant now = f.clock.instant();
      // a node is creating CP1's own column when the trainer's placement is recorded
      assertThat(
              f.deliveries.claimCreation(
                  items, "competency:CP1", "tremplin", now, now.plusSeconds(60)))
          .isTrue();
      f.placed("CP1");
      f.deliveries.storeLineItem(
          items, "competency:CP1", "tremplin", java.net.URI.create(items + "/9"), now);
      assertThat(f.deliveries.storedLineItem(items, "competency:CP1", "tremplin").placedUntil())
          .isEqualTo(now.plus(GradePublisher.PLACED_WAIT));

      // the platform then answers 404 on that column (or its creation failed): forgotten
      f.deliveries.forgetLineItem(items, "competency:CP1", "tremplin");
      assertThat(f.deliveries.storedLineItem(items, "competency:CP1", "tremplin").placedUntil())
          .isEqualTo(now.plus(GradePublisher.PLACED_WAIT));
    }
  }

  @AllDatabases
  void aPlacedActivityWhoseColumnNeverAppearsGetsOneCreatedOnceTheWaitIsOver(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.placed("CP3"); // e.g. the trainer closed the platform's page before it saved the activity
      f.assess(0, "CP3", ACQUIRED);
      f.deliver();
      assertThat(f.gradebook.scores()).isEmpty();

      f.advance(GradePublisher.PLACED_WAIT.plusSeconds(1));
      f.deliver();

      assertThat(f.gradebook.columns(GradesFixture.COURSE))
          .singleElement()
          .satisfies(c -> assertThat(c.resourceLinkId()).isEmpty());
      assertThat(f.gradebook.scores()).hasSize(1);
    }
  }

  @AllDatabases
  void twoAssessmentsInOneSecondArriveInOrderWithIncreasingTimestampsAfterA409(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP3", NOT_ACQUIRED);
      f.advance(Duration.ofMillis(100));
      f.assess(0, "CP3", ACQUIRED);
      f.deliver(); // the second score is in the same second: Moodle answers 409

      assertThat(f.gradebook.scores()).extracting(ReceivedScore::scoreGiven).containsExactly(0.0);
      f.advance(Duration.ofSeconds(5)); // the relay's first retry
      f.deliver();

      List<ReceivedScore> scores = f.gradebook.scores();
      assertThat(scores).extracting(ReceivedScore::scoreGiven).containsExactly(0.0, 100.0);
      assertThat(scores.get(1).timestamp()).isAfter(scores.get(0).timestamp());
      assertThat(scores.get(1).timestamp().getEpochSecond())
          .isGreaterThan(scores.get(0).timestamp().getEpochSecond());
      assertThat(f.gradebook.violations()).isEmpty();
    }
  }

  @AllDatabases
  void anExpiredTokenIsDroppedAndTheRequestRetriedOnceWithANewOne(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      f.gradebook.expireTokens();
      f.advance(Duration.ofSeconds(2));
      f.assess(1, "CP1", ACQUIRED);

      f.deliver(); // the clock does not move: no retry of the relay's could run

      assertThat(f.gradebook.scores()).hasSize(2);
      assertThat(f.gradebook.tokenRequests()).isEqualTo(2);
    }
  }

  @AllDatabases
  void aPlatformAskingToWaitIsNotCalledBeforeItsRetryAfter(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.gradebook.answerScores(429, 1, "120");
      f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      int requests = f.gradebook.serviceRequests();

      f.advance(Duration.ofSeconds(30)); // past the relay's backoff, within Retry-After
      f.deliver();
      assertThat(f.gradebook.serviceRequests()).isEqualTo(requests);
      assertThat(f.gradebook.scores()).isEmpty();

      f.advance(Duration.ofSeconds(100));
      f.deliver();
      assertThat(f.gradebook.scores()).hasSize(1);
    }
  }

  @AllDatabases
  void anOutageDelaysScoresAndAfterItEveryScoreArrivesOnceAndInOrder(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", NOT_ACQUIRED); // before the outage: creates the column
      f.deliver();
      f.gradebook.outage(true);
      AssessmentResult[] results = {ACQUIRED, NOT_ACQUIRED, PARTIALLY_ACQUIRED, ACQUIRED};
      Map<String, List<Double>> expected = new LinkedHashMap<>();
      expected.computeIfAbsent("sub-ada CP1", k -> new ArrayList<>()).add(0.0);
      String[] subs = {"sub-ada", "sub-bob", "sub-chloe"};
      for (int round = 0; round < results.length; round++) {
        for (int learner = 0; learner < 3; learner++) {
          for (String competency : List.of("CP1", "CP2")) {
            AssessmentResult r = results[(round + learner) % results.length];
            f.assess(learner, competency, r);
            expected
                .computeIfAbsent(subs[learner] + " " + competency, k -> new ArrayList<>())
                .add(GradePublisher.scoreOf(r));
            f.advance(Duration.ofMillis(150));
          }
        }
        f.deliver(); // the platform is down: nothing arrives, nothing is lost
        f.advance(Duration.ofMinutes(2));
      }
      assertThat(f.gradebook.scores()).hasSize(1);

      f.gradebook.outage(false);
      for (int i = 0; i < 12; i++) { // long enough for every backoff, and the 409s that follow
        f.advance(Duration.ofMinutes(10));
        f.deliver();
      }

      Map<String, List<Double>> received = new LinkedHashMap<>();
      Map<String, String> columns = new LinkedHashMap<>();
      for (Column c : f.gradebook.columns(GradesFixture.COURSE)) {
        columns.put(c.id(), c.resourceId().substring("competency:".length()));
      }
      Map<String, java.time.Instant> lastStamp = new LinkedHashMap<>();
      for (ReceivedScore s : f.gradebook.scores()) {
        String key = s.userId() + " " + columns.get(s.lineItem());
        received.computeIfAbsent(key, k -> new ArrayList<>()).add(s.scoreGiven());
        java.time.Instant before = lastStamp.put(key, s.timestamp());
        if (before != null) {
          assertThat(s.timestamp()).isAfter(before);
        }
      }
      assertThat(received).isEqualTo(expected);
      assertThat(f.gradebook.columns(GradesFixture.COURSE)).hasSize(2);
      assertThat(f.deliveries.counts(f.cohort.id())).isEqualTo(new ScoreCounts(0, 25, 0, 0));
      assertThat(f.gradebook.violations()).isEmpty();
    }
  }

  @AllDatabases
  void aRefusedScoreIsRecordedWithThePlatformsAnswerAndTheLaneGoesOn(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.gradebook.answerScores(400, 1, null);
      Evidence refused = f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      f.advance(Duration.ofSeconds(2));
      f.assess(0, "CP1", PARTIALLY_ACQUIRED);
      f.deliver();

      assertThat(f.deliveries.failures(f.cohort.id()))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.evidence()).isEqualTo(refused.id());
                assertThat(r.learner()).isEqualTo(f.learners.get(0).id());
                assertThat(r.competency()).isEqualTo("CP1");
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.answer()).isEqualTo("Answer 400");
              });
      assertThat(f.gradebook.scores()).extracting(ReceivedScore::scoreGiven).containsExactly(50.0);
      assertThat(f.deliveries.counts(f.cohort.id())).isEqualTo(new ScoreCounts(0, 1, 1, 0));
    }
  }

  @AllDatabases
  void theSameEventDeliveredTwiceSendsOneScore(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", ACQUIRED);
      var envelope =
          new org.tremplin.api.event.EventEnvelope(
              org.tremplin.api.event.EventId.random(),
              f.clock.instant(),
              new org.tremplin.api.event.AssessmentRecorded(
                  f.cohort.id(),
                  f.learners.get(0).id(),
                  f.tremplin
                      .evidence()
                      .evidence(f.trainer, f.cohort.id(), f.learners.get(0).id())
                      .get(0)
                      .id(),
                  new org.tremplin.api.evidence.EvidenceTarget.OnCompetency("CP1"),
                  EvidenceSource.TRAINER_ASSESSMENT,
                  ACQUIRED,
                  java.time.LocalDate.of(2026, 1, 12)));
      f.publisher.accept(envelope);
      f.publisher.accept(envelope);
      f.deliver(); // the outbox's own delivery of the same evidence

      assertThat(f.gradebook.scores()).hasSize(1);
    }
  }

  @AllDatabases
  void nothingIsSentWithoutALinkedCourseOrAScoreScope(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.launch(Set.of()); // the platform stopped offering AGS in this course
      f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      f.launch(Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"));
      f.advance(GradePublisher.KNOWN_FOR.plusSeconds(1)); // the new claim is read
      f.assess(1, "CP1", ACQUIRED);
      f.deliver();

      assertThat(f.gradebook.serviceRequests()).isZero();
      assertThat(f.rows("tremplin_lti_score")).isZero();
    }
  }

  @AllDatabases
  void teachersGradesBecomeLmsEvidenceOnceAndOurOwnScoresDoNot(TestDatabase db) {
    try (GradesFixture f = new GradesFixture(db.fresh())) {
      f.assess(0, "CP1", ACQUIRED);
      f.deliver();
      String column = f.gradebook.columns(GradesFixture.COURSE).get(0).id();
      f.gradebook.grade(column, "sub-bob", 12, 20);
      f.gradebook.grade(column, "someone-else", 20, 20);

      List<Evidence> imported = f.lmsGrades.importResults(f.trainer, f.cohort.id());

      assertThat(imported)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.learner()).isEqualTo(f.learners.get(1).id());
                assertThat(e.source()).isEqualTo(EvidenceSource.LMS_GRADE);
                assertThat(e.result()).isEqualTo(PARTIALLY_ACQUIRED);
              });
      assertThat(f.lmsGrades.importResults(f.trainer, f.cohort.id())).isEmpty();
      f.deliver();
      assertThat(f.gradebook.scores()).hasSize(1); // an LMS grade is never sent back
      assertThat(f.gradebook.violations()).isEmpty();
    }
  }

  @Test
  void gradesMapToScoresAndBack() {
    for (AssessmentResult r : AssessmentResult.values()) {
      assertThat(LmsGrades.resultOf(GradePublisher.scoreOf(r), Ags.SCORE_MAXIMUM)).isEqualTo(r);
    }
    assertThat(LmsGrades.resultOf(9.99, 20)).isEqualTo(NOT_ACQUIRED);
    assertThat(LmsGrades.resultOf(19.99, 20)).isEqualTo(PARTIALLY_ACQUIRED);
  }
}
