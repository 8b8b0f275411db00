package org.tremplin.lti.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.roles.MappedRoles;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.PendingLink;

/**
 * Turns an accepted launch into a Tremplin identity and grants (LTI.md §3): (issuer, client_id,
 * sub) → person; the course → its cohort (and the cohort's school); membership roles → roles with
 * scope:
 *
 * <ul>
 *   <li>LEARNER → the learner themself, when the platform user is linked to a learner record;
 *   <li>TRAINER → the course's cohort;
 *   <li>COACH → the learners of {@code role_scope_mentor} when sent, else the course's cohort (the
 *       caseload rule of the permission matrix still limits coaching data to their referees);
 *   <li>MANAGER → the cohort's school;
 *   <li>ADMIN (institution administrator with no course role) → the school the platform serves; a
 *       system administrator of a platform of the operator's configuration → the whole network
 *       (binds platforms, sees every school), even before any school is bound.
 * </ul>
 *
 * A trainer or manager launching from a course linked to no cohort is offered to link it. Thread-
 * safe.
 */
public final class LaunchIdentities {
  /** The id the adapter uses when it reads cohort facts on its own behalf. */
  static final String ADAPTER_ACTOR_ID = "tremplin-lti";

  private final LtiDirectory directory;
  private final Tremplin tremplin;
  private final java.util.function.BiPredicate<String, String> configured;

  /**
   * Over this directory and domain engine; {@code configured} tells whether (issuer, client id) is
   * a platform of the operator's configuration (trusted to serve the only school of a one-school
   * installation without being bound to it). Platforms registered dynamically must be bound.
   *
   * @param directory the directory
   * @param tremplin the engine
   * @param configured the configured
   */
  public LaunchIdentities(
      LtiDirectory directory,
      Tremplin tremplin,
      java.util.function.BiPredicate<String, String> configured) {
    this.directory = directory;
    this.tremplin = tremplin;
    this.configured = configured;
  }

  /**
   * Where this accepted launch takes the user.
   *
   * @param launch the validated launch
   * @param roles its mapped roles
   * @param locale the language of the pages
   * @param now the moment of the launch (the session's expiry is set when it is opened)
   * @return where this accepted launch takes the user
   */
  public Landing resolve(LaunchContext launch, MappedRoles roles, Locale locale, Instant now) {
    String displayName = displayName(launch);
    if (launch.sub() == null) {
      return new Landing.Explained(Landing.Reason.ANONYMOUS, displayName);
    }
    if (roles.roles().isEmpty()) {
      return new Landing.Explained(Landing.Reason.NO_ROLE, displayName);
    }
    if (roles.testUser()) {
      return new Landing.Explained(Landing.Reason.TEST_USER_PREVIEW, displayName);
    }
    PlatformUser user = new PlatformUser(launch.issuer(), launch.clientId(), launch.sub());
    Optional<CourseContext> course =
        Optional.ofNullable(launch.contextId())
            .map(
                id ->
                    new CourseContext(
                        launch.issuer(), launch.clientId(), launch.deploymentId(), id));
    Optional<CohortId> cohortId = course.flatMap(directory::cohortOf);
    Set<Role> granted = roles.roles();

    if (granted.contains(Role.ADMIN)
        && roles.systemAdministrator()
        && configured.test(launch.issuer(), launch.clientId())) {
      String person = directory.personOf(user);
      return new Landing.Home(
          session(
              person,
              displayName,
              List.of(new Grant(Role.ADMIN, new Scope.Network())),
              null,
              null,
              locale,
              now));
    }
    if (course.isEmpty() || cohortId.isEmpty()) {
      Optional<SchoolId> school = schoolOf(launch);
      if (granted.contains(Role.ADMIN) && school.isPresent()) {
        String person = directory.personOf(user);
        return new Landing.Home(
            session(person, displayName, List.of(admin(school.get())), null, null, locale, now));
      }
      if (course.isEmpty()) {
        return new Landing.Explained(Landing.Reason.NO_COURSE, displayName);
      }
      if (granted.contains(Role.TRAINER) || granted.contains(Role.MANAGER)) {
        if (school.isEmpty()) {
          return new Landing.Explained(Landing.Reason.NO_SCHOOL, displayName);
        }
        String person = directory.personOf(user);
        Set<Role> linking = java.util.EnumSet.noneOf(Role.class);
        linking.addAll(granted);
        linking.retainAll(Set.of(Role.TRAINER, Role.MANAGER));
        return new Landing.LinkCourse(
            session(
                person,
                displayName,
                List.of(),
                null,
                new PendingLink(course.get(), school.get(), linking),
                locale,
                now));
      }
      return new Landing.Explained(Landing.Reason.COURSE_NOT_LINKED, displayName);
    }

    Cohort cohort = tremplin.cohorts().get(adapterActor(), cohortId.get());
    List<Grant> grants = new ArrayList<>();
    if (granted.contains(Role.MANAGER)) {
      grants.add(new Grant(Role.MANAGER, new Scope.OfSchool(cohort.school())));
    }
    if (granted.contains(Role.TRAINER)) {
      grants.add(new Grant(Role.TRAINER, new Scope.OfCohort(cohort.school(), cohort.id())));
    }
    if (granted.contains(Role.COACH)) {
      if (launch.roleScopeMentor().isEmpty()) {
        grants.add(new Grant(Role.COACH, new Scope.OfCohort(cohort.school(), cohort.id())));
      } else {
        for (LearnerId learner :
            directory.learnersOf(launch.issuer(), launch.clientId(), launch.roleScopeMentor())) {
          grants.add(new Grant(Role.COACH, new Scope.OfLearner(learner)));
        }
      }
    }
    if (granted.contains(Role.LEARNER)) {
      directory
          .learnerOf(user)
          .ifPresent(l -> grants.add(new Grant(Role.LEARNER, new Scope.OfLearner(l))));
    }
    if (granted.contains(Role.ADMIN)) {
      grants.add(admin(cohort.school()));
    }
    if (grants.isEmpty()) {
      return new Landing.Explained(
          granted.contains(Role.LEARNER) ? Landing.Reason.NOT_ON_ROSTER : Landing.Reason.NO_ROLE,
          displayName);
    }
    String person = directory.personOf(user);
    return new Landing.Home(session(person, displayName, grants, cohort.id(), null, locale, now));
  }

  /**
   * The school a platform serves: the one bound to it, else, for a configured platform, the only
   * school of the installation. A dynamically registered platform serves no school until an
   * operator binds it: anyone who can reach {@code /lti/register} can register a platform, and must
   * not thereby reach a school's cohorts.
   *
   * @param launch the launch
   * @return the school a platform serves: the one bound to it, else, for a configured platform, the
   *     only school of the installation
   */
  public Optional<SchoolId> schoolOf(LaunchContext launch) {
    Optional<SchoolId> bound = directory.schoolOf(launch.issuer(), launch.clientId());
    if (bound.isPresent() || !configured.test(launch.issuer(), launch.clientId())) {
      return bound;
    }
    List<School> schools = tremplin.schools().list();
    return schools.size() == 1 ? Optional.of(schools.get(0).id()) : Optional.empty();
  }

  /**
   * The grants a pending link gives once the course is linked to this cohort: TRAINER of the
   * cohort, MANAGER of its school.
   *
   * @param link the link
   * @param cohort the cohort
   * @return the grants a pending link gives once the course is linked to this cohort: TRAINER of
   *     the cohort, MANAGER of its school
   */
  public static List<Grant> grantsOnceLinked(PendingLink link, Cohort cohort) {
    List<Grant> grants = new ArrayList<>();
    if (link.roles().contains(Role.MANAGER)) {
      grants.add(new Grant(Role.MANAGER, new Scope.OfSchool(cohort.school())));
    }
    if (link.roles().contains(Role.TRAINER)) {
      grants.add(new Grant(Role.TRAINER, new Scope.OfCohort(cohort.school(), cohort.id())));
    }
    return grants;
  }

  /**
   * The actor the adapter reads and opens cohorts with when linking a course: an administrator of
   * that one school (programmes and cohort reads, no learner files), recorded under the person who
   * asked.
   *
   * @param personId the person id
   * @param school the school
   * @return the actor the adapter reads and opens cohorts with when linking a course: an
   *     administrator of that one school (programmes and cohort reads, no learner files), recorded
   *     under the person who asked
   */
  public static Actor linkingActor(String personId, SchoolId school) {
    return new Actor(personId, List.of(admin(school)));
  }

  /**
   * A cohort's facts (name, school, dates: no personal data), read on the adapter's own behalf.
   *
   * @param tremplin the engine
   * @param id the identifier
   * @return a cohort's facts (name, school, dates: no personal data), read on the adapter's own
   *     behalf
   */
  public static Cohort cohort(Tremplin tremplin, CohortId id) {
    return tremplin.cohorts().get(adapterActor(), id);
  }

  private static Actor adapterActor() {
    return Actor.of(ADAPTER_ACTOR_ID, Role.ADMIN, new Scope.Network());
  }

  private static Grant admin(SchoolId school) {
    return new Grant(Role.ADMIN, new Scope.OfSchool(school));
  }

  private static AppSession session(
      String person,
      String displayName,
      List<Grant> grants,
      @Nullable CohortId cohort,
      @Nullable PendingLink pending,
      Locale locale,
      Instant now) {
    return new AppSession(person, displayName, grants, cohort, pending, locale, now);
  }

  private static String displayName(LaunchContext launch) {
    if (launch.name() != null && !launch.name().isBlank()) {
      return launch.name().strip();
    }
    return "";
  }
}
