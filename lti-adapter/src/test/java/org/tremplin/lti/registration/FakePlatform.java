package org.tremplin.lti.registration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A platform's Dynamic Registration endpoints on loopback (JDK HttpServer): {@code
 * /openid-configuration} answers the configuration built by a function of the platform's own base
 * URL, {@code /register} answers a fixed status and body; every request is recorded.
 */
final class FakePlatform implements AutoCloseable {
  /** One request received. */
  record Received(String method, String path, @Nullable String authorization, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<String, String> configuration = base -> "{}";
  private volatile int configurationStatus = 200;
  private volatile int registrationStatus = 200;
  private volatile String registrationAnswer = "{}";

  FakePlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body));
          int status;
          String answer;
          if (exchange.getRequestURI().getPath().equals("/openid-configuration")) {
            status = configurationStatus;
            answer = configuration.apply(base());
            if (status == 302) {
              exchange.getResponseHeaders().add("Location", base() + "/moved");
            }
          } else if (exchange.getRequestURI().getPath().equals("/moved")) {
            status = 200;
            answer = configuration.apply(base());
          } else if (exchange.getRequestURI().getPath().equals("/register")) {
            status = registrationStatus;
            answer = registrationAnswer;
          } else {
            status = 404;
            answer = "{}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String openidConfigurationUrl() {
    return base() + "/openid-configuration";
  }

  FakePlatform configuration(Function<String, String> configuration) {
    this.configuration = configuration;
    return this;
  }

  FakePlatform configurationStatus(int status) {
    this.configurationStatus = status;
    return this;
  }

  FakePlatform registrationAnswer(int status, String body) {
    this.registrationStatus = status;
    this.registrationAnswer = body;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** A Moodle-like configuration: {@code messages_supported} as strings. */
  static String moodle(String base) {
    return """
        {"issuer": "%1$s",
         "token_endpoint": "%1$s/mod/lti/token.php",
         "token_endpoint_auth_methods_supported": ["private_key_jwt"],
         "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
         "jwks_uri": "%1$s/mod/lti/certs.php",
         "authorization_endpoint": "%1$s/mod/lti/auth.php",
         "registration_endpoint": "%1$s/register",
         "scopes_supported": ["openid"],
         "response_types_supported": ["id_token"],
         "subject_types_supported": ["public", "pairwise"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "claims_supported": ["sub", "iss", "name", "given_name", "family_name", "email"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "moodle",
           "version": "4.5",
           "messages_supported": ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
           "placements": ["AddContentMenu"],
           "variables": ["basic-lti-launch-request"]}}
        """
        .formatted(base);
  }

  /** A Canvas-like configuration: {@code messages_supported} as objects. */
  static String canvas(String base) {
    return """
        {"issuer": "%1$s",
         "authorization_endpoint": "%1$s/api/lti/authorize_redirect",
         "registration_endpoint": "%1$s/register",
         "jwks_uri": "%1$s/api/lti/security/jwks",
         "token_endpoint": "%1$s/login/oauth2/token",
         "token_endpoint_auth_methods_supported": ["private_key_jwt"],
         "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
         "scopes_supported": ["openid"],
         "subject_types_supported": ["public"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "claims_supported": ["sub", "picture", "email", "name", "given_name", "family_name"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "canvas",
           "version": "vCloud",
           "messages_supported": [
             {"type": "LtiResourceLinkRequest", "placements": ["course_navigation"]},
             {"type": "LtiDeepLinkingRequest", "placements": ["assignment_selection"]}],
           "variables": ["Canvas.course.id"],
           "https://canvas.instructure.com/lti/account_name": "École"}}
        """
        .formatted(base);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
