package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.launch.LtiClaims;

/** The language of launch pages: the user's language at the platform first, then the browser's. */
class LaunchLanguageIT {
  private static LtiTestPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("launch-language");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static HttpResponse<String> launch(String browserLanguage, Map<String, Object> extra)
      throws Exception {
    return platform
        .browser()
        .speaking(browserLanguage)
        .launch("s-lang", "course-unlinked", List.of(MEMBERSHIP + "#Learner"), extra);
  }

  @Test
  void aLearnerWhoChoseEnglishInTheLmsReadsEnglishInAFrenchBrowser() throws Exception {
    HttpResponse<String> page =
        launch("fr-FR,fr;q=0.9", Map.of(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en")));

    assertThat(page.body()).contains("lang=\"en\"").contains("Your trainer must open it first");
  }

  @Test
  void aLearnerWhoChoseFrenchInTheLmsReadsFrenchInAnEnglishBrowser() throws Exception {
    HttpResponse<String> page =
        launch("en-GB,en;q=0.8", Map.of(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "fr_ca")));

    assertThat(page.body()).contains("lang=\"fr\"").contains("Votre formateur·rice doit");
  }

  @Test
  void withoutAPlatformLanguageTheBrowsersDecides() throws Exception {
    HttpResponse<String> page = launch("en-GB,en;q=0.8", Map.of());

    assertThat(page.body()).contains("lang=\"en\"");
  }
}
