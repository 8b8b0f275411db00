package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.web.config.TremplinConfig;

/** Bad input and faults at the HTTP edge of the tool, over real HTTP on Grizzly. */
class HttpEdgeIT {
  private static TremplinServer tremplin;
  private static URI base;

  @BeforeAll
  static void startTool() throws Exception {
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("tremplin.base-url", base.toString());
    properties.put("tremplin.http.host", "127.0.0.1");
    properties.put("tremplin.http.port", String.valueOf(port));
    properties.put("tremplin.datasource.url", "jdbc:h2:mem:http-edge-it;DB_CLOSE_DELAY=-1");
    properties.put("tremplin.lti.platforms", "sim");
    properties.put("tremplin.lti.platform.sim.issuer", "https://sim.example.org");
    properties.put("tremplin.lti.platform.sim.client-id", "c");
    properties.put("tremplin.lti.platform.sim.deployment-ids", "d");
    properties.put("tremplin.lti.platform.sim.auth-url", "https://sim.example.org/auth");
    properties.put("tremplin.lti.platform.sim.token-url", "https://sim.example.org/token");
    properties.put("tremplin.lti.platform.sim.jwks-url", "https://sim.example.org/jwks");
    tremplin =
        TremplinServer.start(
            TremplinConfig.from(
                new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build()));
  }

  @AfterAll
  static void stop() {
    if (tremplin != null) {
      tremplin.close();
    }
  }

  @Test
  void aDefaultHttpClientPostToTheLaunchIsAnsweredPromptly() throws Exception {
    HttpClient defaults = HttpClient.newHttpClient();

    HttpResponse<String> response =
        defaults.send(
            HttpRequest.newBuilder(base.resolve("lti/launch"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id_token=a.b.c"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("STATE_MISSING");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
