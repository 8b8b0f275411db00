package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host rules and parsing of Dynamic Registration (LTI.md §7), without the network. */
class DynamicRegistrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PlatformConfiguration platform(
      String issuer, String auth, String token, String jwks, String registration) {
    return new PlatformConfiguration(
        issuer,
        URI.create(auth),
        URI.create(token),
        URI.create(jwks),
        URI.create(registration),
        "",
        List.of());
  }

  @Test
  void aMoodleWhoseEndpointsShareItsHostPasses() {
    String site = "https://moodle.example.org";
    assertThat(
            DynamicRegistration.checkHosts(
                URI.create(site + "/mod/lti/openid-configuration.php"),
                platform(
                    site,
                    site + "/mod/lti/auth.php",
                    site + "/mod/lti/token.php",
                    site + "/mod/lti/certs.php",
                    site + "/mod/lti/openid-registration.php")))
        .isEmpty();
  }

  @Test
  void hostedCanvasMayUseItsSharedIssuerAndSsoEndpoints() {
    String tenant = "https://ecole.instructure.com";
    assertThat(
            DynamicRegistration.checkHosts(
                URI.create(tenant + "/api/lti/security/openid-configuration"),
                platform(
                    "https://canvas.instructure.com",
                    "https://sso.canvaslms.com/api/lti/authorize_redirect",
                    "https://sso.canvaslms.com/login/oauth2/token",
                    "https://sso.canvaslms.com/api/lti/security/jwks",
                    tenant + "/api/lti/registrations")))
        .isEmpty();
  }

  @Test
  void hostedCanvasEndpointsOnAnyOtherHostAreRefused() {
    String tenant = "https://ecole.instructure.com";
    assertThat(
            DynamicRegistration.checkHosts(
                URI.create(tenant + "/api/lti/security/openid-configuration"),
                platform(
                    "https://canvas.instructure.com",
                    "https://sso.canvaslms.com/api/lti/authorize_redirect",
                    "https://sso.canvaslms.com/login/oauth2/token",
                    "https://keys.evil.example/jwks",
                    tenant + "/api/lti/registrations")))
        .get()
        .asString()
        .contains("jwks_uri");
    // the beta issuer does not open the production sso host
    assertThat(
            DynamicRegistration.checkHosts(
                URI.create(tenant + "/api/lti/security/openid-configuration"),
                platform(
                    "https://canvas.beta.instructure.com",
                    "https://sso.canvaslms.com/api/lti/authorize_redirect",
                    "https://sso.beta.canvaslms.com/login/oauth2/token",
                    "https://sso.beta.canvaslms.com/api/lti/security/jwks",
                    tenant + "/api/lti/registrations")))
        .get()
        .asString()
        .contains("authorization_endpoint");
  }

  @Test
  void theRegistrationEndpointMustBeOnTheConfigurationsSchemeHostAndPort() {
    String site = "https://moodle.example.org";
    for (String registration :
        List.of(
            "http://moodle.example.org/register",
            "https://moodle.example.org:8443/register",
            "https://moodle.example.org.evil.example/register")) {
      assertThat(
              DynamicRegistration.checkHosts(
                  URI.create(site + "/openid"),
                  platform(site, site + "/a", site + "/t", site + "/k", registration)))
          .get()
          .asString()
          .contains("registration_endpoint");
    }
  }

  @Test
  void messagesSupportedAreReadAsStringsOrAsObjects() throws Exception {
    String common =
        """
        "issuer": "https://lms.example.org",
        "authorization_endpoint": "https://lms.example.org/auth",
        "token_endpoint": "https://lms.example.org/token",
        "jwks_uri": "https://lms.example.org/jwks",
        "registration_endpoint": "https://lms.example.org/register",
        """;
    PlatformConfiguration strings =
        PlatformConfiguration.parse(
            JSON.readTree(
                "{"
                    + common
                    + "\"https://purl.imsglobal.org/spec/lti-platform-configuration\":"
                    + " {\"messages_supported\": [\"LtiResourceLinkRequest\"]}}"));
    PlatformConfiguration objects =
        PlatformConfiguration.parse(
            JSON.readTree(
                "{"
                    + common
                    + "\"https://purl.imsglobal.org/spec/lti-platform-configuration\":"
                    + " {\"product_family_code\": \"canvas\", \"messages_supported\":"
                    + " [{\"type\": \"LtiResourceLinkRequest\"}, {\"type\":"
                    + " \"LtiDeepLinkingRequest\", \"placements\": [\"x\"]}]}}"));

    assertThat(strings.messagesSupported()).containsExactly("LtiResourceLinkRequest");
    assertThat(strings.supports("LtiDeepLinkingRequest")).isFalse();
    assertThat(objects.messagesSupported())
        .containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
    assertThat(objects.supports("LtiDeepLinkingRequest")).isTrue();
    assertThat(objects.productFamilyCode()).isEqualTo("canvas");
  }

  @Test
  void theDomainCarriesThePortOnlyWhenTheBaseUrlHasOne() {
    assertThat(ToolDescription.tremplin(URI.create("https://t.example.org/x/")).domain())
        .isEqualTo("t.example.org");
    assertThat(ToolDescription.tremplin(URI.create("http://127.0.0.1:8080")).domain())
        .isEqualTo("127.0.0.1:8080");
    assertThat(ToolDescription.tremplin(URI.create("http://127.0.0.1:8080")).initiateLoginUri())
        .isEqualTo("http://127.0.0.1:8080/lti/login");
  }
}
