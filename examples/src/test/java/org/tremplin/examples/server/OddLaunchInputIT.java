package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Valid but odd input a platform or a client may send (issue 10, item 3), over real HTTP: a huge
 * name, a name with a NUL and a bidirectional override, an id with a control character, a form in
 * an unknown charset. None of them answers 500.
 */
class OddLaunchInputIT {
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static LtiTestPlatform platform;

  @BeforeAll
  static void startTool() throws Exception {
    platform = new LtiTestPlatform("odd-launch-input-it");
    platform.linkCourse("course-odd", platform.seedCohort("Promo", "s-ada").cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aTenThousandCharacterNameLandsOnTheLearnersPage() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();

    HttpResponse<String> launch =
        browser.launch(
            "s-ada", "course-odd", List.of(LEARNER), Map.of("name", "Ada".repeat(3_334)));

    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    HttpResponse<String> home = browser.follow(launch);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("AdaAda").doesNotContain("Ada".repeat(100));
  }

  @Test
  void aNameWithANulAndARightToLeftOverrideLandsWithoutThem() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();

    HttpResponse<String> launch =
        browser.launch(
            "s-ada", "course-odd", List.of(LEARNER), Map.of("name", "Ada\u0000 \u202eLovelace"));

    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    HttpResponse<String> home = browser.follow(launch);
    assertThat(home.body()).contains("Ada Lovelace").doesNotContain("\u202e", "\u0000");
  }

  @Test
  void aCourseIdWithANulIsRefusedAsAnInvalidIdNotAStoreFailure() throws Exception {
    HttpResponse<String> launch =
        platform.browser().launch("s-ada", "course\u0000odd", List.of(LEARNER));

    assertThat(launch.statusCode()).isEqualTo(400);
    assertThat(launch.body()).contains("ID_INVALID");
  }

  @Test
  void aFormInAnUnknownCharsetIsRefusedWith415() throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(platform.base.resolve("lti/launch"))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=x-bogus")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("id_token=a.b.c&state=s"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("UNSUPPORTED_MEDIA_TYPE").doesNotContain("incident");
  }
}
