package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * Requests only a raw socket can send (ambiguous framing, missing {@code Host}, oversized or
 * malformed heads, bodies cut short), written byte for byte on loopback against the real server,
 * and what the edge answers: one short error reply like every other, and a closed connection when
 * the framing cannot be trusted.
 */
class RawHttpEdgeIT {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ", Pattern.MULTILINE);

  /** The status of every response the JAX-RS layer produced, written or not. */
  private static final BlockingQueue<Integer> STATUSES = new LinkedBlockingQueue<>();

  private static TremplinServer server;
  private static URI base;

  /** Records the status of each response, even one the closed connection will never carry. */
  public static final class StatusRecorder implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      STATUSES.add(response.getStatus());
    }
  }

  @BeforeAll
  static void startTool() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> properties =
        Map.of(
            "tremplin.base-url",
            "http://127.0.0.1:" + port + "/",
            "tremplin.http.host",
            "127.0.0.1",
            "tremplin.http.port",
            String.valueOf(port),
            "tremplin.datasource.url",
            "jdbc:h2:mem:raw-http-edge-it;DB_CLOSE_DELAY=-1");
    TremplinConfig config =
        TremplinConfig.from(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    HikariDataSource pool = TremplinServer.pool(config.datasource());
    server =
        TremplinServer.start(config, pool, new TremplinFeature(config, pool), new StatusRecorder());
    base = server.uri();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> ambiguousFramings() {
    return Stream.of(
        Arguments.of("Content-Length first", "Content-Length: 5\r\nTransfer-Encoding: chunked"),
        Arguments.of("chunked first", "Transfer-Encoding: chunked\r\nContent-Length: 5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousFramings")
  void aRequestWithBothContentLengthAndChunkedIsRefusedAndTheSmuggledRequestGetsNoAnswer(
      String order, String framing) throws Exception {
    String smuggled = "GET /health HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n";
    String request =
        "POST /lti/launch HTTP/1.1\r\nHost: "
            + base.getAuthority()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + framing
            + "\r\n\r\n"
            + "0\r\n\r\n"
            + smuggled;

    Exchange exchange = exchange(request, false);

    assertThat(exchange.closedByServer()).as(exchange.raw()).isTrue();
    assertThat(exchange.statuses()).as(exchange.raw()).containsExactly(400);
    assertThat(exchange.raw()).doesNotContain("\"status\":\"UP\"");
    assertThat(exchange.header("connection")).isEqualToIgnoringCase("close");
    assertThat(exchange.body()).contains("BAD_REQUEST");
  }

  /**
   * Request heads the server refuses while reading them, as a request line and the headers after
   * the {@code Accept} ones (which come first, so that the server has read them when it refuses).
   */
  static Stream<Arguments> requestsTheServerRefusesBeforeRouting() {
    String host = "Host: 127.0.0.1\r\n";
    StringBuilder manyHeaders = new StringBuilder(host);
    for (int i = 0; i < 150; i++) {
      manyHeaders.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
    }
    return Stream.of(
        Arguments.of("too many headers", "GET /lti/login HTTP/1.1", manyHeaders.toString()),
        Arguments.of(
            "a header too long",
            "GET /lti/login HTTP/1.1",
            host + "X-Padding: " + "p".repeat(32 * 1024) + "\r\n"),
        Arguments.of("no Host", "GET /lti/login HTTP/1.1", ""),
        Arguments.of(
            "a bad Content-Length",
            "POST /lti/launch HTTP/1.1",
            host + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: abc\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsTheServerRefusesBeforeRouting")
  void theServersOwnRefusalsAnswerTheShortHtmlPage(String what, String line, String headers)
      throws Exception {
    Exchange exchange = exchange(line + "\r\nAccept: text/html\r\n" + headers + "\r\n", false);

    assertThat(exchange.statuses()).as(exchange.raw()).containsExactly(400);
    assertShortPage(exchange);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsTheServerRefusesBeforeRouting")
  void theServersOwnRefusalsAnswerProblemJsonToAJsonClient(String what, String line, String headers)
      throws Exception {
    Exchange exchange =
        exchange(
            line
                + "\r\nAccept: application/problem+json\r\nAccept-Language: en\r\n"
                + headers
                + "\r\n",
            false);

    assertThat(exchange.statuses()).as(exchange.raw()).containsExactly(400);
    assertThat(exchange.header("content-type")).startsWith("application/problem+json");
    assertThat(exchange.body())
        .contains("\"status\":400")
        .contains("\"code\":\"BAD_REQUEST\"")
        .contains("The request is incomplete or malformed.")
        .doesNotContain("incident");
    assertThat(exchange.closedByServer()).isTrue();
  }

  @Test
  void aHundredKibUrlAnswersTheShortHtmlPageSinceNoHeaderCouldBeRead() throws Exception {
    Exchange exchange =
        exchange(
            "GET /lti/login?iss="
                + "q".repeat(100 * 1024)
                + " HTTP/1.1\r\nAccept: application/json\r\nHost: 127.0.0.1\r\n\r\n",
            false);

    assertThat(exchange.statuses()).as(exchange.raw()).singleElement().matches(s -> s / 100 == 4);
    assertShortPage(exchange);
  }

  private static void assertShortPage(Exchange exchange) {
    assertThat(exchange.header("content-type")).as(exchange.raw()).startsWith("text/html");
    assertThat(exchange.header("cache-control")).isEqualTo("no-store");
    assertThat(exchange.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(exchange.body())
        .contains("<html")
        .contains("id=\"error-code\"")
        .doesNotContain("id=\"incident\"")
        .hasSizeLessThan(4096);
    assertThat(exchange.closedByServer()).isTrue();
  }

  @Test
  void aBodyCutShortIsTheClientsFaultNotAnIncident() throws Exception {
    String request =
        "POST /lti/launch HTTP/1.1\r\nHost: "
            + base.getAuthority()
            + "\r\nAccept: application/problem+json\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
            + "id_token=a.b.c&state=";

    STATUSES.clear();

    exchange(request, true);

    // The client closed its side: the answer may never reach it, but the server made one.
    assertThat(STATUSES.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(400);
    assertThat(STATUSES).isEmpty();
  }

  @Test
  void optionsOnTheLaunchAnswersTheMethodsItAllowsWithoutABody() throws Exception {
    Exchange exchange =
        exchange(
            "OPTIONS /lti/launch HTTP/1.1\r\nHost: "
                + base.getAuthority()
                + "\r\nAccept: */*\r\nConnection: close\r\n\r\n",
            false);

    assertThat(exchange.statuses()).as(exchange.raw()).containsExactly(204);
    assertThat(exchange.header("allow").replace(" ", "").split(","))
        .containsExactlyInAnyOrder("POST", "OPTIONS");
    assertThat(exchange.header("content-type")).isEmpty();
    assertThat(exchange.body()).isEmpty();
  }

  /**
   * Writes {@code request} on a new connection (then half-closes it if {@code cutShort}) and reads
   * until the server closes the connection or stays silent for a second after answering.
   */
  private static Exchange exchange(String request, boolean cutShort) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (cutShort) {
        socket.shutdownOutput();
      }
      var in = socket.getInputStream();
      var received = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean closed = false;
      try {
        while (true) {
          int n = in.read(buffer);
          if (n < 0) {
            closed = true;
            break;
          }
          received.write(buffer, 0, n);
          // Once something came, a silent second means the server keeps the connection open.
          socket.setSoTimeout(1_000);
        }
      } catch (SocketTimeoutException silent) {
        closed = false;
      } catch (IOException reset) {
        closed = true;
      }
      return new Exchange(received.toString(StandardCharsets.UTF_8), closed);
    }
  }

  /** What came back on one connection. */
  private record Exchange(String raw, boolean closedByServer) {
    java.util.List<Integer> statuses() {
      Matcher m = STATUS.matcher(raw);
      java.util.List<Integer> result = new java.util.ArrayList<>();
      while (m.find()) {
        result.add(Integer.parseInt(m.group(1)));
      }
      return result;
    }

    /** The headers of the first response, by lower-case name. */
    Map<String, String> headers() {
      Map<String, String> headers = new TreeMap<>();
      int end = raw.indexOf("\r\n\r\n");
      String head = end < 0 ? raw : raw.substring(0, end);
      head.lines()
          .skip(1)
          .forEach(
              line -> {
                int colon = line.indexOf(':');
                if (colon > 0) {
                  headers.put(
                      line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                      line.substring(colon + 1).strip());
                }
              });
      return headers;
    }

    String header(String name) {
      return headers().getOrDefault(name, "");
    }

    /** The body of the first response (by its Content-Length). */
    String body() {
      int end = raw.indexOf("\r\n\r\n");
      if (end < 0) {
        return "";
      }
      String rest = raw.substring(end + 4);
      String length = header("content-length");
      if (length.isEmpty()) {
        return rest;
      }
      int n = Integer.parseInt(length);
      byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
      return new String(bytes, 0, Math.min(n, bytes.length), StandardCharsets.UTF_8);
    }
  }
}
