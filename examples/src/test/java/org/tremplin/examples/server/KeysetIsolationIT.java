package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.examples.server.LtiTestPlatform.Login;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.testing.TestKeys;

/**
 * Four platforms on one served tool (default keyset fetcher): {@code good} publishes its keyset,
 * {@code refused} points at a closed port, {@code failing} answers 500 and {@code hanging} never
 * answers. Launches from a platform whose keyset cannot be fetched get a clear 503 page; the others
 * keep launching, even while a fetch hangs.
 */
class KeysetIsolationIT {
  private static final List<String> PLATFORMS = List.of("good", "refused", "failing", "hanging");

  private static final Map<String, RSAKey> KEYS = new LinkedHashMap<>();
  private static final AtomicInteger HANGING_FETCHES = new AtomicInteger();
  private static final CountDownLatch HANGING_FETCH_STARTED = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static LtiTestPlatform platform;

  @BeforeAll
  static void startPlatformsAndTool() throws Exception {
    for (String name : PLATFORMS) {
      KEYS.put(name, TestKeys.rsa(name + "-key"));
    }
    int closedPort = Loopback.freePort();
    platform =
        new LtiTestPlatform(
            "keyset-isolation-it",
            lms -> {
              Map<String, String> properties = new LinkedHashMap<>();
              properties.put("tremplin.lti.platforms", String.join(",", PLATFORMS));
              for (String name : PLATFORMS) {
                properties.putAll(
                    LtiTestPlatform.platform(
                        name,
                        lms.issuer(),
                        name + "-client",
                        LtiTestPlatform.DEPLOYMENT,
                        name.equals("refused")
                            ? "http://127.0.0.1:" + closedPort + "/jwks"
                            : lms.url("/" + name + "/jwks")));
              }
              return properties;
            },
            Clock.systemUTC());
    platform.serve("/good/jwks", SimulatedLms.keyset(KEYS.get("good").toPublicJWK()));
    platform.serve("/failing/jwks", SimulatedLms.failing(500));
    platform.serve(
        "/hanging/jwks",
        exchange -> {
          HANGING_FETCHES.incrementAndGet();
          HANGING_FETCH_STARTED.countDown();
          try {
            RELEASE.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          SimulatedLms.failing(500).handle(exchange);
        });
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aPlatformWhoseKeysetCannotBeFetchedFailsAloneWithAClear503Page() throws Exception {
    for (String down : List.of("refused", "failing")) {
      HttpResponse<String> refused = launch(down);

      assertThat(refused.statusCode()).as(down).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/html");
      assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
      assertThat(refused.body())
          .contains("KEYSET_UNAVAILABLE")
          .contains("cannot be reached")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");

      assertThat(LaunchCorpusHttpIT.accepted(launch("good"))).as("good, after " + down).isTrue();
    }
  }

  @Test
  void aHangingKeysetHoldsUpNeitherOtherPlatformsNorMoreThanOneFetch() throws Exception {
    CompletableFuture<HttpResponse<String>> first = launchAsync("hanging");
    assertThat(HANGING_FETCH_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> second = launchAsync("hanging");

    HttpResponse<String> good = launch("good");

    assertThat(LaunchCorpusHttpIT.accepted(good)).as(good.body()).isTrue();
    assertThat(first).as("the hanging platform's launch is still waiting").isNotDone();
    assertThat(first.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(second.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(second.get().body()).contains("KEYSET_UNAVAILABLE");
    assertThat(HANGING_FETCHES).as("concurrent fetches coalesced").hasValue(1);
  }

  // --- the simulated browsers and platforms ---

  private HttpResponse<String> launch(String platformName) throws Exception {
    return launchAsync(platformName).get(30, TimeUnit.SECONDS);
  }

  /** Logs in on a browser of its own, then posts the launch without waiting for the answer. */
  private CompletableFuture<HttpResponse<String>> launchAsync(String platformName)
      throws Exception {
    String clientId = platformName + "-client";
    LtiTestPlatform.Browser browser = platform.browser();
    Login login =
        browser.login(
            Map.of(
                "iss",
                platform.issuer,
                "login_hint",
                "u1",
                "target_link_uri",
                platform.base + "app",
                "client_id",
                clientId));
    JWTClaimsSet claims =
        platform
            .baseClaims(login.nonce(), "user-" + platformName)
            .audience(clientId)
            .claim(LtiClaims.ROLES, List.of())
            .build();
    return browser.launchAsync(login, TestKeys.sign(claims, KEYS.get(platformName)));
  }
}
