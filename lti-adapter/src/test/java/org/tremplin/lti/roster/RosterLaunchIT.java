package org.tremplin.lti.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.testing.PlatformServices.Member.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.lti.flow.FlowOutcome;
import org.tremplin.lti.flow.LaunchFlow;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.launch.LaunchFixture;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.IdTokens.Signing;
import org.tremplin.testing.PlatformServices.Member;
import org.tremplin.testing.TestDatabase;

/**
 * Launches that follow the roster (issue 11 item 1): a learner on the course's roster lands on
 * their own page at their first launch, a trainer's launch reads the roster; the launch flow with
 * the real validator and stores, the roster at a fake platform over HTTP, on H2 and PostgreSQL.
 */
class RosterLaunchIT {
  private static final String LEARNER = RosterFixture.M + "#Learner";
  private static final String INSTRUCTOR = RosterFixture.M + "#Instructor";
  private static final LaunchFlow.Language FRENCH = tag -> Locale.FRENCH;

  /** The roster fixture with a launch flow on its stores. */
  private static final class Launches {
    final RosterFixture f;
    final LaunchFixture platform = new LaunchFixture();
    final JdbiSessions sessions;
    final LaunchFlow flow;
    private int n;

    Launches(RosterFixture f) {
      this.f = f;
      sessions = new JdbiSessions(f.work, f.clock);
      flow =
          new LaunchFlow(
              platform.validator,
              new InMemoryRegistrations(List.of(platform.registration)),
              new RoleMapper(),
              new LaunchIdentities(f.directory, f.tremplin, (issuer, client) -> true),
              sessions,
              f.endpoints,
              f.sync,
              f.clock);
    }

    FlowOutcome launch(String sub, String role, boolean withNrps) {
      String state = "s" + ++n;
      String nonce = "n" + n;
      LoginState login = platform.login(state, nonce, null, LaunchFixture.NOW.plusSeconds(600));
      Map<String, Object> claims = new LinkedHashMap<>(LaunchFixture.validClaims(nonce));
      claims.put("sub", sub);
      claims.put(LtiClaims.CONTEXT, Map.of("id", RosterFixture.CONTEXT, "title", "DWWM"));
      claims.put(LtiClaims.ROLES, List.of(role));
      if (withNrps) {
        claims.putAll(f.nrpsClaim());
      }
      String token = LaunchFixture.token(claims, "RS256", LaunchFixture.RSA_KID, Signing.PLATFORM);
      return flow.run(LaunchRequest.of(state, token, login.bindingValue()), FRENCH);
    }

    AppSession session(FlowOutcome outcome) {
      assertThat(outcome).isInstanceOf(FlowOutcome.Land.class);
      return sessions.find(((FlowOutcome.Land) outcome).token()).orElseThrow();
    }
  }

  private static Landing.Reason reason(FlowOutcome outcome) {
    assertThat(outcome).isInstanceOf(FlowOutcome.Explain.class);
    return ((FlowOutcome.Explain) outcome).explanation().reason();
  }

  @AllDatabases
  void aLearnerOnTheRosterLandsOnTheirOwnPageAtTheirFirstLaunch(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      Launches l = new Launches(f);
      f.roster().add(learner("learner-1", "Awa", "Diallo", "awa@example.org"));

      AppSession session = l.session(l.launch("learner-1", LEARNER, true));

      Grant grant = session.grants().get(0);
      assertThat(grant.role()).isEqualTo(Role.LEARNER);
      assertThat(grant.scope())
          .isEqualTo(new Scope.OfLearner(f.enrolmentOf("learner-1").learner()));
      assertThat(f.enrolmentOf("learner-1").active()).isTrue();
      assertThat(session.cohortId()).isEqualTo(f.cohort.id());
    }
  }

  @AllDatabases
  void aLearnerMissingFromARosterAlreadyReadIsToldTheyAreNotOnItWithoutAnotherRead(
      TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      Launches l = new Launches(f);
      f.roster().add(learner("learner-1", "Awa", "Diallo", "awa@example.org"));
      l.launch("learner-1", LEARNER, true);
      int pages = f.roster().pageRequests();

      assertThat(reason(l.launch("stranger", LEARNER, true)))
          .isEqualTo(Landing.Reason.NOT_ON_ROSTER);
      assertThat(f.roster().pageRequests()).isEqualTo(pages);
    }
  }

  @AllDatabases
  void aLearnerOnTheRosterOfAFullCohortIsToldItIsFull(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 1).linked()) {
      Launches l = new Launches(f);
      f.roster()
          .add(learner("first", "A", "B", "a@example.org"))
          .add(learner("second", "C", "D", "c@example.org"));

      assertThat(reason(l.launch("second", LEARNER, true))).isEqualTo(Landing.Reason.COHORT_FULL);
      assertThat(l.session(l.launch("first", LEARNER, true)).roles()).containsExactly(Role.LEARNER);
    }
  }

  @AllDatabases
  void aLearnerOfAPlatformThatSharesNoRosterIsToldOnlyTheTrainerCanAddThem(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      Launches l = new Launches(f);

      assertThat(reason(l.launch("learner-1", LEARNER, false)))
          .isEqualTo(Landing.Reason.ROSTER_NOT_SHARED);
      assertThat(f.rows("tremplin_learner")).isZero();
    }
  }

  @AllDatabases
  void aTrainersLaunchReadsTheRosterSoLearnersAreEnrolledBeforeTheyCome(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      Launches l = new Launches(f);
      f.roster()
          .add(learner("learner-1", "Awa", "Diallo", "awa@example.org"))
          .add(learner("learner-2", "Léo", "Martin", "leo@example.org"))
          .add(Member.instructor("trainer-1", "Tina", "Trainer"));

      AppSession trainer = l.session(l.launch("trainer-1", INSTRUCTOR, true));

      assertThat(trainer.roles()).containsExactly(Role.TRAINER);
      assertThat(f.enrolled()).isEqualTo(2);
      assertThat(f.sync.state(f.course).orElseThrow().lastRead()).contains(f.clock.instant());
    }
  }

  @AllDatabases
  void aPlatformThatFailsNeverFailsTheLaunch(TestDatabase db) {
    try (RosterFixture f = new RosterFixture(db, 12).linked()) {
      Launches l = new Launches(f);
      f.roster().add(learner("learner-1", "Awa", "Diallo", "awa@example.org"));
      f.platform.refuseTokens(500);

      assertThat(reason(l.launch("learner-1", LEARNER, true)))
          .isEqualTo(Landing.Reason.NOT_ON_ROSTER);
      assertThat(l.session(l.launch("trainer-1", INSTRUCTOR, true)).roles())
          .containsExactly(Role.TRAINER);
      assertThat(f.sync.state(f.course).orElseThrow().kind()).isEqualTo(RosterState.Kind.FAILED);
    }
  }
}
