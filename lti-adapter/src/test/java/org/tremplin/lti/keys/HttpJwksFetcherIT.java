package org.tremplin.lti.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;

/**
 * {@link HttpJwksFetcher} against a real HTTP server on loopback: every way a platform keyset can
 * fail ends in a {@link KeysetUnavailableException} within the fetcher's deadline.
 */
class HttpJwksFetcherIT {
  private static final Duration DEADLINE = Duration.ofSeconds(1);

  private static SimulatedLms platform;
  private static byte[] jwks;
  private static CountDownLatch release = new CountDownLatch(1);

  private final HttpJwksFetcher fetcher = new HttpJwksFetcher(DEADLINE, DEADLINE, 64 * 1024);

  @BeforeAll
  static void startPlatform() {
    platform = new SimulatedLms("k1");
    jwks = new JWKSet(platform.key().toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    platform.serve("/error", exchange -> answer(exchange, 500, new byte[0]));
    platform.serve(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/jwks");
          answer(exchange, 302, new byte[0]);
        });
    platform.serve("/huge", exchange -> answer(exchange, 200, new byte[128 * 1024]));
    platform.serve(
        "/hang",
        exchange -> {
          await();
          answer(exchange, 200, jwks);
        });
    platform.serve(
        "/trickle",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks, 0, 10);
            out.flush();
            await();
          }
        });
  }

  @AfterEach
  void releaseHangingAnswers() {
    release.countDown();
    release = new CountDownLatch(1);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aKeysetIsFetchedAndParsed() throws Exception {
    assertThat(fetcher.fetch(url("/jwks")).getKeyByKeyId("k1")).isNotNull();
  }

  @Test
  void aKeysetAnswering500IsUnavailable() {
    assertThatThrownBy(() -> fetcher.fetch(url("/error")))
        .isInstanceOf(KeysetUnavailableException.class)
        .hasMessageContaining("500");
  }

  @Test
  void aRedirectIsNotFollowed() {
    assertThatThrownBy(() -> fetcher.fetch(url("/redirect")))
        .isInstanceOf(KeysetUnavailableException.class)
        .hasMessageContaining("302");
  }

  @Test
  void aKeysetLargerThanTheBoundIsUnavailable() {
    assertThatThrownBy(() -> fetcher.fetch(url("/huge")))
        .isInstanceOf(KeysetUnavailableException.class);
  }

  @Test
  void aRefusedConnectionIsUnavailable() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + Loopback.freePort() + "/jwks");

    assertThatThrownBy(() -> fetcher.fetch(nowhere)).isInstanceOf(KeysetUnavailableException.class);
  }

  @Test
  void aKeysetThatNeverAnswersIsUnavailableAtTheDeadline() {
    assertTimeoutPreemptively(
        DEADLINE.multipliedBy(4),
        () ->
            assertThatThrownBy(() -> fetcher.fetch(url("/hang")))
                .isInstanceOf(KeysetUnavailableException.class));
  }

  @Test
  void aKeysetThatTricklesItsBodyIsCutAtTheDeadline() {
    assertTimeoutPreemptively(
        DEADLINE.multipliedBy(4),
        () ->
            assertThatThrownBy(() -> fetcher.fetch(url("/trickle")))
                .isInstanceOf(KeysetUnavailableException.class));
  }

  @Test
  void theDefaultDeadlinesAreAtMostFiveSeconds() {
    assertThat(HttpJwksFetcher.DEFAULT_CONNECT_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(HttpJwksFetcher.DEFAULT_REQUEST_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  private static URI url(String path) {
    return URI.create(platform.url(path));
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void await() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
