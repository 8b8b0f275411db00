package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration (no registration key, no allowed hosts), {@code /lti/register}
 * serves nothing and fetches nothing (docs/operations.md).
 */
class RegistrationClosedIT {
  private static LtiTestPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("registration-closed-it");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void byDefaultRegistrationIsClosedAndTheGivenUrlIsNeverFetched() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer target =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    target.start();
    try {
      String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/openid-configuration";
      HttpResponse<String> response =
          platform
              .browser()
              .get(
                  platform.base.resolve(
                      "lti/register?openid_configuration="
                          + URLEncoder.encode(url, StandardCharsets.UTF_8)
                          + "&registration_token=t"));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("REGISTRATION_CLOSED");
      assertThat(requests).hasValue(0);
    } finally {
      target.stop(0);
    }
  }
}
