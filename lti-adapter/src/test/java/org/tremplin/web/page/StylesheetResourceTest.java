package org.tremplin.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stylesheet: from the jar, small, long-cached under an address that changes with it. */
class StylesheetResourceTest {
  @Test
  void theStylesheetIsCssFromTheJarCachedForAYear() {
    Response response = new StylesheetResource().stylesheet();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getMediaType().toString()).startsWith("text/css");
    assertThat(response.getHeaderString("Cache-Control")).contains("max-age=31536000");
    String css = new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    assertThat(css).contains("main").contains(":focus-visible").contains("min-height: 44px");
    assertThat(css).doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face");
    assertThat(css.length()).isLessThan(20_000);
  }

  @Test
  void pagesLinkTheStylesheetWithAVersionFromItsContent() {
    assertThat(StylesheetResource.HREF).matches("assets/tremplin\\.css\\?v=[0-9a-f]{12}");
  }
}
