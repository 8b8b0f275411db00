package org.tremplin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.web.page.PageAssertions.HOSTILE;
import static org.tremplin.web.page.PageAssertions.assertEscapesHostile;
import static org.tremplin.web.page.PageAssertions.assertIsALayoutPage;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The error pages: in the layout (axe: landmark-one-main, region), detail escaped. */
class ErrorPagesTest {
  @Test
  void anErrorPageHasTheLayoutsMainViewportAndStylesheetAndEscapesItsDetail() {
    Response response =
        ErrorPages.html(
            new ErrorPages.Reply(400, "COHORT_INVALID", "kind.INVALID", HOSTILE, null), "../../");

    String html = (String) response.getEntity();
    assertIsALayoutPage(html, "fr");
    assertEscapesHostile(html);
    assertThat(html)
        .contains("href=\"../../assets/tremplin.css?v=")
        .contains("<code id=\"error-code\">COHORT_INVALID</code>")
        .doesNotContain("id=\"incident\"");
    assertThat(response.getHeaderString("Content-Security-Policy")).contains("style-src 'self'");
  }

  @Test
  void anUnexpectedFailureShowsItsIncidentNumber() {
    String html =
        (String)
            ErrorPages.html(
                    new ErrorPages.Reply(
                        500, "INTERNAL_ERROR", "error.INTERNAL_ERROR", null, "0123456789ab"))
                .getEntity();

    assertIsALayoutPage(html, "fr");
    assertThat(html).contains("<code id=\"incident\">0123456789ab</code>");
  }

  @Test
  void theStylesheetIsFoundFromAnyDepthOfTheRequestedPath() {
    assertThat(ErrorPages.root("")).isEmpty();
    assertThat(ErrorPages.root("health")).isEmpty();
    assertThat(ErrorPages.root("/lti/launch")).isEqualTo("../");
    assertThat(ErrorPages.root("app/link/new")).isEqualTo("../../");
    assertThat(ErrorPages.root("app/")).isEqualTo("../");
  }
}
