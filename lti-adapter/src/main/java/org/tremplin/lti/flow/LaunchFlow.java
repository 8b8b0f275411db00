package org.tremplin.lti.flow;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.access.Role;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LaunchOutcome;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.roles.MappedRoles;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.services.ServiceEndpoints;
import org.tremplin.lti.session.Sessions;

/**
 * A launch from the platform's post to the page it lands on, in a fixed order: read the binding
 * back from platform storage when the cookie is missing (LTI.md §1.6), validate ({@link
 * LaunchValidator}), record a deployment id accepted under auto-deployments (§2.10), map the roles
 * with the registration the launch was validated against (no second lookup), resolve the Tremplin
 * identity ({@link LaunchIdentities}, §3), open the session. Framework-free: the adapter builds the
 * {@link LaunchRequest} and turns the {@link FlowOutcome} into its response. Thread-safe.
 */
public final class LaunchFlow {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchFlow.class);

  /**
   * Chooses the language of a launch's pages among those the adapter has pages in; the adapter
   * knows the browser's preferences.
   */
  @FunctionalInterface
  public interface Language {
    /**
     * The pages' language.
     *
     * @param presentationLocale the launch's {@code launch_presentation.locale} as sent, if any
     */
    Locale choose(@Nullable String presentationLocale);
  }

  private final LaunchValidator validator;
  private final Registrations registrations;
  private final RoleMapper defaultRoles;
  private final LaunchIdentities identities;
  private final Sessions sessions;
  private final ServiceEndpoints endpoints;
  private final CourseRosters rosters;
  private final Clock clock;

  /**
   * Over this validator, the registrations (where learnt deployment ids are recorded), the role
   * mapping of registrations that have none of their own, the identity mapping and the sessions.
   */
  public LaunchFlow(
      LaunchValidator validator,
      Registrations registrations,
      RoleMapper defaultRoles,
      LaunchIdentities identities,
      Sessions sessions,
      Clock clock) {
    this(
        validator,
        registrations,
        defaultRoles,
        identities,
        sessions,
        ServiceEndpoints.NONE,
        CourseRosters.NONE,
        clock);
  }

  /**
   * As above, remembering each launch's service endpoints (NRPS, AGS) in {@code endpoints} before
   * the identity is resolved, and following the course's roster ({@code rosters}): a trainer's
   * launch refreshes it when due; a learner missing from a linked course whose roster was never
   * read triggers the first read and lands on their page when it lists them, else is told why.
   */
  public LaunchFlow(
      LaunchValidator validator,
      Registrations registrations,
      RoleMapper defaultRoles,
      LaunchIdentities identities,
      Sessions sessions,
      ServiceEndpoints endpoints,
      CourseRosters rosters,
      Clock clock) {
    this.validator = validator;
    this.registrations = registrations;
    this.defaultRoles = defaultRoles;
    this.identities = identities;
    this.sessions = sessions;
    this.endpoints = endpoints;
    this.rosters = rosters;
    this.clock = clock;
  }

  /**
   * Where this launch post leads.
   *
   * @param request what the platform posted, with the browser's binding
   * @param language chooses the pages' language
   */
  public FlowOutcome run(LaunchRequest request, Language language) {
    Optional<StorageReadBack> readBack = validator.storageReadBack(request);
    if (readBack.isPresent()) {
      return new FlowOutcome.ReadBackFromStorage(readBack.get(), request);
    }
    LaunchOutcome outcome = validator.validate(request);
    if (outcome instanceof LaunchOutcome.Rejected rejected) {
      return new FlowOutcome.Refuse(rejected.error(), request.errorDescription());
    }
    LaunchOutcome.Accepted accepted = (LaunchOutcome.Accepted) outcome;
    LaunchContext launch = accepted.context();
    if (launch.deploymentAutoAccepted()) {
      registrations.recordDeployment(launch.issuer(), launch.clientId(), launch.deploymentId());
      LOG.debug(
          "LTI deployment learnt under auto-deployments ({})", accepted.registration().name());
    }
    endpoints.remember(launch);
    Locale locale = language.choose(launch.presentationLocale());
    MappedRoles roles = rolesOf(accepted.registration()).map(launch.roles());
    Landing landing = identities.resolve(launch, roles, locale, clock.instant());
    Optional<CourseContext> course = launch.course();
    if (course.isPresent() && launch.sub() != null && notOnRoster(landing)) {
      if (rosters.readForLearner(course.get())) {
        landing = identities.resolve(launch, roles, locale, clock.instant());
      }
      if (notOnRoster(landing)) {
        landing =
            new Landing.Explained(
                rosters.whyNotOnRoster(course.get(), launch.sub()),
                ((Landing.Explained) landing).displayName());
      }
    }
    if (course.isPresent()
        && landing instanceof Landing.Home home
        && home.session().roles().equals(Set.of(Role.LEARNER))
        && rosters.waiting(course.get(), Objects.requireNonNull(launch.sub()))) {
      // on the roster, but left out of the full cohort: no page of a cohort they are not in
      landing = new Landing.Explained(Landing.Reason.COHORT_FULL, home.session().displayName());
    }
    if (course.isPresent()
        && landing instanceof Landing.Home home
        && home.session().roles().contains(Role.TRAINER)) {
      rosters.trainerLaunched(course.get());
    }
    if (landing instanceof Landing.Explained explained) {
      LOG.debug("LTI launch explained: {}", explained.reason());
      return new FlowOutcome.Explain(explained, locale);
    }
    if (landing instanceof Landing.LinkCourse link) {
      return new FlowOutcome.Land(
          FlowOutcome.Page.LINK_COURSE, sessions.open(link.session()), sessions.timeToLive());
    }
    return new FlowOutcome.Land(
        FlowOutcome.Page.HOME,
        sessions.open(((Landing.Home) landing).session()),
        sessions.timeToLive());
  }

  private static boolean notOnRoster(Landing landing) {
    return landing instanceof Landing.Explained explained
        && explained.reason() == Landing.Reason.NOT_ON_ROSTER;
  }

  /** The registration's own role mapping when it has one, else the default. */
  private RoleMapper rolesOf(PlatformRegistration registration) {
    return registration.roleMapping().isEmpty()
        ? defaultRoles
        : RoleMapper.withOverrides(registration.roleMapping());
  }
}
