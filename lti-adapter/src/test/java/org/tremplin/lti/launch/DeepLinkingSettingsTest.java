package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DeepLinkingSettings#parse}: the claim as Moodle and Canvas send it (LTI.md §4). */
class DeepLinkingSettingsTest {
  private static Map<String, Object> required() {
    Map<String, Object> claim = new HashMap<>();
    claim.put("deep_link_return_url", "https://moodle.example.org/mod/lti/contentitem_return.php");
    claim.put("accept_types", List.of("ltiResourceLink"));
    claim.put("accept_presentation_document_targets", List.of("frame", "iframe", "window"));
    return claim;
  }

  @Test
  void moodlesStringBooleansCommaMediaTypesAndFrameAreRead() {
    Map<String, Object> claim = required();
    claim.put("accept_multiple", "true");
    claim.put("accept_lineitem", "false");
    claim.put("auto_create", "0");
    claim.put("accept_media_types", "application/vnd.ims.lti.v1.ltilink, text/html");
    claim.put("frame", "iframe");
    claim.put("data", "");

    DeepLinkingSettings settings = DeepLinkingSettings.parse(claim);

    assertThat(settings.returnUrl())
        .isEqualTo(URI.create("https://moodle.example.org/mod/lti/contentitem_return.php"));
    assertThat(settings.acceptMultiple()).isTrue();
    assertThat(settings.acceptLineItem()).isFalse();
    assertThat(settings.autoCreate()).isFalse();
    assertThat(settings.acceptMediaTypes())
        .containsExactly("application/vnd.ims.lti.v1.ltilink", "text/html");
    assertThat(settings.data()).isEmpty();
    assertThat(settings.acceptsOurItems()).isTrue();
  }

  @Test
  void canvasJsonBooleansAndAbsentMembersTakeTheirDefaults() {
    Map<String, Object> claim = required();
    claim.put("accept_multiple", false);
    claim.put("accept_media_types", List.of("application/vnd.ims.lti.v1.ltilink"));

    DeepLinkingSettings settings = DeepLinkingSettings.parse(claim);

    assertThat(settings.acceptMultiple()).isFalse();
    assertThat(settings.acceptLineItem()).as("absent: line items sent").isTrue();
    assertThat(settings.autoCreate()).isFalse();
    assertThat(settings.data()).isNull();
    assertThat(settings.title()).isNull();
    assertThat(DeepLinkingSettings.parse(required()).acceptMultiple())
        .as("absent: one item")
        .isFalse();
  }

  @Test
  void onlyResourceLinksInAFrameOrWindowAreItemsOfOurs() {
    Map<String, Object> files = required();
    files.put("accept_types", List.of("file", "html", "link"));
    Map<String, Object> embed = required();
    embed.put("accept_presentation_document_targets", List.of("embed"));

    assertThat(DeepLinkingSettings.parse(files).acceptsOurItems()).isFalse();
    assertThat(DeepLinkingSettings.parse(embed).acceptsOurItems()).isFalse();
  }

  @Test
  void unusableSettingsAreRefusedNamingTheMember() {
    Object[][] cases = {
      {"deep_link_return_url", "ftp://moodle.example.org/x"},
      {"deep_link_return_url", "/relative"},
      {"deep_link_return_url", 42},
      {"accept_types", null},
      {"accept_types", 3},
      {"accept_types", List.of(1)},
      {"accept_presentation_document_targets", null},
      {"accept_multiple", "perhaps"},
      {"accept_lineitem", 2},
      {"data", Map.of("a", 1)},
      {"data", "d".repeat(DeepLinkingSettings.MAX_DATA_LENGTH + 1)},
    };
    for (Object[] c : cases) {
      Map<String, Object> claim = required();
      if (c[1] == null) {
        claim.remove((String) c[0]);
      } else {
        claim.put((String) c[0], c[1]);
      }
      assertThatThrownBy(() -> DeepLinkingSettings.parse(claim))
          .as(c[0] + " = " + c[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining((String) c[0]);
    }
  }
}
