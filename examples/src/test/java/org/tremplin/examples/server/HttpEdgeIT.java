package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input and faults at the HTTP edge of the tool, over real HTTP on Grizzly. */
class HttpEdgeIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Far more than the body bound, and more than socket buffers hold. */
  private static final long ENDLESS_BYTES = 256L * 1024 * 1024;

  private static LtiTestPlatform platform;
  private static URI base;

  @BeforeAll
  static void startTool() throws Exception {
    platform = new LtiTestPlatform("http-edge-it");
    base = platform.base;
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
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

  @Test
  void aChunkedLaunchBodyAboveTheLimitIsRefusedWithoutReadingItAll() throws Exception {
    Endless response = postEndless(base.resolve("lti/launch"));

    assertThat(response.answer()).startsWith("HTTP/1.1 413").contains("REQUEST_TOO_LARGE");
    assertThat(response.answer().toLowerCase(Locale.ROOT)).contains("cache-control: no-store");
    assertThat(response.sent()).isLessThan(ENDLESS_BYTES);
  }

  @Test
  void aChunkedLoginBodyAboveTheLimitIsRefusedWithoutReadingItAll() throws Exception {
    Endless response = postEndless(base.resolve("lti/login"));

    assertThat(response.answer()).startsWith("HTTP/1.1 413").contains("REQUEST_TOO_LARGE");
    assertThat(response.sent()).isLessThan(ENDLESS_BYTES);
  }

  @Test
  void aDeclaredOversizedLoginBodyIsRefusedWith413() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("iss=" + "a".repeat(200 * 1024)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("REQUEST_TOO_LARGE");
  }

  @Test
  void aChunkedLaunchBodyUnderTheLimitIsStillRead() throws Exception {
    byte[] form = "id_token=a.b.c".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/launch"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("STATE_MISSING");
  }

  @Test
  void oversizedRequestHeadersAreRefusedWithA4xx() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("health"))
                .timeout(TIMEOUT)
                .header("X-Padding", "p".repeat(32 * 1024))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isBetween(400, 499);
  }

  @Test
  void aHugeQueryStringIsRefusedWith414Or400() throws Exception {
    HttpResponse<String> response =
        get(base.resolve("lti/login?iss=" + "q".repeat(64 * 1024)), "text/html");

    assertThat(response.statusCode()).isIn(400, 414);
  }

  @Test
  void aQueryStringUnderTheHeaderBoundStillReachesTheLogin() throws Exception {
    HttpResponse<String> response =
        get(base.resolve("lti/login?iss=" + "q".repeat(8 * 1024)), "text/html");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("LOGIN");
  }

  @Test
  void anUnknownAddressAnswersAShortHtmlPage() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/nowhere"), "text/html");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body())
        .contains("NOT_FOUND")
        .contains("Cette adresse n'existe pas.")
        .contains("This address does not exist.");
  }

  @Test
  void aClientAskingForJsonGetsProblemDetailsInItsLanguage() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/nowhere"))
                .timeout(TIMEOUT)
                .header("Accept", "application/problem+json, application/json;q=0.9")
                .header("Accept-Language", "en-GB, fr;q=0.5")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":404")
        .contains("\"code\":\"NOT_FOUND\"")
        .contains("This address does not exist.");
  }

  @Test
  void theWrongMethodAnswers405WithAllowAndAPage() throws Exception {
    HttpResponse<String> response = get(base.resolve("lti/launch"), "text/html");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).get().asString().contains("POST");
    assertThat(response.body()).contains("METHOD_NOT_ALLOWED");
  }

  @Test
  void aLaunchPostedAsTextAnswers415WithAPage() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("lti/launch"))
                .timeout(TIMEOUT)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("id_token=a.b.c"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("UNSUPPORTED_MEDIA_TYPE");
  }

  /**
   * Posts a chunked body of {@link #ENDLESS_BYTES} on a raw socket from another thread and reads
   * the answer meanwhile: only a server that stops reading early can answer before it is all sent.
   */
  private Endless postEndless(URI uri) throws Exception {
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + uri.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + uri.getAuthority()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      AtomicLong sent = new AtomicLong();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                byte[] head =
                    (Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                  out.write("9\r\nid_token=\r\n".getBytes(StandardCharsets.US_ASCII));
                  while (sent.get() < ENDLESS_BYTES) {
                    out.write(head);
                    out.write(chunk);
                    out.write(CRLF);
                    sent.addAndGet(chunk.length);
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheServer) {
                  // expected: the server answered and closed
                }
              });
      writer.setDaemon(true);
      writer.start();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Endless(answer, sent.get());
    }
  }

  private static final byte[] CRLF = {'\r', '\n'};

  /** What the server answered to the endless body, and how much of it had been sent. */
  private record Endless(String answer, long sent) {}

  private HttpResponse<String> get(URI uri, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
