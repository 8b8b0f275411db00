package org.tremplin.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An LMS platform's web server on loopback (the JDK's HttpServer), with an RSA key of its own whose
 * public half it serves at {@code /jwks}; tests add pages with {@link #serve} (a course page, a
 * keyset that fails or hangs, registration endpoints). Handlers run on threads of their own, so one
 * that hangs holds up no other. Thread-safe; close it to stop the server.
 */
public final class SimulatedLms implements AutoCloseable {
  static {
    // answer at once, as a real web server does (TCP_NODELAY): the JDK server otherwise leaves each
    // response waiting ~40 ms for a delayed ACK. Read once, when the JDK's server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final RSAKey key;
  private final String issuer;

  /** Starts a platform whose key has this id. */
  public SimulatedLms(String keyId) {
    key = TestKeys.rsa(keyId);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a server on loopback", e);
    }
    server.setExecutor(threads);
    server.createContext("/jwks", keyset(key.toPublicJWK()));
    server.start();
    issuer = "http://localhost:" + server.getAddress().getPort();
  }

  /** The key the platform signs with (its private half included). */
  public RSAKey key() {
    return key;
  }

  /** Its origin as a browser sees it, and its issuer: {@code http://localhost:port}. */
  public String issuer() {
    return issuer;
  }

  /** This path on the server, by its address: {@code http://127.0.0.1:port/path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Serves this handler at {@code path} and below. */
  public void serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** Signs these claims with this platform's key (RS256, its key id in the header). */
  public String sign(JWTClaimsSet claims) {
    return TestKeys.sign(claims, key);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** A handler answering a keyset of these (public) keys. */
  public static HttpHandler keyset(JWK... keys) {
    byte[] json = new JWKSet(List.of(keys)).toString(true).getBytes(StandardCharsets.UTF_8);
    return exchange -> respond(exchange, 200, "application/json", json);
  }

  /** A handler answering this status with no body, as a keyset endpoint that fails. */
  public static HttpHandler failing(int status) {
    return exchange -> {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    };
  }

  /** Answers this status and body (no body when it is empty). */
  public static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
