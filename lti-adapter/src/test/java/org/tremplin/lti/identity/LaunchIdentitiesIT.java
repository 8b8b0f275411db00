package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.lti.identity.IdentityFixture.M;
import static org.tremplin.lti.identity.IdentityFixture.launch;

import java.util.List;
import java.util.Locale;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.PendingLink;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** The identity mapping of LTI.md §3 on H2 and PostgreSQL. */
class LaunchIdentitiesIT {
  private final RoleMapper roles = new RoleMapper();

  private Landing resolve(IdentityFixture f, LaunchContext launch) {
    return f.identities.resolve(
        launch, roles.map(launch.roles()), Locale.FRENCH, f.clock.instant());
  }

  private static AppSession home(Landing landing) {
    assertThat(landing).isInstanceOf(Landing.Home.class);
    return ((Landing.Home) landing).session();
  }

  private static Landing.Reason reason(Landing landing) {
    assertThat(landing).isInstanceOf(Landing.Explained.class);
    return ((Landing.Explained) landing).reason();
  }

  @AllDatabases
  void aLinkedLearnerActsOnlyAsThemself(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());

    AppSession session = home(resolve(f, launch("s-ada", List.of(M + "#Learner"))));

    assertThat(session.grants())
        .containsExactly(new Grant(Role.LEARNER, new Scope.OfLearner(f.ada.id())));
    assertThat(session.cohortId()).isEqualTo(f.cohort.id());
    assertThat(session.personId()).isEqualTo(f.directory.personOf(f.user("s-ada")));
    assertThat(session.displayName()).isEqualTo("Ada Lovelace");
  }

  @AllDatabases
  void aLearnerWhoIsNotOnTheRosterGetsNoSession(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(reason(resolve(f, launch("s-unknown", List.of("Learner")))))
        .isEqualTo(Landing.Reason.NOT_ON_ROSTER);
  }

  @AllDatabases
  void anInstructorAndATeachingAssistantTrainTheLinkedCohortOnly(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    Grant trainer = new Grant(Role.TRAINER, new Scope.OfCohort(f.school.id(), f.cohort.id()));

    assertThat(home(resolve(f, launch("s-t", List.of(M + "#Instructor")))).grants())
        .containsExactly(trainer);
    assertThat(
            home(resolve(f, launch("s-ta", List.of(M + "/Instructor#TeachingAssistant")))).grants())
        .containsExactly(trainer);
  }

  @AllDatabases
  void aMentorCoachesTheLearnersOfRoleScopeMentorThatTremplinKnows(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());

    AppSession session =
        home(
            resolve(
                f,
                launch(
                    "s-coach", List.of(M + "#Mentor"), "course-7", List.of("s-ada", "s-ghost"))));

    assertThat(session.grants())
        .containsExactly(new Grant(Role.COACH, new Scope.OfLearner(f.ada.id())));
  }

  @AllDatabases
  void aMentorWithoutMenteesCoachesWithinTheCohort(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(home(resolve(f, launch("s-coach", List.of(M + "#Mentor")))).grants())
        .containsExactly(new Grant(Role.COACH, new Scope.OfCohort(f.school.id(), f.cohort.id())));
  }

  @AllDatabases
  void aCourseAdministratorManagesTheCohortsSchool(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(home(resolve(f, launch("s-m", List.of(M + "#Administrator")))).grants())
        .containsExactly(new Grant(Role.MANAGER, new Scope.OfSchool(f.school.id())));
  }

  @AllDatabases
  void anInstitutionAdministratorWithoutCourseRoleGetsTheAdminScreensOfTheSchoolOnly(
      TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);

    AppSession session =
        home(
            resolve(
                f,
                launch(
                    "s-admin",
                    List.of(
                        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"),
                    null,
                    List.of())));

    assertThat(session.grants())
        .containsExactly(new Grant(Role.ADMIN, new Scope.OfSchool(f.school.id())));
  }

  @AllDatabases
  void anInstructorsFirstLaunchFromAnUnlinkedCourseOffersToLinkIt(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);

    Landing landing = resolve(f, launch("s-t", List.of(M + "#Instructor", M + "#Learner")));

    assertThat(landing).isInstanceOf(Landing.LinkCourse.class);
    AppSession session = ((Landing.LinkCourse) landing).session();
    assertThat(session.grants()).isEmpty();
    assertThat(session.pendingLink())
        .isEqualTo(new PendingLink(f.course(), f.school.id(), java.util.Set.of(Role.TRAINER)));
  }

  @AllDatabases
  void aLearnerInAnUnlinkedCourseIsToldToWaitForTheTrainer(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);

    assertThat(reason(resolve(f, launch("s-ada", List.of(M + "#Learner")))))
        .isEqualTo(Landing.Reason.COURSE_NOT_LINKED);
  }

  @AllDatabases
  void withSeveralSchoolsAnUnboundPlatformLinksNothingUntilBound(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    School other = f.tremplin.schools().create(f.admin, "École du Web 93", new Departement("93"));

    assertThat(reason(resolve(f, launch("s-t", List.of(M + "#Instructor")))))
        .isEqualTo(Landing.Reason.NO_SCHOOL);

    f.directory.bindSchool(IdentityFixture.ISSUER, IdentityFixture.CLIENT, other.id());
    Landing landing = resolve(f, launch("s-t", List.of(M + "#Instructor")));
    assertThat(((Landing.LinkCourse) landing).session().pendingLink().school())
        .isEqualTo(other.id());
  }

  @AllDatabases
  void aDynamicallyRegisteredPlatformReachesNoSchoolUntilBoundEvenInAOneSchoolInstallation(
      TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    LaunchContext trainer = launch("s-t", List.of(M + "#Instructor"));
    LaunchContext fromDynamic =
        new LaunchContext(
            IdentityFixture.DYNAMIC_ISSUER,
            trainer.clientId(),
            trainer.deploymentId(),
            false,
            trainer.sub(),
            trainer.name(),
            trainer.messageType(),
            trainer.contextId(),
            trainer.contextTitle(),
            trainer.resourceLinkId(),
            trainer.roles(),
            trainer.roleScopeMentor(),
            trainer.targetLinkUri(),
            trainer.custom(),
            trainer.presentationLocale());

    assertThat(reason(resolve(f, fromDynamic))).isEqualTo(Landing.Reason.NO_SCHOOL);

    f.directory.bindSchool(IdentityFixture.DYNAMIC_ISSUER, trainer.clientId(), f.school.id());
    assertThat(resolve(f, fromDynamic)).isInstanceOf(Landing.LinkCourse.class);
  }

  @AllDatabases
  void theSameCourseIdThroughAnotherDeploymentIsAnotherCourse(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    LaunchContext launch = launch("s-t", List.of(M + "#Instructor"));
    LaunchContext otherDeployment =
        new LaunchContext(
            launch.issuer(),
            launch.clientId(),
            "dep-2",
            false,
            launch.sub(),
            launch.name(),
            launch.messageType(),
            launch.contextId(),
            launch.contextTitle(),
            launch.resourceLinkId(),
            launch.roles(),
            launch.roleScopeMentor(),
            launch.targetLinkUri(),
            launch.custom(),
            launch.presentationLocale());

    assertThat(resolve(f, launch)).isInstanceOf(Landing.Home.class);
    assertThat(resolve(f, otherDeployment)).isInstanceOf(Landing.LinkCourse.class);
  }

  @AllDatabases
  void launchesWithoutAnyUsableRoleOpenNothing(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(reason(resolve(f, launch("s-x", List.of())))).isEqualTo(Landing.Reason.NO_ROLE);
    assertThat(reason(resolve(f, launch("s-x", List.of(""))))).isEqualTo(Landing.Reason.NO_ROLE);
    assertThat(reason(resolve(f, launch("s-x", List.of("http://example.org/role#Astronaut")))))
        .isEqualTo(Landing.Reason.NO_ROLE);
  }

  @AllDatabases
  void aTestUserPreviewsWithoutARecordOrASession(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(
            reason(resolve(f, launch("s-preview", List.of(M + "#Learner", RoleMapper.TEST_USER)))))
        .isEqualTo(Landing.Reason.TEST_USER_PREVIEW);
    long persons =
        f.database.read(
            h ->
                h.createQuery("select count(*) from tremplin_lti_person where sub = 's-preview'")
                    .mapTo(Long.class)
                    .one());
    assertThat(persons).isZero();
  }

  @AllDatabases
  void aLaunchOutsideAnyCourseByALearnerIsExplained(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);

    assertThat(reason(resolve(f, launch("s-ada", List.of(M + "#Learner"), null, List.of()))))
        .isEqualTo(Landing.Reason.NO_COURSE);
  }

  @AllDatabases
  void anAnonymousLaunchOpensNothing(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();

    assertThat(reason(resolve(f, launch(null, List.of(M + "#Instructor")))))
        .isEqualTo(Landing.Reason.ANONYMOUS);
  }

  @AllDatabases
  void identityIsIssuerClientIdAndSubNeverTheSubAlone(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);

    String first = f.directory.personOf(f.user("s-1"));

    assertThat(f.directory.personOf(f.user("s-1"))).isEqualTo(first);
    assertThat(f.directory.personOf(new PlatformUser(IdentityFixture.ISSUER, "client-2", "s-1")))
        .isNotEqualTo(first);
    assertThat(
            f.directory.personOf(
                new PlatformUser("https://canvas.instructure.com", IdentityFixture.CLIENT, "s-1")))
        .isNotEqualTo(first);
  }

  @AllDatabases
  void grantsOnceLinkedFollowThePendingRoles(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    Cohort cohort = f.cohort;
    PendingLink link =
        new PendingLink(f.course(), f.school.id(), java.util.Set.of(Role.TRAINER, Role.MANAGER));

    assertThat(LaunchIdentities.grantsOnceLinked(link, cohort))
        .containsExactlyInAnyOrder(
            new Grant(Role.TRAINER, new Scope.OfCohort(f.school.id(), cohort.id())),
            new Grant(Role.MANAGER, new Scope.OfSchool(f.school.id())));
  }
}
