package org.tremplin.lti.flow;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Role;
import org.tremplin.lti.deeplinking.JdbiDeepLinkingRequests;
import org.tremplin.lti.deeplinking.PendingDeepLinking;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.DeepLinkingSettings;
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
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.PendingLink;
import org.tremplin.lti.session.Sessions;

/**
 * A launch from the platform's post to the page it lands on, in a fixed order: read the binding
 * back from platform storage when the cookie is missing (LTI.md §1.6), validate ({@link
 * LaunchValidator}), record a deployment id accepted under auto-deployments (§2.10), map the roles
 * with the registration the launch was validated against (no second lookup), resolve the Tremplin
 * identity ({@link LaunchIdentities}, §3), open the session and choose the page ({@link
 * LaunchTargets}); a trainer's deep linking request (§4) is stored for the picker. Framework-free:
 * the adapter builds the {@link LaunchRequest} and turns the {@link FlowOutcome} into its response.
 * Thread-safe.
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
     * @return the pages' language
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
  private final @Nullable JdbiDeepLinkingRequests deepLinking;

  /**
   * Over this validator, the registrations (where learnt deployment ids are recorded), the role
   * mapping of registrations that have none of their own, the identity mapping and the sessions.
   *
   * @param validator the validator
   * @param registrations the registrations
   * @param defaultRoles the default roles
   * @param identities the identities
   * @param sessions the sessions
   * @param clock the clock read for "now"
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
   *
   * @param validator the validator
   * @param registrations the registrations
   * @param defaultRoles the default roles
   * @param identities the identities
   * @param sessions the sessions
   * @param endpoints where each launch's service endpoints are remembered
   * @param rosters the courses' rosters (NRPS)
   * @param clock the clock read for "now"
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
    this(
        validator,
        registrations,
        defaultRoles,
        identities,
        sessions,
        endpoints,
        rosters,
        clock,
        null);
  }

  private LaunchFlow(
      LaunchValidator validator,
      Registrations registrations,
      RoleMapper defaultRoles,
      LaunchIdentities identities,
      Sessions sessions,
      ServiceEndpoints endpoints,
      CourseRosters rosters,
      Clock clock,
      @Nullable JdbiDeepLinkingRequests deepLinking) {
    this.validator = validator;
    this.registrations = registrations;
    this.defaultRoles = defaultRoles;
    this.identities = identities;
    this.sessions = sessions;
    this.endpoints = endpoints;
    this.rosters = rosters;
    this.clock = clock;
    this.deepLinking = deepLinking;
  }

  /**
   * The same flow, keeping trainers' deep linking requests in {@code requests} for the picker.
   * Without it, a deep linking request is explained away as if its user were no trainer.
   *
   * @param requests the requests
   * @return the same flow, keeping trainers' deep linking requests in {@code requests} for the
   *     picker
   */
  public LaunchFlow withDeepLinking(JdbiDeepLinkingRequests requests) {
    return new LaunchFlow(
        validator,
        registrations,
        defaultRoles,
        identities,
        sessions,
        endpoints,
        rosters,
        clock,
        requests);
  }

  /**
   * Where this launch post leads.
   *
   * @param request what the platform posted, with the browser's binding
   * @param language chooses the pages' language
   * @return where this launch post leads
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
    MappedRoles mapped = rolesOf(accepted.registration()).map(launch.roles());
    Landing landing = identities.resolve(launch, mapped, locale, clock.instant());
    DeepLinkingSettings deepLinking = accepted.deepLinking();
    if (deepLinking != null && !mapped.roles().contains(Role.TRAINER)) {
      return notTrainer(displayName(landing), locale); // whatever else they could see
    }
    Optional<CourseContext> course = launch.course();
    if (course.isPresent() && launch.sub() != null && notOnRoster(landing)) {
      if (rosters.readForLearner(course.get())) {
        landing = identities.resolve(launch, mapped, locale, clock.instant());
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
    if (deepLinking != null) {
      return pickContent(launch, deepLinking, landing, locale);
    }
    if (landing instanceof Landing.LinkCourse link) {
      return new FlowOutcome.Land(
          FlowOutcome.Page.LINK_COURSE, sessions.open(link.session()), sessions.timeToLive());
    }
    AppSession session = ((Landing.Home) landing).session();
    LaunchTargets.Target target =
        LaunchTargets.resolve(session.roles(), session.cohortId() != null, launch.custom());
    return new FlowOutcome.Land(
        target.page(), sessions.open(session), sessions.timeToLive(), target.item());
  }

  private static boolean notOnRoster(Landing landing) {
    return landing instanceof Landing.Explained explained
        && explained.reason() == Landing.Reason.NOT_ON_ROSTER;
  }

  /**
   * A deep linking request (LTI.md §4): only a trainer of the course's cohort may place activities;
   * a trainer of a course linked to no cohort links it first (then adds the activity again).
   */
  private FlowOutcome pickContent(
      LaunchContext launch, DeepLinkingSettings settings, Landing landing, Locale locale) {
    if (landing instanceof Landing.LinkCourse link) {
      PendingLink pending = Objects.requireNonNull(link.session().pendingLink());
      if (pending.roles().contains(Role.TRAINER)) {
        return new FlowOutcome.Land(
            FlowOutcome.Page.LINK_COURSE, sessions.open(link.session()), sessions.timeToLive());
      }
      return notTrainer(link.session().displayName(), locale);
    }
    AppSession session = ((Landing.Home) landing).session();
    CohortId cohort = session.cohortId();
    if (deepLinking == null || cohort == null || !session.roles().contains(Role.TRAINER)) {
      return notTrainer(session.displayName(), locale);
    }
    String request =
        deepLinking.save(
            new PendingDeepLinking(
                session.personId(),
                launch.issuer(),
                launch.clientId(),
                launch.deploymentId(),
                cohort,
                settings,
                session.locale(),
                clock.instant()));
    LOG.debug("LTI deep linking request stored");
    return new FlowOutcome.PickContent(sessions.open(session), sessions.timeToLive(), request);
  }

  private static FlowOutcome notTrainer(String displayName, Locale locale) {
    LOG.debug("LTI deep linking refused: not a trainer");
    return new FlowOutcome.Explain(
        new Landing.Explained(Landing.Reason.DEEP_LINKING_NOT_TRAINER, displayName), locale);
  }

  private static String displayName(Landing landing) {
    if (landing instanceof Landing.Explained explained) {
      return explained.displayName();
    }
    if (landing instanceof Landing.LinkCourse link) {
      return link.session().displayName();
    }
    return ((Landing.Home) landing).session().displayName();
  }

  /** The registration's own role mapping when it has one, else the default. */
  private RoleMapper rolesOf(PlatformRegistration registration) {
    return registration.roleMapping().isEmpty()
        ? defaultRoles
        : RoleMapper.withOverrides(registration.roleMapping());
  }
}
