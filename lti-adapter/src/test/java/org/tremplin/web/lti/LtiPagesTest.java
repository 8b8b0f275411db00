package org.tremplin.web.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.web.page.PageAssertions.HOSTILE;
import static org.tremplin.web.page.PageAssertions.assertEscapesHostile;
import static org.tremplin.web.page.PageAssertions.assertIsALayoutPage;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.login.LoginError;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.RegistrationError;

/** The LTI and registration pages: in the layout, escaped, the close script under its nonce. */
class LtiPagesTest {
  @Test
  void aRefusedLaunchQuotesThePlatformsHostileDescriptionEscaped() {
    Response response = LtiPages.launchRefused(LaunchError.PLATFORM_ERROR, HOSTILE);

    String html = (String) response.getEntity();
    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    assertThat(html).contains("<code id=\"error-code\">PLATFORM_ERROR</code>");
    assertThat(response.getHeaderString("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("style-src 'self'")
        .doesNotContain("script-src");
  }

  @Test
  void aRefusedLoginIsALayoutPageWithItsCode() {
    String html = (String) LtiPages.loginRefused(LoginError.REGISTRATION_UNKNOWN).getEntity();

    assertIsALayoutPage(html, "fr");
    assertThat(html).contains("<code id=\"error-code\">REGISTRATION_UNKNOWN</code>");
  }

  @Test
  void aRefusedRegistrationShowsTheDetailEscaped() {
    String html =
        (String) RegisterPages.refused(RegistrationError.PLATFORM_REFUSED, HOSTILE).getEntity();

    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    assertThat(html).contains("<code id=\"error-detail\">").doesNotContain("<script");
  }

  @Test
  void theRegisteredPagesOnlyScriptCarriesTheNonceOfItsCsp() {
    PlatformRegistration registration =
        new PlatformRegistration(
            HOSTILE,
            "https://moodle.example.org",
            HOSTILE,
            URI.create("https://moodle.example.org/auth"),
            URI.create("https://moodle.example.org/token"),
            URI.create("https://moodle.example.org/jwks"),
            Set.of("1"),
            false);

    Response response = RegisterPages.registered(registration, false);

    String html = (String) response.getEntity();
    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    Matcher nonce =
        Pattern.compile("script-src 'nonce-([A-Za-z0-9_-]{16,})'")
            .matcher(response.getHeaderString("Content-Security-Policy"));
    assertThat(nonce.find()).isTrue();
    assertThat(html.split("<script", -1)).hasSize(2);
    assertThat(html)
        .contains(
            "<script nonce=\""
                + nonce.group(1)
                + "\">(window.opener || window.parent).postMessage({subject:"
                + " 'org.imsglobal.lti.close'}, '*');</script>");
    assertThat(response.getHeaderString("Content-Security-Policy")).contains("style-src 'self'");
    assertThat(html).doesNotContain("id=\"updated\"");
  }

  @Test
  void anUpdatedRegistrationSaysSoAndStillClosesTheDialog() {
    PlatformRegistration registration =
        new PlatformRegistration(
            "moodle",
            "https://moodle.example.org",
            "client-1",
            URI.create("https://moodle.example.org/auth"),
            URI.create("https://moodle.example.org/token"),
            URI.create("https://moodle.example.org/jwks"),
            Set.of("1"),
            false);

    String html = (String) RegisterPages.registered(registration, true).getEntity();

    assertIsALayoutPage(html, "fr");
    assertThat(html)
        .contains("<h1 id=\"updated\">Enregistrement mis à jour")
        .contains("Registration updated")
        .doesNotContain("Un administrateur doit encore l'activer")
        .contains("postMessage({subject: 'org.imsglobal.lti.close'}, '*')");
  }
}
