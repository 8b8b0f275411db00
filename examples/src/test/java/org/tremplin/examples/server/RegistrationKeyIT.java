package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code tremplin.lti.registration-key} set, only registration URLs carrying it are served;
 * even then, the tool connects to no loopback or private address (not allowed here), and its page
 * does not tell a live server from a closed port.
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

  private HttpResponse<String> register(String openidConfiguration, String keyParameter)
      throws Exception {
    return platform
        .browser()
        .get(
            platform.base.resolve(
                "lti/register?openid_configuration="
                    + URLEncoder.encode(openidConfiguration, StandardCharsets.UTF_8)
                    + "&registration_token=t"
                    + keyParameter));
  }

  private HttpResponse<String> register(String keyParameter) throws Exception {
    // a platform that cannot be reached: a served registration then fails at the fetch, with 502
    return register("http://127.0.0.1:9/.well-known/openid-configuration", keyParameter);
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

  @Test
  void aLiveLoopbackServerIsNeverAskedAndLooksLikeAClosedPort() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer live =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    live.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    live.start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try {
      HttpResponse<String> toLive =
          register("http://127.0.0.1:" + live.getAddress().getPort() + "/c", "&key=s3cr3t-k3y");
      HttpResponse<String> toClosed =
          register("http://127.0.0.1:" + closedPort + "/c", "&key=s3cr3t-k3y");

      assertThat(requests).hasValue(0);
      assertThat(toLive.statusCode()).isEqualTo(502).isEqualTo(toClosed.statusCode());
      assertThat(toLive.body()).contains("PLATFORM_UNREACHABLE").isEqualTo(toClosed.body());
    } finally {
      live.stop(0);
    }
  }
}
