package org.tremplin.lti.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.deeplinking.ItemRef;
import org.tremplin.lti.deeplinking.JdbiDeepLinkingRequests;
import org.tremplin.lti.deeplinking.PendingDeepLinking;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.launch.LaunchFixture;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LaunchSettings;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.IdTokens.Signing;
import org.tremplin.testing.TestDatabase;

/**
 * Each outcome of a launch through the flow, with the real validator, identity mapping and sessions
 * on H2 and PostgreSQL.
 */
class LaunchFlowIT {
  private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  private static final String COURSE = "course-7";
  private static final LaunchFlow.Language ENGLISH = tag -> Locale.ENGLISH;

  /** A platform, a tool with its stores on a fresh database, one school and one cohort. */
  private static final class Fixture {
    final LaunchFixture platform;
    final DataSource dataSource;
    final Tremplin tremplin;
    final LtiDirectory directory;
    final JdbiSessions sessions;
    final InMemoryRegistrations registrations;
    final LaunchFlow flow;
    final JdbiDeepLinkingRequests deepLinking;
    final School school;
    final Cohort cohort;
    private int launches;

    Fixture(TestDatabase db) {
      this(db, false);
    }

    Fixture(TestDatabase db, boolean autoDeployments) {
      platform = new LaunchFixture(autoDeployments, true, LaunchSettings.defaults());
      dataSource = db.fresh();
      tremplin = Tremplin.create(dataSource, platform.clock);
      UnitOfWork database = LtiSchema.install(tremplin);
      directory = new LtiDirectory(database, platform.clock);
      sessions = new JdbiSessions(database, platform.clock);
      registrations = new InMemoryRegistrations(List.of(platform.registration));
      flow =
          new LaunchFlow(
                  platform.validator,
                  registrations,
                  new RoleMapper(),
                  new LaunchIdentities(directory, tremplin, (issuer, client) -> true),
                  sessions,
                  platform.clock)
              .withDeepLinking(new JdbiDeepLinkingRequests(database, platform.clock));
      deepLinking = new JdbiDeepLinkingRequests(database, platform.clock);
      Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
      school = tremplin.schools().create(admin, "École du Web 92", new Departement("92"));
      cohort =
          tremplin
              .cohorts()
              .open(
                  Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id())),
                  new NewCohort(
                      school.id(),
                      "Promo DWWM 2026",
                      new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                      new TemplateRef("ecole-du-web", 1),
                      12,
                      List.of()));
    }

    void linkCourse() {
      directory.linkCourse(
          new CourseContext(LaunchFixture.ISSUER, LaunchFixture.CLIENT_ID, "dep-1", COURSE),
          cohort.id(),
          "someone");
    }

    /** A login, then the post of a platform-signed token from the course with these roles. */
    LaunchRequest launch(List<String> roles) {
      return launch(roles, Map.of());
    }

    LaunchRequest launch(List<String> roles, Map<String, Object> extraClaims) {
      String state = "s" + ++launches;
      String nonce = "n" + launches;
      LoginState login = platform.login(state, nonce, null, inTenMinutes());
      return LaunchRequest.of(state, token(nonce, roles, extraClaims), login.bindingValue());
    }

    int sessionRows() {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from tremplin_lti_session")) {
        rs.next();
        return rs.getInt(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Instant inTenMinutes() {
    return LaunchFixture.NOW.plusSeconds(600);
  }

  private static String token(String nonce, List<String> roles, Map<String, Object> extra) {
    Map<String, Object> claims = new java.util.LinkedHashMap<>(LaunchFixture.validClaims(nonce));
    claims.put(LtiClaims.CONTEXT, Map.of("id", COURSE, "title", "DWWM"));
    claims.put(LtiClaims.ROLES, roles);
    claims.putAll(extra);
    return LaunchFixture.token(claims, "RS256", LaunchFixture.RSA_KID, Signing.PLATFORM);
  }

  private static final Map<String, Object> DEEP_LINKING =
      Map.of(
          LtiClaims.MESSAGE_TYPE,
          LtiClaims.DEEP_LINKING_REQUEST,
          LtiClaims.DEEP_LINKING_SETTINGS,
          Map.of(
              "deep_link_return_url",
              "https://moodle.example.org/return",
              "accept_types",
              List.of("ltiResourceLink"),
              "accept_presentation_document_targets",
              List.of("iframe"),
              "data",
              "d-1"));

  @AllDatabases
  void aTrainersDeepLinkingRequestIsStoredForThePickerWithASession(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();

    FlowOutcome outcome = f.flow.run(f.launch(List.of(M + "#Instructor"), DEEP_LINKING), ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.PickContent.class);
    FlowOutcome.PickContent pick = (FlowOutcome.PickContent) outcome;
    AppSession session = f.sessions.find(pick.token()).orElseThrow();
    PendingDeepLinking pending = f.deepLinking.find(pick.requestToken()).orElseThrow();
    assertThat(pending.personId()).isEqualTo(session.personId());
    assertThat(pending.cohortId()).isEqualTo(f.cohort.id());
    assertThat(pending.deploymentId()).isEqualTo("dep-1");
    assertThat(pending.settings().data()).isEqualTo("d-1");
    assertThat(pick.toString()).doesNotContain(pick.token()).doesNotContain(pick.requestToken());
  }

  @AllDatabases
  void aDeepLinkingRequestByALearnerOrAManagerOpensNothing(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();
    int sessions = f.sessionRows();

    for (String role : List.of(M + "#Learner", M + "#Administrator")) {
      FlowOutcome outcome = f.flow.run(f.launch(List.of(role), DEEP_LINKING), ENGLISH);

      assertThat(outcome).as(role).isInstanceOf(FlowOutcome.Explain.class);
      assertThat(((FlowOutcome.Explain) outcome).explanation().reason())
          .isEqualTo(Landing.Reason.DEEP_LINKING_NOT_TRAINER);
    }
    assertThat(f.sessionRows()).isEqualTo(sessions);
  }

  @AllDatabases
  void aTrainersDeepLinkingRequestFromAnUnlinkedCourseFirstOffersToLinkIt(TestDatabase db) {
    Fixture f = new Fixture(db);

    FlowOutcome outcome = f.flow.run(f.launch(List.of(M + "#Instructor"), DEEP_LINKING), ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Land.class);
    assertThat(((FlowOutcome.Land) outcome).page()).isEqualTo(FlowOutcome.Page.LINK_COURSE);
  }

  @AllDatabases
  void aLaunchNamingAProgrammeItemLandsOnTheItem(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();

    FlowOutcome outcome =
        f.flow.run(
            f.launch(
                List.of(M + "#Instructor"),
                Map.of(LtiClaims.CUSTOM, Map.of("tremplin_item", "assessment:RNCP37674BC01"))),
            ENGLISH);

    FlowOutcome.Land land = (FlowOutcome.Land) outcome;
    assertThat(land.page()).isEqualTo(FlowOutcome.Page.ITEM);
    assertThat(land.item()).isEqualTo(new ItemRef(ItemRef.Kind.ASSESSMENT, "RNCP37674BC01"));
  }

  @AllDatabases
  void aTrainerOfALinkedCourseLandsHomeWithASessionGrantingTheCohort(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();

    FlowOutcome outcome = f.flow.run(f.launch(List.of(M + "#Instructor")), ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Land.class);
    FlowOutcome.Land land = (FlowOutcome.Land) outcome;
    assertThat(land.page()).isEqualTo(FlowOutcome.Page.HOME);
    assertThat(land.cookieMaxAge()).isEqualTo(f.sessions.timeToLive());
    AppSession stored = f.sessions.find(land.token()).orElseThrow();
    assertThat(stored.grants())
        .containsExactly(new Grant(Role.TRAINER, new Scope.OfCohort(f.school.id(), f.cohort.id())));
    assertThat(stored.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(land.toString()).doesNotContain(land.token());
  }

  @AllDatabases
  void aTrainerOfAnUnlinkedCourseLandsOnTheLinkPageWithTheCourseToLink(TestDatabase db) {
    Fixture f = new Fixture(db);

    FlowOutcome outcome = f.flow.run(f.launch(List.of(M + "#Instructor")), ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Land.class);
    FlowOutcome.Land land = (FlowOutcome.Land) outcome;
    assertThat(land.page()).isEqualTo(FlowOutcome.Page.LINK_COURSE);
    AppSession stored = f.sessions.find(land.token()).orElseThrow();
    assertThat(stored.grants()).isEmpty();
    assertThat(stored.pendingLink()).isNotNull();
    assertThat(stored.pendingLink().course().contextId()).isEqualTo(COURSE);
  }

  @AllDatabases
  void aLearnerOfAnUnlinkedCourseIsExplainedInTheChosenLanguageAndGetsNoSession(TestDatabase db) {
    Fixture f = new Fixture(db);

    FlowOutcome outcome =
        f.flow.run(
            f.launch(
                List.of(M + "#Learner"),
                Map.of(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en_GB"))),
            tag -> "en_GB".equals(tag) ? Locale.ENGLISH : Locale.FRENCH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Explain.class);
    FlowOutcome.Explain explain = (FlowOutcome.Explain) outcome;
    assertThat(explain.explanation().reason()).isEqualTo(Landing.Reason.COURSE_NOT_LINKED);
    assertThat(explain.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(f.sessionRows()).isZero();
  }

  @AllDatabases
  void aFailedStepRefusesWithItsCodeAndOpensNoSession(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();
    String binding = f.platform.login("forged", "n-forged", null, inTenMinutes()).bindingValue();
    String forged =
        LaunchFixture.token(
            LaunchFixture.validClaims("n-forged"), "RS256", LaunchFixture.RSA_KID, Signing.OTHER);

    FlowOutcome outcome = f.flow.run(LaunchRequest.of("forged", forged, binding), ENGLISH);

    assertThat(outcome).isEqualTo(new FlowOutcome.Refuse(LaunchError.SIGNATURE_INVALID, null));
    assertThat(f.sessionRows()).isZero();
  }

  @AllDatabases
  void anErrorReportedByThePlatformIsRefusedWithItsDescription(TestDatabase db) {
    Fixture f = new Fixture(db);

    FlowOutcome outcome =
        f.flow.run(new LaunchRequest(null, null, null, "login_required", "Please log in"), ENGLISH);

    assertThat(outcome)
        .isEqualTo(new FlowOutcome.Refuse(LaunchError.PLATFORM_ERROR, "Please log in"));
  }

  @AllDatabases
  void aPlatformStorageLaunchWithoutItsCookieFirstReadsTheBindingBack(TestDatabase db) {
    Fixture f = new Fixture(db);
    f.linkCourse();
    String binding = f.platform.storageLogin("st", "n-st", inTenMinutes()).bindingValue();
    LaunchRequest withoutCookie =
        LaunchRequest.of("st", token("n-st", List.of(M + "#Instructor"), Map.of()), null);

    FlowOutcome first = f.flow.run(withoutCookie, ENGLISH);
    FlowOutcome rePost = f.flow.run(withoutCookie.withStoredBindings(binding, binding), ENGLISH);

    assertThat(first).isInstanceOf(FlowOutcome.ReadBackFromStorage.class);
    assertThat(((FlowOutcome.ReadBackFromStorage) first).request()).isEqualTo(withoutCookie);
    assertThat(((FlowOutcome.ReadBackFromStorage) first).readBack().stateKey())
        .isEqualTo("lti_state_st");
    assertThat(rePost).isInstanceOf(FlowOutcome.Land.class);
  }

  @AllDatabases
  void aDeploymentAcceptedUnderAutoDeploymentsIsRecordedForLaterLaunches(TestDatabase db) {
    Fixture f = new Fixture(db, true);

    FlowOutcome outcome =
        f.flow.run(
            f.launch(List.of(M + "#Learner"), Map.of(LtiClaims.DEPLOYMENT_ID, "dep-new")), ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Explain.class);
    assertThat(
            f.registrations
                .find(LaunchFixture.ISSUER, LaunchFixture.CLIENT_ID)
                .orElseThrow()
                .deploymentIds())
        .contains("dep-new");
  }

  @AllDatabases
  void theRolesAreMappedWithTheRegistrationTheLaunchWasValidatedAgainst(TestDatabase db) {
    Fixture f = new Fixture(db);
    // The login's registration maps Mentor to TRAINER; the registrations store knows only the
    // default mapping (Mentor is a COACH), so a second lookup there would explain, not link.
    PlatformRegistration own = f.platform.registration;
    PlatformRegistration mapped =
        new PlatformRegistration(
            own.name(),
            own.issuer(),
            own.clientId(),
            own.authUrl(),
            own.tokenUrl(),
            own.jwksUrl(),
            Set.of("dep-1"),
            false,
            Map.of("Mentor", Role.TRAINER));
    LoginState login =
        new LoginState(
            "sm", mapped, "n-sm", "https://tool.example.org/lti/launch", null, inTenMinutes());
    f.platform.loginStates.put(login);

    FlowOutcome outcome =
        f.flow.run(
            LaunchRequest.of(
                "sm", token("n-sm", List.of(M + "#Mentor"), Map.of()), login.bindingValue()),
            ENGLISH);

    assertThat(outcome).isInstanceOf(FlowOutcome.Land.class);
    assertThat(((FlowOutcome.Land) outcome).page()).isEqualTo(FlowOutcome.Page.LINK_COURSE);
  }
}
