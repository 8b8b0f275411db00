package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/**
 * Dynamic Registration against fake platforms on loopback behaving like Moodle and Canvas, storing
 * in a real database (LTI.md §7).
 */
class DynamicRegistrationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolDescription TOOL =
      ToolDescription.tremplin(URI.create("https://tremplin.example.org:8443/ecole/"));
  private static final String TOKEN = "reg-token-123";

  /** The fake platforms live on loopback: this test allows it, on purpose. */
  private static final RegistrationPolicy LOOPBACK_ALLOWED =
      new RegistrationPolicy(Optional.empty(), List.of("127.0.0.1"), false, true);

  private final FakePlatform platform = start();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-06T08:00:00Z"));

  private static FakePlatform start() {
    try {
      return new FakePlatform();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private UnitOfWork database(TestDatabase db) {
    return LtiDatabase.open(db);
  }

  private DynamicRegistration registration(UnitOfWork database) {
    return new DynamicRegistration(
        TOOL,
        new JdbiRegistrations(database, List.of(), clock),
        LOOPBACK_ALLOWED,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        16 * 1024);
  }

  @AllDatabases
  void aMoodleLikePlatformGetsExactlyOurRegistrationAndItsDeploymentIsStored(TestDatabase db)
      throws Exception {
    platform
        .configuration(FakePlatform::moodle)
        .registrationAnswer(
            200,
            """
            {"client_id": "moodle-abc", "response_types": ["id_token"],
             "https://purl.imsglobal.org/spec/lti-tool-configuration": {
               "version": "1.3.0", "deployment_id": "7"}}
            """);
    UnitOfWork database = database(db);

    RegistrationOutcome outcome =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    List<FakePlatform.Received> received = platform.received();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).method()).isEqualTo("GET");
    assertThat(received.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(received.get(1).method()).isEqualTo("POST");
    assertThat(received.get(1).path()).isEqualTo("/register");
    assertThat(received.get(1).authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(JSON.readTree(received.get(1).body())).isEqualTo(JSON.readTree(expectedBody(true)));

    PlatformRegistration stored =
        new JdbiRegistrations(database, List.of(), clock)
            .find(platform.base(), "moodle-abc")
            .orElseThrow();
    assertThat(stored.deploymentIds()).containsExactly("7");
    assertThat(stored.autoDeployments()).isFalse();
    assertThat(stored.authUrl()).hasToString(platform.base() + "/mod/lti/auth.php");
    assertThat(stored.tokenUrl()).hasToString(platform.base() + "/mod/lti/token.php");
    assertThat(stored.jwksUrl()).hasToString(platform.base() + "/mod/lti/certs.php");
    assertThat(stored.accepts("8")).isFalse();
  }

  @AllDatabases
  void aCanvasLikePlatformWithoutDeploymentIdIsStoredWithAutoDeployments(TestDatabase db)
      throws Exception {
    platform
        .configuration(FakePlatform::canvas)
        .registrationAnswer(
            201,
            """
            {"client_id": 10000000000042,
             "https://purl.imsglobal.org/spec/lti-tool-configuration": {
               "domain": "tremplin.example.org:8443"}}
            """);
    UnitOfWork database = database(db);

    RegistrationOutcome outcome =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(JSON.readTree(platform.received().get(1).body()))
        .isEqualTo(JSON.readTree(expectedBody(true)));
    PlatformRegistration stored =
        new JdbiRegistrations(database, List.of(), clock)
            .find(platform.base(), "10000000000042")
            .orElseThrow();
    assertThat(stored.deploymentIds()).isEmpty();
    assertThat(stored.autoDeployments()).isTrue();
    assertThat(stored.name()).startsWith("canvas");
  }

  @Test
  void withoutATokenNoAuthorizationHeaderIsSent() {
    platform.configuration(FakePlatform::moodle).registrationAnswer(200, "{\"client_id\": \"c1\"}");

    RegistrationOutcome outcome =
        registration(database(TestDatabase.H2)).register(platform.openidConfigurationUrl(), null);

    assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(platform.received()).allSatisfy(r -> assertThat(r.authorization()).isNull());
  }

  @Test
  void aPlatformWithoutDeepLinkingGetsOnlyTheResourceLinkMessage() throws Exception {
    platform
        .configuration(
            base ->
                FakePlatform.moodle(base)
                    .replace(
                        "[\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"]",
                        "[\"LtiResourceLinkRequest\"]"))
        .registrationAnswer(200, "{\"client_id\": \"c1\"}");

    registration(database(TestDatabase.H2)).register(platform.openidConfigurationUrl(), TOKEN);

    assertThat(JSON.readTree(platform.received().get(1).body()))
        .isEqualTo(JSON.readTree(expectedBody(false)));
  }

  @Test
  void aMissingOpenidConfigurationIsRefusedWithoutAnyRequest() {
    assertRefused(
        registration(database(TestDatabase.H2)).register(null, TOKEN),
        RegistrationError.OPENID_CONFIGURATION_MISSING);
    assertRefused(
        registration(database(TestDatabase.H2)).register("  ", TOKEN),
        RegistrationError.OPENID_CONFIGURATION_MISSING);
    assertThat(platform.received()).isEmpty();
  }

  @Test
  void aMalformedOpenidConfigurationIsRefused() {
    DynamicRegistration registration = registration(database(TestDatabase.H2));
    for (String bad :
        List.of(
            "not a url",
            "/relative/openid-configuration",
            "ftp://127.0.0.1/openid-configuration",
            "http://user:pw@127.0.0.1/openid-configuration",
            "javascript:alert(1)")) {
      assertRefused(
          registration.register(bad, TOKEN), RegistrationError.OPENID_CONFIGURATION_MALFORMED);
    }
  }

  @Test
  void aTokenWithLineBreaksIsRefusedBeforeAnyRequest() {
    assertRefused(
        registration(database(TestDatabase.H2))
            .register(platform.openidConfigurationUrl(), "abc\r\nX-Evil: 1"),
        RegistrationError.REGISTRATION_TOKEN_MALFORMED);
    assertThat(platform.received()).isEmpty();
  }

  @Test
  void anUnreachablePlatformIsReported() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertRefused(
        registration(database(TestDatabase.H2))
            .register("http://127.0.0.1:" + closedPort + "/openid-configuration", TOKEN),
        RegistrationError.PLATFORM_UNREACHABLE);
  }

  @Test
  void aRedirectIsNotFollowed() {
    platform
        .configuration(FakePlatform::moodle)
        .configurationStatus(302)
        .registrationAnswer(200, "{\"client_id\": \"c1\"}");

    assertRefused(
        registration(database(TestDatabase.H2)).register(platform.openidConfigurationUrl(), TOKEN),
        RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(platform.received()).hasSize(1);
  }

  @Test
  void anOversizedOrIncompleteConfigurationIsUnreadableAndSaysNoMore() {
    DynamicRegistration registration = registration(database(TestDatabase.H2));
    platform.configuration(base -> FakePlatform.moodle(base) + " ".repeat(20_000));
    RegistrationOutcome oversized = registration.register(platform.openidConfigurationUrl(), TOKEN);
    assertRefused(oversized, RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(((RegistrationOutcome.Refused) oversized).detail())
        .isEqualTo("openid_configuration");

    platform.configuration(base -> FakePlatform.moodle(base).replace("\"jwks_uri\"", "\"x\""));
    RegistrationOutcome missing = registration.register(platform.openidConfigurationUrl(), TOKEN);
    assertRefused(missing, RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(((RegistrationOutcome.Refused) missing).detail()).isEqualTo("openid_configuration");

    platform.configuration(base -> "<html>");
    assertRefused(
        registration.register(platform.openidConfigurationUrl(), TOKEN),
        RegistrationError.PLATFORM_UNREACHABLE);
    assertThat(platform.received()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
  }

  @Test
  void endpointsOnAnotherHostAreRefusedAndNothingIsPosted() {
    DynamicRegistration registration = registration(database(TestDatabase.H2));
    // localhost is the same machine but another host name: never accepted as the same host
    for (String field : List.of("jwks_uri", "authorization_endpoint", "token_endpoint")) {
      platform.configuration(base -> moveToLocalhost(FakePlatform.moodle(base), field, base));
      RegistrationOutcome outcome = registration.register(platform.openidConfigurationUrl(), TOKEN);
      assertRefused(outcome, RegistrationError.HOST_MISMATCH);
      assertThat(((RegistrationOutcome.Refused) outcome).detail()).contains(field);
    }
    platform.configuration(
        base ->
            FakePlatform.moodle(base)
                .replace(
                    "\"registration_endpoint\": \"" + base,
                    "\"registration_endpoint\": \"https://evil.example"));
    assertRefused(
        registration.register(platform.openidConfigurationUrl(), TOKEN),
        RegistrationError.HOST_MISMATCH);
    platform.configuration(
        base ->
            FakePlatform.moodle(base)
                .replace("\"issuer\": \"" + base, "\"issuer\": \"https://other.example.org"));
    assertRefused(
        registration.register(platform.openidConfigurationUrl(), TOKEN),
        RegistrationError.HOST_MISMATCH);

    assertThat(platform.received()).noneMatch(r -> r.method().equals("POST"));
  }

  @AllDatabases
  void aPlatformRefusalIsReportedWithItsTextAndNothingIsStored(TestDatabase db) {
    platform
        .configuration(FakePlatform::canvas)
        .registrationAnswer(422, "{\"errors\": [\"Scopes are invalid\"]}");
    UnitOfWork database = database(db);

    RegistrationOutcome outcome =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);

    assertRefused(outcome, RegistrationError.PLATFORM_REFUSED);
    assertThat(((RegistrationOutcome.Refused) outcome).detail())
        .contains("422")
        .contains("Scopes are invalid");
    assertThat(rows(database, "tremplin_lti_registration")).isZero();
  }

  @Test
  void anAnswerWithoutAUsableClientIdIsARefusal() {
    UnitOfWork database = database(TestDatabase.H2);
    platform.configuration(FakePlatform::moodle);
    for (String answer :
        List.of(
            "{\"client_id\": \"\"}",
            "{\"client_id\": {\"a\": 1}}",
            "{\"client_id\": \"" + "c".repeat(501) + "\"}",
            "[]")) {
      platform.registrationAnswer(200, answer);

      assertRefused(
          registration(database).register(platform.openidConfigurationUrl(), TOKEN),
          RegistrationError.PLATFORM_REFUSED);
    }
    assertThat(rows(database, "tremplin_lti_registration")).isZero();
  }

  @AllDatabases
  void registeringAgainUnderAKnownClientIdUpdatesTheRegistrationAndKeepsItsDeployments(
      TestDatabase db) {
    platform
        .configuration(FakePlatform::moodle)
        .registrationAnswer(
            200,
            """
            {"client_id": "moodle-abc",
             "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "7"}}
            """);
    UnitOfWork database = database(db);
    RegistrationOutcome first =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);
    assertThat(first)
        .isEqualTo(
            new RegistrationOutcome.Registered(
                ((RegistrationOutcome.Registered) first).registration(), false));
    // Moodle's "Update": the same client id, a product name that changed, another deployment id
    platform.configuration(base -> FakePlatform.moodle(base).replace("\"moodle\"", "\"moodle-5\""));
    platform.registrationAnswer(
        200,
        """
        {"client_id": "moodle-abc",
         "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "8"}}
        """);

    RegistrationOutcome again =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);

    assertThat(again).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(((RegistrationOutcome.Registered) again).updated()).isTrue();
    assertThat(rows(database, "tremplin_lti_registration")).isEqualTo(1);
    PlatformRegistration stored =
        new JdbiRegistrations(database, List.of(), clock)
            .find(platform.base(), "moodle-abc")
            .orElseThrow();
    assertThat(stored.deploymentIds()).containsExactlyInAnyOrder("7", "8");
    assertThat(stored.autoDeployments()).isFalse();
    assertThat(stored.name()).startsWith("moodle-5");

    // the same answer once more changes nothing more
    assertThat(registration(database).register(platform.openidConfigurationUrl(), TOKEN))
        .isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(
            new JdbiRegistrations(database, List.of(), clock)
                .find(platform.base(), "moodle-abc")
                .orElseThrow()
                .deploymentIds())
        .containsExactlyInAnyOrder("7", "8");
  }

  @AllDatabases
  void aRefusalAsAnHtmlPageIsShortenedToItsStatusTitleAndText(TestDatabase db) {
    platform
        .configuration(FakePlatform::moodle)
        .registrationAnswer(
            400,
            "<!DOCTYPE html>\n<html><head><title>Erreur</title><style>body{color:red}</style>"
                + "<script>var secret = 1;</script></head><body>\n<div class=\"box\">"
                + "<p>Jeton d&#39;enregistrement invalide &amp; expir\u00e9</p>\n"
                + "<p>"
                + "bla ".repeat(500)
                + "</p></div></body></html>");
    UnitOfWork database = database(db);

    RegistrationOutcome outcome =
        registration(database).register(platform.openidConfigurationUrl(), TOKEN);

    assertRefused(outcome, RegistrationError.PLATFORM_REFUSED);
    String detail = ((RegistrationOutcome.Refused) outcome).detail();
    assertThat(detail)
        .startsWith("HTTP 400: Erreur — Jeton d'enregistrement invalide & expiré bla bla")
        .endsWith("…")
        .doesNotContain("<")
        .doesNotContain("secret")
        .doesNotContain("color")
        .hasSizeLessThanOrEqualTo(220);
    assertThat(rows(database, "tremplin_lti_registration")).isZero();
  }

  @Test
  void aConfiguredRegistrationWithTheSameKeyIsNotOverwritten() {
    platform.configuration(FakePlatform::moodle).registrationAnswer(200, "{\"client_id\": \"c1\"}");
    UnitOfWork database = database(TestDatabase.H2);
    PlatformRegistration configured =
        new PlatformRegistration(
            "configured",
            platform.base(),
            "c1",
            URI.create(platform.base() + "/auth"),
            URI.create(platform.base() + "/token"),
            URI.create(platform.base() + "/jwks"),
            Set.of("1"),
            false);
    DynamicRegistration registration =
        new DynamicRegistration(
            TOOL, new JdbiRegistrations(database, List.of(configured), clock), LOOPBACK_ALLOWED);

    assertRefused(
        registration.register(platform.openidConfigurationUrl(), TOKEN),
        RegistrationError.ALREADY_REGISTERED);
    assertThat(rows(database, "tremplin_lti_registration")).isZero();
  }

  private static String moveToLocalhost(String configuration, String field, String base) {
    return configuration.replace(
        "\"" + field + "\": \"" + base,
        "\"" + field + "\": \"" + base.replace("127.0.0.1", "localhost"));
  }

  private static void assertRefused(RegistrationOutcome outcome, RegistrationError error) {
    assertThat(outcome).isInstanceOf(RegistrationOutcome.Refused.class);
    assertThat(((RegistrationOutcome.Refused) outcome).error()).isEqualTo(error);
  }

  private static int rows(UnitOfWork database, String table) {
    return database.read(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  /** The exact registration request of LTI.md §7 for {@link #TOOL}. */
  private static String expectedBody(boolean deepLinking) {
    String deepLinkingMessage =
        deepLinking
            ? """
              , {"type": "LtiDeepLinkingRequest",
                 "target_link_uri": "https://tremplin.example.org:8443/ecole/lti/launch"}
              """
            : "";
    return """
        {"application_type": "web",
         "response_types": ["id_token"],
         "grant_types": ["implicit", "client_credentials"],
         "initiate_login_uri": "https://tremplin.example.org:8443/ecole/lti/login",
         "redirect_uris": ["https://tremplin.example.org:8443/ecole/lti/launch"],
         "jwks_uri": "https://tremplin.example.org:8443/ecole/lti/jwks",
         "client_name": "Tremplin",
         "logo_uri": "https://tremplin.example.org:8443/ecole/lti/logo.svg",
         "token_endpoint_auth_method": "private_key_jwt",
         "scope": "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
         "https://purl.imsglobal.org/spec/lti-tool-configuration": {
           "domain": "tremplin.example.org:8443",
           "target_link_uri": "https://tremplin.example.org:8443/ecole/lti/launch",
           "claims": ["iss", "sub", "name", "given_name", "family_name", "email"],
           "messages": [
             {"type": "LtiResourceLinkRequest",
              "target_link_uri": "https://tremplin.example.org:8443/ecole/lti/launch"}
             %s]}}
        """
        .formatted(deepLinkingMessage);
  }
}
