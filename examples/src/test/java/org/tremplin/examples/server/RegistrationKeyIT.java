package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code tremplin.lti.registration-key} set, only registration URLs carrying it are served.
 */
class RegistrationKeyIT {
  private static LtiTestPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform =
        new LtiTestPlatform(
            "registration-key-it", Map.of("tremplin.lti.registration-key", "s3cr3t-k3y"));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private HttpResponse<String> register(String keyParameter) throws Exception {
    // a platform that cannot be reached: a served registration then fails at the fetch, with 502
    return platform
        .browser()
        .get(
            platform.base.resolve(
                "lti/register?openid_configuration="
                    + "http%3A%2F%2F127.0.0.1%3A9%2F.well-known%2Fopenid-configuration"
                    + "&registration_token=t"
                    + keyParameter));
  }

  @Test
  void aRegistrationUrlWithoutTheKeyOrWithAnotherIsRefusedBeforeAnyFetch() throws Exception {
    for (String key : new String[] {"", "&key=wrong", "&key=s3cr3t-k3"}) {
      HttpResponse<String> response = register(key);

      assertThat(response.statusCode()).as(key).isEqualTo(403);
      assertThat(response.body()).contains("REGISTRATION_KEY_INVALID").doesNotContain("s3cr3t");
    }
  }

  @Test
  void aRegistrationUrlWithTheKeyIsServed() throws Exception {
    HttpResponse<String> response = register("&key=s3cr3t-k3y");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("PLATFORM_UNREACHABLE");
  }
}
