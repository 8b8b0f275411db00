package org.tremplin.resteasy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.testing.Browser.location;

import com.nimbusds.jwt.JWTClaimsSet;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * Tremplin served by RESTEasy on Undertow instead of Jersey: the host's {@code Application} returns
 * {@link TremplinFeature#components()} (RESTEasy takes only providers from a {@code Feature}), and
 * a learner launches from a simulated platform through the whole OIDC round trip over real HTTP.
 */
class ResteasyLaunchIT {
  private static final String CLIENT_ID = "tremplin-client";
  private static final String DEPLOYMENT = "dep-1";
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static SimulatedLms lms;
  private static TremplinFeature feature;
  private static UndertowJaxrsServer server;
  private static URI base;

  /** The host's application: Tremplin's components, as RESTEasy registers resources. */
  public static final class HostApplication extends Application {
    private final Set<Object> singletons;

    HostApplication(TremplinFeature feature) {
      this.singletons = new LinkedHashSet<>(feature.components());
    }

    @Override
    @SuppressWarnings("deprecation") // getSingletons: how a runtime takes ready-made instances
    public Set<Object> getSingletons() {
      return singletons;
    }
  }

  @BeforeAll
  static void start() {
    lms = new SimulatedLms("resteasy-key-1");
    int port = Loopback.freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.lti.platforms", "lms");
    String prefix = "tremplin.lti.platform.lms.";
    properties.put(prefix + "issuer", lms.issuer());
    properties.put(prefix + "client-id", CLIENT_ID);
    properties.put(prefix + "deployment-ids", DEPLOYMENT);
    properties.put(prefix + "auth-url", lms.issuer() + "/auth");
    properties.put(prefix + "token-url", lms.issuer() + "/token");
    properties.put(prefix + "jwks-url", lms.url("/jwks"));
    TremplinConfig config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    DataSource database = Tremplin.dataSource("jdbc:h2:mem:resteasy-it;DB_CLOSE_DELAY=-1", "", "");
    feature = new TremplinFeature(config, database);

    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(new HostApplication(feature));
    server = new UndertowJaxrsServer().setHostname("127.0.0.1").setPort(port);
    server.deploy(
        server
            .undertowDeployment(deployment, "/")
            .setContextPath("/")
            .setDeploymentName("tremplin")
            .setClassLoader(ResteasyLaunchIT.class.getClassLoader()));
    server.start();
    feature.start();
    seed();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (feature != null) {
      feature.close();
    }
    if (lms != null) {
      lms.close();
    }
  }

  @Test
  void healthAndTheToolsKeysetAnswer() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> health = browser.get(base.resolve("health"));
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\"");
    HttpResponse<String> jwks = browser.get(base.resolve("lti/jwks"));
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.body()).contains("\"keys\"", "\"kty\":\"RSA\"");
  }

  @Test
  void aLearnerLaunchesThroughTheFullOidcRoundTrip() throws Exception {
    Browser browser = new Browser();
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", lms.issuer());
    login.put("login_hint", "ada");
    login.put("target_link_uri", base + "lti/launch");
    login.put("client_id", CLIENT_ID);
    login.put("lti_deployment_id", DEPLOYMENT);
    HttpResponse<String> redirect = browser.get(base.resolve("lti/login?" + Forms.form(login)));
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    Map<String, String> auth = Forms.query(URI.create(location(redirect)));

    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(lms.issuer())
            .audience(CLIENT_ID)
            .subject("ada")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", auth.get("nonce"))
            .claim("name", "Ada Lovelace")
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
            .claim(LtiClaims.TARGET_LINK_URI, base + "lti/launch")
            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
            .claim(LtiClaims.ROLES, List.of(LEARNER))
            .claim(LtiClaims.CONTEXT, Map.of("id", "ctx-1", "title", "DWWM"))
            .build();
    HttpResponse<String> launch =
        browser.post(
            base.resolve("lti/launch"),
            Map.of("id_token", lms.sign(claims), "state", auth.get("state")));

    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    assertThat(location(launch)).startsWith(base + "app/home?session=");
    HttpResponse<String> home = browser.follow(launch);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("data-role=\"LEARNER\"")
        .contains("Ada")
        .contains("Promo RESTEasy");
  }

  @Test
  void aLaunchPostedWithoutABodyIsRefusedWithAPageNeverA500() throws Exception {
    URI launch = base.resolve("lti/launch");
    HttpResponse<String> formWithoutBody =
        new Browser()
            .send(
                HttpRequest.newBuilder(launch)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()));
    // the refusal of a launch without state, as on Jersey
    assertThat(formWithoutBody.statusCode()).as(formWithoutBody.body()).isEqualTo(401);
    assertThat(formWithoutBody.body()).contains("STATE_MISSING");

    HttpResponse<String> nothing =
        new Browser()
            .send(HttpRequest.newBuilder(launch).POST(HttpRequest.BodyPublishers.noBody()));
    // RESTEasy matches no method without a Content-Type: the error page of a 415
    assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(415);
    assertThat(nothing.body()).contains("UNSUPPORTED_MEDIA_TYPE");
  }

  /** A school, a cohort linked to course ctx-1, and Ada its learner, known to the LMS as "ada". */
  private static void seed() {
    Tremplin core = feature.tremplin();
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École RESTEasy",
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo RESTEasy",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    Learner ada = core.learners().register(manager, school.id(), "Ada", "Lovelace");
    core.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    feature.directory().linkLearner(new PlatformUser(lms.issuer(), CLIENT_ID, "ada"), ada.id());
    feature
        .directory()
        .linkCourse(
            new CourseContext(lms.issuer(), CLIENT_ID, DEPLOYMENT, "ctx-1"), cohort.id(), "test");
  }
}
