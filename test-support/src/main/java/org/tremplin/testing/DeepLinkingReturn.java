package org.tremplin.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A platform's {@code deep_link_return_url} (LTI Deep Linking 2.0 §4.5) on a {@link SimulatedLms}:
 * takes the browser's form post, keeps the {@code JWT} field as posted (the test verifies it
 * against the tool's keyset) and answers 200, or 400 when the form holds no {@code JWT} or a
 * repeated one. Thread-safe.
 */
public final class DeepLinkingReturn {
  private final SimulatedLms lms;
  private final String path;
  private final List<String> received = new CopyOnWriteArrayList<>();

  /** Serves the return URL at {@code path} on this platform. */
  public DeepLinkingReturn(SimulatedLms lms, String path) {
    this.lms = lms;
    this.path = path;
    lms.serve(path, this::handle);
  }

  /** The return URL, on the platform's origin ({@code http://localhost:port/path}). */
  public String url() {
    return lms.issuer() + path;
  }

  /** Every {@code JWT} posted so far, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      SimulatedLms.respond(exchange, 405, "text/plain", new byte[0]);
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    List<String> tokens =
        java.util.Arrays.stream(body.split("&"))
            .filter(pair -> pair.startsWith("JWT="))
            .map(pair -> URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8))
            .toList();
    if (tokens.size() != 1) {
      SimulatedLms.respond(exchange, 400, "text/plain", "one JWT field".getBytes());
      return;
    }
    received.add(tokens.get(0));
    SimulatedLms.respond(
        exchange, 200, "text/html;charset=UTF-8", "<p>content items received</p>".getBytes());
  }
}
