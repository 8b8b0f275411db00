package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Canvas developer-key JSON (LTI.md §7). */
class CanvasDeveloperKeyTest {
  private static final String BASE = "https://tremplin.example.org/ecole/";

  private final JsonNode json =
      new ObjectMapper()
          .valueToTree(CanvasDeveloperKey.json(ToolDescription.tremplin(URI.create(BASE))));

  @Test
  void everyUrlDerivesFromTheBaseUrl() {
    assertThat(json.path("title").asText()).isEqualTo("Tremplin");
    assertThat(json.path("description").asText()).isNotBlank();
    assertThat(json.path("oidc_initiation_url").asText()).isEqualTo(BASE + "lti/login");
    assertThat(json.path("target_link_uri").asText()).isEqualTo(BASE + "lti/launch");
    assertThat(json.path("public_jwk_url").asText()).isEqualTo(BASE + "lti/jwks");
  }

  @Test
  void theScopesAreAgsAndNrps() {
    List<String> scopes = new ArrayList<>();
    json.path("scopes").forEach(s -> scopes.add(s.asText()));
    assertThat(scopes)
        .containsExactly(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
  }

  @Test
  void theExtensionSharesNamesAndOffersCourseNavigationAndDeepLinkingAssignmentSelection() {
    assertThat(json.path("extensions")).hasSize(1);
    JsonNode extension = json.path("extensions").get(0);
    assertThat(extension.path("platform").asText()).isEqualTo("canvas.instructure.com");
    assertThat(extension.path("privacy_level").asText()).isEqualTo("public");
    assertThat(extension.path("domain").asText()).isEqualTo("tremplin.example.org");
    JsonNode placements = extension.path("settings").path("placements");
    assertThat(placements).hasSize(2);
    assertThat(placements.get(0).path("placement").asText()).isEqualTo("course_navigation");
    assertThat(placements.get(0).path("message_type").asText()).isEqualTo("LtiResourceLinkRequest");
    assertThat(placements.get(1).path("placement").asText()).isEqualTo("assignment_selection");
    assertThat(placements.get(1).path("message_type").asText()).isEqualTo("LtiDeepLinkingRequest");
    placements.forEach(
        p -> assertThat(p.path("target_link_uri").asText()).isEqualTo(BASE + "lti/launch"));
  }
}
