package org.tremplin.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.deeplinking.DeepLinkingResponses;
import org.tremplin.lti.deeplinking.JdbiDeepLinkingRequests;
import org.tremplin.lti.flow.LaunchFlow;
import org.tremplin.lti.grades.AgsClient;
import org.tremplin.lti.grades.GradeDeliveries;
import org.tremplin.lti.grades.GradePublisher;
import org.tremplin.lti.grades.Gradebooks;
import org.tremplin.lti.grades.JdbiGradeDeliveries;
import org.tremplin.lti.grades.LinkedCourseGradebooks;
import org.tremplin.lti.grades.LmsGrades;
import org.tremplin.lti.housekeeping.Housekeeping;
import org.tremplin.lti.housekeeping.RetentionRound;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.SchoolPlatforms;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.launch.JdbiNonces;
import org.tremplin.lti.launch.LaunchSettings;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.login.OidcLogin;
import org.tremplin.lti.login.SignedLoginStates;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.DynamicRegistration;
import org.tremplin.lti.registration.JdbiRegistrations;
import org.tremplin.lti.registration.ToolDescription;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.roster.MembershipReader;
import org.tremplin.lti.roster.RosterSync;
import org.tremplin.lti.roster.RosterTrigger;
import org.tremplin.lti.services.JdbiServiceEndpoints;
import org.tremplin.lti.services.ServiceEndpoints;
import org.tremplin.lti.services.ServiceTokens;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.web.admin.AdminResource;
import org.tremplin.web.api.ApiComponents;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.app.AppResource;
import org.tremplin.web.attendance.AttendanceResource;
import org.tremplin.web.coach.CaseloadResource;
import org.tremplin.web.coach.LearnerFileResource;
import org.tremplin.web.cohort.CohortResource;
import org.tremplin.web.config.TremplinConfig;
import org.tremplin.web.deeplinking.AutoPostScriptResource;
import org.tremplin.web.deeplinking.DeepLinkingResource;
import org.tremplin.web.deeplinking.ItemResource;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuardFilter;
import org.tremplin.web.form.WebSchema;
import org.tremplin.web.health.HealthResource;
import org.tremplin.web.lti.CanvasConfigResource;
import org.tremplin.web.lti.JwksResource;
import org.tremplin.web.lti.LaunchResource;
import org.tremplin.web.lti.LoginResource;
import org.tremplin.web.lti.LogoResource;
import org.tremplin.web.lti.RegisterResource;
import org.tremplin.web.lti.StorageScriptResource;
import org.tremplin.web.page.ScriptResource;
import org.tremplin.web.page.StylesheetResource;
import org.tremplin.web.path.PathResource;
import org.tremplin.web.project.ProjectResource;
import org.tremplin.web.roster.RosterResource;
import org.tremplin.web.school.SchoolResource;
import org.tremplin.web.session.SessionFilter;

/**
 * Registers every Tremplin endpoint in a JAX-RS application, so a host adds one line: {@code
 * register(new TremplinFeature(TremplinConfig.from(config), tremplin))} with the host's own {@link
 * Tremplin}, {@code register(new TremplinFeature(TremplinConfig.from(config), dataSource))} to let
 * the feature build it, or {@code register(TremplinFeature.class)} to read the runtime's
 * MicroProfile Config (including {@code tremplin.datasource.*}). One {@code Tremplin} per host: the
 * adapter's stores run on its unit of work, so a launch's writes and core's calls share one
 * transaction boundary. Everything that must survive a restart or be shared by several nodes behind
 * a load balancer (login states, nonces, tool keys, sessions, identities) lives in the database;
 * the adapter's tables are migrated on construction, after core's (ADR 0005), once per engine.
 * Thread-safe; the components are built once, here.
 *
 * <p>Lifecycle (docs/embedding.md): the host calls {@link #start()} once its server listens and its
 * event consumers are registered (it starts the purges of expired nonces and sessions and the
 * engine's event relay: alerts, grades), and {@link #close()} on shutdown, which stops what {@code
 * start()} started and closes the engine when the feature built it. The data source stays the
 * host's to close.
 *
 * <p>Jersey registers resources from a {@code Feature}; a runtime that takes only providers from a
 * {@code Feature} (RESTEasy) gets every resource and provider from {@link #components()}, e.g. in
 * its {@code Application.getSingletons()}.
 */
public final class TremplinFeature implements Feature, AutoCloseable {
  /**
   * The name of the housekeeping task that applies the retention rule ({@link
   * TremplinConfig.PrivacyConfig}), as {@link Housekeeping#runOnce()} reports it.
   */
  public static final String RETENTION_TASK = "coaching notes retention";

  private final Tremplin tremplin;
  private final UnitOfWork database;
  private final JdbiRegistrations registrations;
  private final ToolDescription tool;
  private final OidcLogin login;
  private final LaunchValidator validator;
  private final JdbiToolKeys toolKeys;
  private final JdbiSessions sessions;
  private final JdbiDeepLinkingRequests deepLinking;
  private final Housekeeping housekeeping;
  private final FrameAncestors frameAncestors;
  private final LtiDirectory directory;
  private final ServiceTokens serviceTokens;
  private final JdbiServiceEndpoints serviceEndpoints;
  private final JdbiGradeDeliveries gradeDeliveries;
  private final Gradebooks gradebooks;
  private final LmsGrades lmsGrades;
  private final RosterSync rosterSync;
  private final URI baseUrl;
  private final Clock clock;
  private final org.tremplin.lti.registration.RegistrationPolicy registrationPolicy;
  private final java.util.List<org.tremplin.lti.registration.PlatformRegistration> configured;
  private final FormGuard forms;
  private final int apiRateLimit;
  private final boolean ownsEngine;
  private final Object lifecycle = new Object();
  private boolean relayStartedHere; // guarded by lifecycle
  private boolean closed; // guarded by lifecycle
  private @Nullable List<Object> components; // guarded by lifecycle; built on first use

  /** Reads the runtime's MicroProfile Config once; an unpooled data source, system clock. */
  public TremplinFeature() {
    this(TremplinConfig.from(ConfigProvider.getConfig()));
  }

  /**
   * With this configuration and an unpooled data source on {@code tremplin.datasource.*}: fine for
   * H2; a server on PostgreSQL should pass a pool to {@link #TremplinFeature(TremplinConfig,
   * DataSource)}.
   *
   * @param config the configuration
   */
  public TremplinFeature(TremplinConfig config) {
    this(
        config,
        Tremplin.dataSource(
            config.datasource().url(),
            config.datasource().username(),
            config.datasource().password()));
  }

  /**
   * On this database, building the one {@link Tremplin} of the host on it; platform keysets fetched
   * over HTTP, system clock in the schools' zone ({@link TremplinConfig#clock()}).
   *
   * @param config the configuration
   * @param dataSource the database
   */
  public TremplinFeature(TremplinConfig config, DataSource dataSource) {
    this(
        config,
        Tremplin.create(Objects.requireNonNull(dataSource, "dataSource"), config.clock()),
        new CachingPlatformKeys(new HttpJwksFetcher(), config.clock()),
        config.clock(),
        true);
  }

  /**
   * On the host's Tremplin (and its database); platform keysets fetched over HTTP; the pages read
   * the engine's clock ({@link Tremplin#clock()}), so both agree on "today": give the engine a
   * clock in the schools' zone ({@link TremplinConfig#clock()}), not {@code Clock.systemUTC()}.
   *
   * @param config the configuration
   * @param tremplin the engine
   */
  public TremplinFeature(TremplinConfig config, Tremplin tremplin) {
    this(
        config,
        tremplin,
        new CachingPlatformKeys(new HttpJwksFetcher(), tremplin.clock()),
        tremplin.clock());
  }

  /**
   * Building the one {@link Tremplin} on this database with this clock, every collaborator given
   * (tests, benchmarks).
   *
   * @param config the configuration
   * @param dataSource the database
   * @param platformKeys the platform keys
   * @param clock the clock read for "now"
   */
  public TremplinFeature(
      TremplinConfig config, DataSource dataSource, PlatformKeys platformKeys, Clock clock) {
    this(
        config,
        Tremplin.create(
            Objects.requireNonNull(dataSource, "dataSource"),
            Objects.requireNonNull(clock, "clock")),
        platformKeys,
        clock,
        true);
  }

  /**
   * On the host's Tremplin, every collaborator given (tests, benchmarks).
   *
   * @param config the configuration
   * @param tremplin the engine
   * @param platformKeys the platform keys
   * @param clock the clock read for "now"
   */
  public TremplinFeature(
      TremplinConfig config, Tremplin tremplin, PlatformKeys platformKeys, Clock clock) {
    this(config, tremplin, platformKeys, clock, false);
  }

  private TremplinFeature(
      TremplinConfig config,
      Tremplin tremplin,
      PlatformKeys platformKeys,
      Clock clock,
      boolean ownsEngine) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tremplin, "tremplin");
    Objects.requireNonNull(platformKeys, "platformKeys");
    Objects.requireNonNull(clock, "clock");
    this.tremplin = tremplin;
    // the web pages' personal data first: it finds a learner's persons by the LMS accounts that
    // LtiSchema's own section erases (h28)
    WebSchema.install(tremplin);
    this.database = LtiSchema.install(tremplin);
    // Configured platforms plus those stored by Dynamic Registration; configuration wins.
    this.registrations = new JdbiRegistrations(database, config.platforms(), clock);
    this.tool = ToolDescription.tremplin(config.baseUrl());
    this.configured = config.platforms();
    this.registrationPolicy = config.registration();
    ToolUrls urls = config.toolUrls();
    this.toolKeys = new JdbiToolKeys(database, clock);
    JdbiNonces nonces = new JdbiNonces(database, clock);
    // nothing is written at login: the state carries itself, signed (issue 10, item 7)
    SignedLoginStates loginStates =
        new SignedLoginStates(registrations, toolKeys, nonces::isUsed, clock);
    this.login = new OidcLogin(registrations, loginStates, urls, clock);
    this.validator =
        new LaunchValidator(
            loginStates,
            platformKeys,
            nonces,
            urls,
            LaunchSettings.defaults().withClockSkew(config.clockSkew()),
            clock);
    this.sessions = new JdbiSessions(database, clock);
    this.deepLinking = new JdbiDeepLinkingRequests(database, clock);
    this.forms = new FormGuard(toolKeys, WebSchema.install(tremplin), clock);
    // purges run on a schedule of their own, never inside a login or a launch (issue 10, item 4)
    List<Housekeeping.Task> tasks =
        new java.util.ArrayList<>(
            List.of(
                new Housekeeping.Task("nonces", nonces::purgeExpired),
                new Housekeeping.Task("sessions", sessions::purgeExpired),
                new Housekeeping.Task("deep linking requests", deepLinking::purgeExpired),
                new Housekeeping.Task("form submissions", forms::purgeExpired)));
    if (config.privacy().purgeCoachingNotes()) {
      // the retention rule, once a day per node (ADR 0025)
      RetentionRound retention =
          new RetentionRound(
              tremplin.schools(), tremplin.privacy(), config.privacy().retention(), clock);
      tasks.add(new Housekeeping.Task(RETENTION_TASK, retention::runIfDue));
    }
    this.housekeeping = new Housekeeping(tasks, Housekeeping.DEFAULT_INTERVAL);
    this.frameAncestors = new FrameAncestors(registrations::all, config.frameAncestors(), clock);
    this.directory = new LtiDirectory(database, clock);
    this.serviceTokens = new ServiceTokens(toolKeys, ServiceTokens.defaultClient(), clock);
    this.serviceEndpoints = new JdbiServiceEndpoints(database, clock);
    this.rosterSync =
        new RosterSync(
            tremplin,
            directory,
            registrations,
            serviceEndpoints,
            new MembershipReader(serviceTokens),
            new RoleMapper(),
            clock);
    // grades to the LMS gradebook through the outbox (issue 11, item 3); the host starts the relay
    this.gradeDeliveries = new JdbiGradeDeliveries(database);
    this.gradebooks = new LinkedCourseGradebooks(database, serviceEndpoints, registrations);
    AgsClient ags = new AgsClient(serviceTokens, clock);
    tremplin.relay().register(new GradePublisher(gradeDeliveries, gradebooks, ags, clock));
    this.lmsGrades = new LmsGrades(tremplin, gradeDeliveries, gradebooks, ags, clock);
    this.baseUrl = config.baseUrl();
    this.apiRateLimit = config.apiRateLimit();
    this.clock = clock;
    this.ownsEngine = ownsEngine;
  }

  /**
   * Starts what runs in the background while the host serves: the purges of expired nonces and
   * sessions and, once a day, the retention rule ({@link #housekeeping()}), and, unless it already
   * runs, the engine's event relay. Call it once the server listens and the host's event consumers
   * are registered on {@code tremplin().relay()}; a second call does nothing. Several nodes may run
   * both at once.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("the Tremplin feature was closed");
      }
      housekeeping.start();
      if (!tremplin.relay().isRunning()) {
        tremplin.relay().start();
        relayStartedHere = true;
      }
    }
  }

  /**
   * Stops what {@link #start()} started (the purges; the event relay if it started it) and, when
   * this feature built the engine itself (the constructors taking a {@link DataSource}), closes the
   * engine. A host's own {@link Tremplin} stays the host's to close, and the data source too.
   * Undelivered events wait in the database. A second call does nothing.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      housekeeping.close();
    } finally {
      if (ownsEngine) {
        tremplin.close();
      } else if (relayStartedHere) {
        tremplin.relay().close();
      }
    }
  }

  /**
   * Every resource and provider instance the feature registers, built once, for a runtime that
   * registers resources only from its {@code Application} (e.g. RESTEasy: {@code getSingletons()}
   * returns them). Registering the feature itself on such a runtime serves none of Tremplin's
   * endpoints.
   *
   * @return every resource and provider instance the feature registers, built once, for a runtime
   *     that registers resources only from its {@code Application} (e.g
   */
  public List<Object> components() {
    synchronized (lifecycle) {
      if (components == null) {
        ComponentRecorder recorder = new ComponentRecorder();
        configure(recorder);
        components = List.copyOf(recorder.components);
      }
      return components;
    }
  }

  /**
   * The purges of expired nonces, sessions, deep-linking requests and form submissions, and the
   * daily retention rule ({@link #RETENTION_TASK}, unless {@code
   * tremplin.privacy.purge-coaching-notes=false}), on a schedule of their own: the host starts it
   * with the server ({@code start()}) and closes it on shutdown, as {@code TremplinServer} does;
   * several nodes may run it at once.
   *
   * @return the background purges
   */
  public Housekeeping housekeeping() {
    return housekeeping;
  }

  /**
   * The links between platform users, courses and Tremplin (e.g. to seed a demo).
   *
   * @return the links between platform users, courses and Tremplin (e.g
   */
  public LtiDirectory directory() {
    return directory;
  }

  /**
   * The OAuth 2 client-credentials tokens of the platform services (AGS, NRPS), signed with the
   * tool's keys and cached per registration and scope set: one per host, shared by every service
   * caller.
   *
   * @return the OAuth 2 client-credentials tokens of the platform services (AGS, NRPS), signed with
   *     the tool's keys and cached per registration and scope set: one per host, shared by every
   *     service caller
   */
  public ServiceTokens serviceTokens() {
    return serviceTokens;
  }

  /**
   * The service endpoints (NRPS, AGS) each course's launches carried, as last seen.
   *
   * @return the service endpoints (NRPS, AGS) each course's launches carried, as last seen
   */
  public ServiceEndpoints serviceEndpoints() {
    return serviceEndpoints;
  }

  /**
   * What became of the scores sent to the LMS gradebooks (refusals for the trainer's page).
   *
   * @return what became of the scores sent to the LMS gradebooks (refusals for the trainer's page)
   */
  public GradeDeliveries gradeDeliveries() {
    return gradeDeliveries;
  }

  /**
   * Reads LMS grades back as evidence, on demand (the trainer's page).
   *
   * @return the lms grades
   */
  public LmsGrades lmsGrades() {
    return lmsGrades;
  }

  /**
   * The roster sync (NRPS): a linked course's cohort follows the course's memberships; also for a
   * trainer's page ({@code state}, {@code syncCohort}).
   *
   * @return the roster sync (NRPS): a linked course's cohort follows the course's memberships; also
   *     for a trainer's page ({@code state}, {@code syncCohort})
   */
  public RosterSync rosterSync() {
    return rosterSync;
  }

  /**
   * The platform registrations (configured and dynamically registered).
   *
   * @return the platform registrations (configured and dynamically registered)
   */
  public org.tremplin.lti.registration.Registrations registrations() {
    return registrations;
  }

  /**
   * The domain engine the feature runs on (the host's, or the one it built), e.g. to seed data or
   * to embed the library.
   *
   * @return the domain engine the feature runs on (the host's, or the one it built), e.g
   */
  public Tremplin tremplin() {
    return tremplin;
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new RequestSizeLimit(RequestSizeLimit.DEFAULT_MAX_BYTES));
    context.register(new RequestCharset());
    context.register(frameAncestors);
    context.register(new ErrorMapper());
    context.register(new OptionsReply());
    context.register(new LoginResource(login));
    context.register(
        new LaunchResource(
            new LaunchFlow(
                    validator,
                    registrations,
                    new RoleMapper(),
                    new LaunchIdentities(
                        directory,
                        tremplin,
                        (issuer, clientId) ->
                            configured.stream()
                                .anyMatch(
                                    p ->
                                        p.issuer().equals(issuer)
                                            && p.clientId().equals(clientId))),
                    sessions,
                    serviceEndpoints,
                    rosterSync,
                    clock)
                .withDeepLinking(deepLinking),
            baseUrl));
    context.register(new SecurityHeaders());
    context.register(new SessionFilter(sessions, AppPages::sessionMissing));
    context.register(
        new DeepLinkingResource(
            deepLinking,
            new DeepLinkingResponses(toolKeys, baseUrl.resolve(TremplinConfig.LAUNCH_PATH), clock),
            tremplin,
            forms,
            (cohort, resourceIds) ->
                gradebooks
                    .of(cohort)
                    .ifPresent(
                        g ->
                            gradeDeliveries.placed(
                                g.lineItems(),
                                resourceIds,
                                clock.instant(),
                                clock.instant().plus(GradePublisher.PLACED_WAIT)))));
    context.register(new ItemResource(tremplin, baseUrl));
    context.register(new AutoPostScriptResource());
    // after the SessionFilter (priority USER): every session POST carries the CSRF value (ADR 0010)
    context.register(new AttendanceResource(tremplin, forms, clock, baseUrl));
    context.register(new FormGuardFilter(forms));
    context.register(
        new AppResource(
            sessions,
            directory,
            tremplin,
            forms,
            baseUrl,
            clock,
            course -> rosterSync.sync(course, RosterTrigger.LINKED)));
    context.register(new PathResource(tremplin, clock));
    context.register(new CaseloadResource(tremplin, clock));
    context.register(new LearnerFileResource(tremplin, forms, clock, baseUrl));
    context.register(
        new CohortResource(tremplin, forms, clock, baseUrl, gradeDeliveries, lmsGrades));
    context.register(new ProjectResource(tremplin, forms, clock, baseUrl));
    context.register(
        new AdminResource(
            new SchoolPlatforms(
                registrations,
                (issuer, clientId) ->
                    configured.stream()
                        .anyMatch(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)),
                directory,
                tremplin.schools()),
            tremplin,
            forms,
            clock,
            baseUrl));
    context.register(new RosterResource(rosterSync, tremplin, baseUrl, forms));
    context.register(new SchoolResource(tremplin, forms, clock, baseUrl));
    context.register(new StorageScriptResource());
    context.register(new StylesheetResource());
    context.register(new ScriptResource());
    context.register(
        new RegisterResource(new DynamicRegistration(tool, registrations, registrationPolicy)));
    context.register(new CanvasConfigResource(tool));
    context.register(new LogoResource());
    context.register(new JwksResource(toolKeys));
    context.register(new HealthResource(database));
    // the REST API, /api/v1 (ADR 0012)
    ApiComponents.of(tremplin, apiRateLimit, baseUrl, clock).forEach(context::register);
    return true;
  }
}
