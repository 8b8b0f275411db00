package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpHandler;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * A simulated LMS platform for HTTP tests: its keyset served on loopback, Tremplin started on a
 * free port with this platform configured as {@code lms} and an in-memory H2 database of its own,
 * and a browser (HTTP/1.1 client with a cookie jar) that logs in, signs id_tokens and launches.
 *
 * <p>Tests needing more add configuration (other platforms, see {@link #platform}), pages on the
 * platform's server ({@link #serve}, e.g. keysets that fail or hang), a clock, or reach the
 * database through {@link #database}; {@link SimulatedLms} alone simulates further platforms.
 */
final class LtiTestPlatform implements AutoCloseable {
  static final String CLIENT_ID = "tremplin-client";
  static final String DEPLOYMENT = "dep-1";
  static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

  /** The platform's web server: its keyset at {@code /jwks}, and what tests {@link #serve}. */
  final SimulatedLms lms;

  /** The platform's issuer: its web server's origin, {@code http://localhost:port}. */
  final String issuer;

  /** The configuration Tremplin was started with. */
  final TremplinConfig config;

  /** The pool on Tremplin's database (closed with the server). */
  final HikariDataSource database;

  final TremplinServer tremplin;

  /** Where Tremplin listens: {@code http://127.0.0.1:port/}. */
  final URI base;

  LtiTestPlatform(String databaseName) throws Exception {
    this(databaseName, Map.of());
  }

  /** With these configuration keys added (or replaced). */
  LtiTestPlatform(String databaseName, Map<String, String> extraProperties) throws Exception {
    this(databaseName, lms -> extraProperties, Clock.systemUTC());
  }

  /**
   * With configuration keys added (or replaced) that may name this platform's web server (e.g. more
   * platforms whose keysets it serves: {@link SimulatedLms#url}), and the clock Tremplin reads for
   * every decision.
   */
  LtiTestPlatform(
      String databaseName, Function<SimulatedLms, Map<String, String>> extraProperties, Clock clock)
      throws Exception {
    lms = new SimulatedLms("test-key-1");
    issuer = lms.issuer();
    int port = Loopback.freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "lms");
    properties.putAll(platform("lms", issuer, CLIENT_ID, DEPLOYMENT, lms.url("/jwks")));
    // this platform's own role mapping: its content developers are school managers
    properties.put("tremplin.lti.platform.lms.role-mapping", "ContentDeveloper=MANAGER");
    properties.putAll(extraProperties.apply(lms));
    config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    database = TremplinServer.pool(config.datasource());
    try {
      tremplin =
          TremplinServer.start(
              config,
              database,
              new TremplinFeature(
                  config, database, new CachingPlatformKeys(new HttpJwksFetcher(), clock), clock));
    } catch (RuntimeException e) {
      database.close();
      lms.close();
      throw e;
    }
  }

  /**
   * The configuration of a platform {@code name} (to be listed in {@code tremplin.lti.platforms}):
   * its issuer, client id, deployment ids (comma-separated) and keyset; its authorisation and token
   * endpoints at {@code /auth} and {@code /token} under the issuer.
   */
  static Map<String, String> platform(
      String name, String issuer, String clientId, String deploymentIds, String jwksUrl) {
    String prefix = "tremplin.lti.platform." + name + ".";
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix + "issuer", issuer);
    properties.put(prefix + "client-id", clientId);
    properties.put(prefix + "deployment-ids", deploymentIds);
    properties.put(prefix + "auth-url", issuer + "/auth");
    properties.put(prefix + "token-url", issuer + "/token");
    properties.put(prefix + "jwks-url", jwksUrl);
    return properties;
  }

  /** A new browser: its own cookie jar. */
  Browser browser() {
    return new Browser();
  }

  /** Serves this handler at {@code path} on the platform's web server (e.g. a course page). */
  void serve(String path, HttpHandler handler) {
    lms.serve(path, handler);
  }

  /** Signs these claims with the platform's key, as its id_tokens are. */
  String sign(JWTClaimsSet claims) {
    return lms.sign(claims);
  }

  /** The parameters of a login at {@code /lti/login} for user {@code sub}: change them at will. */
  Map<String, String> loginParameters(String sub) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", issuer);
    parameters.put("login_hint", sub);
    parameters.put("target_link_uri", base + "lti/launch");
    parameters.put("client_id", CLIENT_ID);
    parameters.put("lti_deployment_id", DEPLOYMENT);
    return parameters;
  }

  /** {@code /lti/login} with these query parameters. */
  URI loginUri(Map<String, String> parameters) {
    return base.resolve("lti/login?" + Forms.form(parameters));
  }

  /**
   * The claims every resource link launch of this platform carries, for user {@code sub}: issuer,
   * audience (our client id), subject, issued now and valid 5 minutes, nonce, LTI version, message
   * type, deployment, target link and resource link.
   */
  JWTClaimsSet.Builder baseClaims(String nonce, String sub) {
    return launchClaims(issuer, CLIENT_ID, DEPLOYMENT, base, nonce, sub);
  }

  /**
   * The claims of a resource link launch from platform {@code issuer} to the tool at {@code tool}
   * for user {@code sub}: issued now and valid 5 minutes, resource link {@code rl-1}.
   */
  static JWTClaimsSet.Builder launchClaims(
      String issuer, String clientId, String deployment, URI tool, String nonce, String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(clientId)
        .subject(sub)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
        .claim(LtiClaims.DEPLOYMENT_ID, deployment)
        .claim(LtiClaims.TARGET_LINK_URI, tool + "lti/launch")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"));
  }

  /** The id_token claims of a resource link launch from course {@code contextId}. */
  JWTClaimsSet.Builder claims(String nonce, String sub, String contextId, List<String> roles) {
    return baseClaims(nonce, sub)
        .claim("name", "User " + sub)
        .claim(LtiClaims.ROLES, roles)
        .claim(LtiClaims.CONTEXT, Map.of("id", contextId, "title", "DWWM"));
  }

  /** What {@link #seedCohort} made. */
  record Seeded(School school, Actor manager, Cohort cohort) {}

  /**
   * A school, a cohort named {@code cohortName} in it (from the {@code ecole-du-web} template, 12
   * places), and Ada Lovelace its learner, known to this platform as {@code learnerSub}.
   */
  Seeded seedCohort(String cohortName, String learnerSub) {
    Tremplin core = tremplin.feature().tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École de test",
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    cohortName,
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Learner ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    core.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    tremplin
        .feature()
        .directory()
        .linkLearner(new PlatformUser(issuer, CLIENT_ID, learnerSub), ada.id());
    return new Seeded(school, manager, cohort);
  }

  /** Links this platform's course {@code contextId} (deployment {@code dep-1}) to the cohort. */
  void linkCourse(String contextId, Cohort cohort) {
    tremplin
        .feature()
        .directory()
        .linkCourse(
            new CourseContext(issuer, CLIENT_ID, DEPLOYMENT, contextId), cohort.id(), "test");
  }

  @Override
  public void close() {
    try {
      tremplin.close();
    } finally {
      lms.close();
    }
  }

  /** A login as the platform was asked for it: its state and nonce, and the tool's answer. */
  record Login(String state, String nonce, HttpResponse<String> response) {}

  /**
   * A browser (the shared one: a cookie jar, no redirect followed by itself) that also logs in
   * through Tremplin's {@code /lti/login} and launches at {@code /lti/launch} as this platform's
   * user.
   */
  final class Browser extends org.tremplin.testing.Browser {
    @Override
    public Browser speaking(String acceptLanguage) {
      super.speaking(acceptLanguage);
      return this;
    }

    @Override
    public Browser refusingCookies() {
      super.refusingCookies();
      return this;
    }

    /**
     * The fields a browser posts with the form whose {@code action} ends with {@code action} on the
     * page at {@code page} (fetched now): its hidden fields (session token, CSRF value, submission
     * id), then {@code fields}.
     */
    Map<String, String> formOn(URI page, String action, Map<String, String> fields)
        throws Exception {
      HttpResponse<String> response = get(page);
      Map<String, String> form = new LinkedHashMap<>(Forms.hiddenFields(response.body(), action));
      form.putAll(fields);
      return form;
    }

    /** Logs in through /lti/login and launches with an id_token built from these claims. */
    HttpResponse<String> launch(String sub, String contextId, List<String> roles) throws Exception {
      return launch(sub, contextId, roles, Map.of());
    }

    /** The same, with extra claims. */
    HttpResponse<String> launch(
        String sub, String contextId, List<String> roles, Map<String, Object> extra)
        throws Exception {
      Login login = login(loginParameters(sub));
      JWTClaimsSet.Builder claims = claims(login.nonce(), sub, contextId, roles);
      extra.forEach(claims::claim);
      return launch(login, sign(claims.build()));
    }

    /** A login at /lti/login with these parameters, which must redirect to the platform. */
    Login login(Map<String, String> parameters) throws Exception {
      HttpResponse<String> response = get(loginUri(parameters));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
      Map<String, String> query = Forms.query(URI.create(location(response)));
      return new Login(query.get("state"), query.get("nonce"), response);
    }

    /** Posts this id_token with the login's state to /lti/launch. */
    HttpResponse<String> launch(Login login, String idToken) throws Exception {
      return post(base.resolve("lti/launch"), Map.of("id_token", idToken, "state", login.state()));
    }

    /** The same without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> launchAsync(Login login, String idToken) {
      return postAsync(
          base.resolve("lti/launch"), Map.of("id_token", idToken, "state", login.state()));
    }
  }
}
