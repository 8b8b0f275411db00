package org.tremplin.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.flow.LaunchFlow;
import org.tremplin.lti.housekeeping.Housekeeping;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.identity.LtiDirectory;
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
import org.tremplin.web.app.AppPages;
import org.tremplin.web.app.AppResource;
import org.tremplin.web.config.TremplinConfig;
import org.tremplin.web.health.HealthResource;
import org.tremplin.web.lti.CanvasConfigResource;
import org.tremplin.web.lti.JwksResource;
import org.tremplin.web.lti.LaunchResource;
import org.tremplin.web.lti.LoginResource;
import org.tremplin.web.lti.LogoResource;
import org.tremplin.web.lti.RegisterResource;
import org.tremplin.web.lti.StorageScriptResource;
import org.tremplin.web.page.StylesheetResource;
import org.tremplin.web.roster.RosterResource;
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
 * the adapter's tables are migrated on construction, after core's (ADR 0005). Immutable and
 * thread-safe; the components are built once, here. The host starts the engine's event relay once
 * its consumers are registered ({@code tremplin().relay().start()}: alerts, grades) and stops it on
 * shutdown ({@code tremplin().close()}), as {@code TremplinServer} does.
 */
public final class TremplinFeature implements Feature {

  private final Tremplin tremplin;
  private final UnitOfWork database;
  private final JdbiRegistrations registrations;
  private final ToolDescription tool;
  private final OidcLogin login;
  private final LaunchValidator validator;
  private final JdbiToolKeys toolKeys;
  private final JdbiSessions sessions;
  private final Housekeeping housekeeping;
  private final FrameAncestors frameAncestors;
  private final LtiDirectory directory;
  private final ServiceTokens serviceTokens;
  private final JdbiServiceEndpoints serviceEndpoints;
  private final RosterSync rosterSync;
  private final URI baseUrl;
  private final Clock clock;
  private final org.tremplin.lti.registration.RegistrationPolicy registrationPolicy;
  private final java.util.List<org.tremplin.lti.registration.PlatformRegistration> configured;

  /** Reads the runtime's MicroProfile Config once; an unpooled data source, system clock. */
  public TremplinFeature() {
    this(TremplinConfig.from(ConfigProvider.getConfig()));
  }

  /**
   * With this configuration and an unpooled data source on {@code tremplin.datasource.*}: fine for
   * H2; a server on PostgreSQL should pass a pool to {@link #TremplinFeature(TremplinConfig,
   * DataSource)}.
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
   * over HTTP, system clock.
   */
  public TremplinFeature(TremplinConfig config, DataSource dataSource) {
    this(
        config,
        Tremplin.create(Objects.requireNonNull(dataSource, "dataSource"), Clock.systemUTC()));
  }

  /**
   * On the host's Tremplin (and its database); platform keysets fetched over HTTP, system clock.
   */
  public TremplinFeature(TremplinConfig config, Tremplin tremplin) {
    this(
        config,
        tremplin,
        new CachingPlatformKeys(new HttpJwksFetcher(), Clock.systemUTC()),
        Clock.systemUTC());
  }

  /**
   * Building the one {@link Tremplin} on this database with this clock, every collaborator given
   * (tests, benchmarks).
   */
  public TremplinFeature(
      TremplinConfig config, DataSource dataSource, PlatformKeys platformKeys, Clock clock) {
    this(
        config,
        Tremplin.create(
            Objects.requireNonNull(dataSource, "dataSource"),
            Objects.requireNonNull(clock, "clock")),
        platformKeys,
        clock);
  }

  /** On the host's Tremplin, every collaborator given (tests, benchmarks). */
  public TremplinFeature(
      TremplinConfig config, Tremplin tremplin, PlatformKeys platformKeys, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tremplin, "tremplin");
    Objects.requireNonNull(platformKeys, "platformKeys");
    Objects.requireNonNull(clock, "clock");
    this.tremplin = tremplin;
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
    // purges run on a schedule of their own, never inside a login or a launch (issue 10, item 4)
    this.housekeeping =
        new Housekeeping(
            List.of(
                new Housekeeping.Task("nonces", nonces::purgeExpired),
                new Housekeeping.Task("sessions", sessions::purgeExpired)),
            Housekeeping.DEFAULT_INTERVAL);
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
    this.baseUrl = config.baseUrl();
    this.clock = clock;
  }

  /**
   * The purges of expired nonces and sessions, on a schedule of their own: the host starts it with
   * the server ({@code start()}) and closes it on shutdown, as {@code TremplinServer} does; several
   * nodes may run it at once.
   */
  public Housekeeping housekeeping() {
    return housekeeping;
  }

  /** The links between platform users, courses and Tremplin (e.g. to seed a demo). */
  public LtiDirectory directory() {
    return directory;
  }

  /**
   * The OAuth 2 client-credentials tokens of the platform services (AGS, NRPS), signed with the
   * tool's keys and cached per registration and scope set: one per host, shared by every service
   * caller.
   */
  public ServiceTokens serviceTokens() {
    return serviceTokens;
  }

  /** The service endpoints (NRPS, AGS) each course's launches carried, as last seen. */
  public ServiceEndpoints serviceEndpoints() {
    return serviceEndpoints;
  }

  /**
   * The roster sync (NRPS): a linked course's cohort follows the course's memberships; also for a
   * trainer's page ({@code state}, {@code syncCohort}).
   */
  public RosterSync rosterSync() {
    return rosterSync;
  }

  /** The platform registrations (configured and dynamically registered). */
  public org.tremplin.lti.registration.Registrations registrations() {
    return registrations;
  }

  /**
   * The domain engine the feature runs on (the host's, or the one it built), e.g. to seed data or
   * to embed the library.
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
                                p -> p.issuer().equals(issuer) && p.clientId().equals(clientId))),
                sessions,
                serviceEndpoints,
                rosterSync,
                clock),
            baseUrl));
    context.register(new SessionFilter(sessions, AppPages::sessionMissing));
    context.register(
        new AppResource(
            sessions,
            directory,
            tremplin,
            baseUrl,
            course -> rosterSync.sync(course, RosterTrigger.LINKED)));
    context.register(new RosterResource(rosterSync, tremplin, baseUrl));
    context.register(new StorageScriptResource());
    context.register(new StylesheetResource());
    context.register(
        new RegisterResource(new DynamicRegistration(tool, registrations, registrationPolicy)));
    context.register(new CanvasConfigResource(tool));
    context.register(new LogoResource());
    context.register(new JwksResource(toolKeys));
    context.register(new HealthResource(database));
    return true;
  }
}
