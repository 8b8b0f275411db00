package org.tremplin.lti.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LTI Dynamic Registration 1.0, tool side (LTI.md §7): fetches the platform's OpenID configuration
 * (with {@code Authorization: Bearer <registration_token>} when a token is given), checks its
 * hosts, posts the tool's registration to the platform's registration endpoint, and stores the
 * client id it returns. A platform that registers the tool again under a client id already stored
 * (Moodle's "Update" of a tool) updates that registration; one held by the configuration is left as
 * it is ({@link RegistrationError#ALREADY_REGISTERED}).
 *
 * <p>Deployments: when the platform returns a {@code deployment_id} in the tool configuration claim
 * (Moodle does: the tool's id), the registration is stored with that id only and refuses others.
 * When it returns none (Canvas creates a deployment for each install, later), the registration is
 * stored with auto-deployments on, and each deployment id is recorded at its first launch (LTI.md
 * §2.10).
 *
 * <p>Hosts (LTI.md §7): the registration endpoint must be on the same scheme, host and port as the
 * OpenID configuration URL, so the registration token only goes back where it came from; the
 * issuer, authorization, token and keyset endpoints must be on the configuration's host. Hosted
 * Canvas is the one exception, because its issuers ({@code https://canvas.instructure.com}, {@code
 * canvas.beta…}, {@code canvas.test…}) and its {@code sso.canvaslms.com} endpoints are shared by
 * every tenant: for those issuers the endpoints may also be on the matching {@code sso} host. No
 * HTTP redirect is followed, bodies are bounded and one deadline covers each whole request, body
 * included.
 *
 * <p>Who may register, and where the tool may connect, is the {@link RegistrationPolicy}: by
 * default nothing registers until the operator sets a registration key or the allowed platform
 * hosts, and no request goes to a loopback, link-local or private address (docs/operations.md).
 * Every failure to read the platform's configuration answers the same {@link
 * RegistrationError#PLATFORM_UNREACHABLE} with no detail, so that registration cannot tell an open
 * port from a closed one; the precise reason goes to the log at INFO.
 *
 * <p>Thread-safe.
 */
public final class DynamicRegistration {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default deadline of each request, from name resolution to the last byte of the body. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Default largest response read from the platform: 64 KiB. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  /** Longest registration token accepted. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  /** The claim of the tool's configuration, in the request and in the platform's answer. */
  public static final String LTI_TOOL_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-tool-configuration";

  /** Hosted Canvas issuers, and the host of their shared endpoints. */
  private static final Map<String, String> CANVAS_CLOUD =
      Map.of(
          "canvas.instructure.com", "sso.canvaslms.com",
          "canvas.beta.instructure.com", "sso.beta.canvaslms.com",
          "canvas.test.instructure.com", "sso.test.canvaslms.com");

  private static final int MAX_DETAIL = 300;
  private static final int MAX_KEY_LENGTH = 500;
  private static final int MAX_URL_LENGTH = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(DynamicRegistration.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the visitor is told about a configuration that could not be read: nothing more. */
  private static final String UNREADABLE = "openid_configuration";

  private final ToolDescription tool;
  private final RegistrationStore store;
  private final RegistrationPolicy policy;
  private final PlatformFetcher fetcher;

  /**
   * Under this policy, with the default timeouts and size bound.
   *
   * @param tool the tool
   * @param store the store
   * @param policy the policy
   */
  public DynamicRegistration(
      ToolDescription tool, RegistrationStore store, RegistrationPolicy policy) {
    this(tool, store, policy, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /**
   * Under this policy, with these bounds.
   *
   * @param connectTimeout the longest wait for a connection
   * @param deadline the longest time of each request, body included
   * @param maxBytes the largest body read; the connection is dropped past it
   * @param tool the tool
   * @param store the store
   * @param policy the policy
   */
  public DynamicRegistration(
      ToolDescription tool,
      RegistrationStore store,
      RegistrationPolicy policy,
      Duration connectTimeout,
      Duration deadline,
      int maxBytes) {
    this.tool = java.util.Objects.requireNonNull(tool, "tool");
    this.store = java.util.Objects.requireNonNull(store, "store");
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.fetcher = new PlatformFetcher(policy, connectTimeout, deadline, maxBytes);
  }

  /**
   * Registers the tool with the platform that sent the administrator here, without a registration
   * key.
   *
   * @param openidConfiguration the openid configuration
   * @param registrationToken the registration token
   * @return the registration outcome
   * @see #register(String, String, String)
   */
  public RegistrationOutcome register(
      @Nullable String openidConfiguration, @Nullable String registrationToken) {
    return register(openidConfiguration, registrationToken, null);
  }

  /**
   * Registers the tool with the platform that sent the administrator here.
   *
   * @param openidConfiguration the {@code openid_configuration} parameter
   * @param registrationToken the {@code registration_token} parameter, when sent
   * @param key the {@code key} parameter of the registration URL, when sent
   * @return registered (and stored), or refused with a code; nothing is stored when refused
   */
  public RegistrationOutcome register(
      @Nullable String openidConfiguration,
      @Nullable String registrationToken,
      @Nullable String key) {
    if (policy.key().isPresent()
        && (key == null
            || !MessageDigest.isEqual(
                policy.key().get().getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8)))) {
      return refuse(RegistrationError.REGISTRATION_KEY_INVALID, "key=…");
    }
    if (!policy.enabled()) {
      return refuse(RegistrationError.REGISTRATION_CLOSED, "tremplin.lti.registration.*");
    }
    if (openidConfiguration == null || openidConfiguration.isBlank()) {
      return refuse(RegistrationError.OPENID_CONFIGURATION_MISSING, "openid_configuration");
    }
    Optional<URI> configurationUrl = PlatformConfiguration.httpUrl(openidConfiguration.strip());
    if (configurationUrl.isEmpty() || configurationUrl.get().getRawFragment() != null) {
      return refuse(RegistrationError.OPENID_CONFIGURATION_MALFORMED, shorten(openidConfiguration));
    }
    String token =
        registrationToken == null || registrationToken.isEmpty() ? null : registrationToken;
    if (token != null && !isPrintableAscii(token)) {
      return refuse(RegistrationError.REGISTRATION_TOKEN_MALFORMED, "registration_token");
    }
    URI url = configurationUrl.get();
    if (!policy.allowsHost(host(url))) {
      return refuse(RegistrationError.HOST_NOT_ALLOWED, host(url));
    }

    PlatformFetcher.Fetched fetched;
    try {
      fetched = fetcher.send(url, get(url, token));
    } catch (PlatformFetcher.FetchException e) {
      return unreadable(url, e.failure().name(), e.getMessage());
    }
    if (fetched.status() != 200) {
      return unreadable(url, "HTTP_STATUS", "HTTP " + fetched.status());
    }
    if (fetched.tooLarge()) {
      return unreadable(url, "TOO_LARGE", "larger than " + fetcher.maxBytes() + " bytes");
    }
    PlatformConfiguration platform;
    try {
      platform = PlatformConfiguration.parse(JSON.readTree(fetched.body()));
    } catch (java.io.IOException e) {
      return unreadable(url, "NOT_JSON", "not JSON");
    } catch (IllegalArgumentException e) {
      return unreadable(url, "INCOMPLETE", e.getMessage());
    }
    Optional<String> tooLong = tooLong(platform);
    if (tooLong.isPresent()) {
      return unreadable(url, "INCOMPLETE", tooLong.get());
    }
    Optional<String> mismatch = checkHosts(url, platform);
    if (mismatch.isPresent()) {
      return refuse(RegistrationError.HOST_MISMATCH, mismatch.get());
    }

    String body;
    try {
      body = JSON.writeValueAsString(requestBody(tool, platform));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the registration request", e);
    }
    PlatformFetcher.Fetched answer;
    try {
      answer =
          fetcher.send(
              platform.registrationEndpoint(), post(platform.registrationEndpoint(), token, body));
    } catch (PlatformFetcher.FetchException e) {
      return unreadable(platform.registrationEndpoint(), e.failure().name(), e.getMessage());
    }
    String answered = new String(answer.body(), StandardCharsets.UTF_8);
    if (answer.status() != 200 && answer.status() != 201) {
      String excerpt = answer.tooLarge() ? "" : platformError(answered);
      return refuse(
          RegistrationError.PLATFORM_REFUSED,
          "HTTP " + answer.status() + (excerpt.isEmpty() ? "" : ": " + excerpt));
    }
    if (answer.tooLarge()) {
      return refuse(
          RegistrationError.PLATFORM_REFUSED,
          "answer larger than " + fetcher.maxBytes() + " bytes");
    }
    JsonNode registered;
    try {
      registered = JSON.readTree(answered);
    } catch (JsonProcessingException e) {
      return refuse(RegistrationError.PLATFORM_REFUSED, "the answer is not JSON");
    }
    String clientId = scalar(registered.path("client_id"));
    if (clientId.isEmpty() || clientId.length() > MAX_KEY_LENGTH) {
      return refuse(RegistrationError.PLATFORM_REFUSED, "no usable client_id in the answer");
    }
    String deploymentId = scalar(registered.path(LTI_TOOL_CONFIGURATION).path("deployment_id"));
    if (deploymentId.length() > 255) {
      return refuse(RegistrationError.PLATFORM_REFUSED, "deployment_id longer than 255");
    }
    PlatformRegistration registration =
        new PlatformRegistration(
            registrationName(platform),
            platform.issuer(),
            clientId,
            platform.authorizationEndpoint(),
            platform.tokenEndpoint(),
            platform.jwksUri(),
            deploymentId.isEmpty() ? Set.of() : Set.of(deploymentId),
            deploymentId.isEmpty());
    if (!store.add(registration)) {
      if (store.update(registration)) {
        LOG.info(
            "dynamic registration updated: issuer {} client_id {} ({})",
            platform.issuer(),
            clientId,
            deploymentId.isEmpty() ? "auto-deployments" : "one more deployment");
        return new RegistrationOutcome.Registered(registration, true);
      }
      return refuse(
          RegistrationError.ALREADY_REGISTERED, platform.issuer() + " / client_id " + clientId);
    }
    LOG.info(
        "dynamic registration stored: issuer {} client_id {} ({})",
        platform.issuer(),
        clientId,
        deploymentId.isEmpty() ? "auto-deployments" : "one deployment");
    return new RegistrationOutcome.Registered(registration);
  }

  /**
   * The JSON body posted to the platform (LTI Dynamic Registration 1.0 §3.5, LTI.md §7). The deep
   * linking message is left out only when the platform lists its supported messages without it.
   *
   * @param tool the tool
   * @param platform the platform
   * @return the JSON body posted to the platform (LTI Dynamic Registration 1.0 §3.5, LTI.md §7)
   */
  public static Map<String, Object> requestBody(
      ToolDescription tool, PlatformConfiguration platform) {
    List<Map<String, Object>> messages = new ArrayList<>();
    messages.add(message(ToolDescription.RESOURCE_LINK_REQUEST, tool));
    if (platform.supports(ToolDescription.DEEP_LINKING_REQUEST)) {
      messages.add(message(ToolDescription.DEEP_LINKING_REQUEST, tool));
    }
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("domain", tool.domain());
    configuration.put("target_link_uri", tool.targetLinkUri());
    configuration.put("claims", ToolDescription.CLAIMS);
    configuration.put("messages", messages);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("application_type", "web");
    body.put("response_types", List.of("id_token"));
    body.put("grant_types", List.of("implicit", "client_credentials"));
    body.put("initiate_login_uri", tool.initiateLoginUri());
    body.put("redirect_uris", List.of(tool.redirectUri()));
    body.put("jwks_uri", tool.jwksUri());
    body.put("client_name", tool.name());
    body.put("logo_uri", tool.logoUri());
    body.put("token_endpoint_auth_method", "private_key_jwt");
    body.put("scope", String.join(" ", ToolDescription.SCOPES));
    body.put(LTI_TOOL_CONFIGURATION, configuration);
    return body;
  }

  /**
   * Checks the hosts of the platform's configuration (see the class comment).
   *
   * @return what is on the wrong host, or empty when all is well
   */
  static Optional<String> checkHosts(URI configurationUrl, PlatformConfiguration platform) {
    if (!origin(platform.registrationEndpoint()).equals(origin(configurationUrl))) {
      return Optional.of(
          "registration_endpoint "
              + platform.registrationEndpoint()
              + " ≠ "
              + origin(configurationUrl));
    }
    String host = host(configurationUrl);
    Optional<URI> issuer = PlatformConfiguration.httpUrl(platform.issuer());
    if (issuer.isEmpty()) {
      return Optional.of("issuer " + platform.issuer() + " is not an http(s) URL");
    }
    String issuerHost = host(issuer.get());
    String shared = CANVAS_CLOUD.get(issuerHost);
    if (shared == null && !issuerHost.equals(host)) {
      return Optional.of("issuer " + platform.issuer() + " ≠ " + host);
    }
    Map<String, URI> endpoints = new LinkedHashMap<>();
    endpoints.put("authorization_endpoint", platform.authorizationEndpoint());
    endpoints.put("token_endpoint", platform.tokenEndpoint());
    endpoints.put("jwks_uri", platform.jwksUri());
    for (Map.Entry<String, URI> endpoint : endpoints.entrySet()) {
      String endpointHost = host(endpoint.getValue());
      boolean allowed =
          endpointHost.equals(host)
              || (shared != null
                  && (endpointHost.equals(shared) || endpointHost.equals(issuerHost)));
      if (!allowed) {
        return Optional.of(endpoint.getKey() + " " + endpoint.getValue() + " ≠ " + host);
      }
    }
    return Optional.empty();
  }

  /** What exceeds the stored columns' sizes, if anything. */
  private static Optional<String> tooLong(PlatformConfiguration platform) {
    if (platform.issuer().length() > MAX_KEY_LENGTH) {
      return Optional.of("issuer longer than " + MAX_KEY_LENGTH);
    }
    for (URI endpoint :
        List.of(platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri())) {
      if (endpoint.toString().length() > MAX_URL_LENGTH) {
        return Optional.of("endpoint longer than " + MAX_URL_LENGTH);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> message(String type, ToolDescription tool) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("target_link_uri", tool.targetLinkUri());
    return message;
  }

  private static String registrationName(PlatformConfiguration platform) {
    String family =
        platform.productFamilyCode().isEmpty() ? "LTI" : platform.productFamilyCode().strip();
    String name = family + " — " + platform.issuer();
    return name.length() > 500 ? name.substring(0, 500) : name;
  }

  private static HttpRequest.Builder get(URI url, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.GET();
  }

  private static HttpRequest.Builder post(URI url, @Nullable String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /**
   * The platform's error text: OAuth {@code error}/{@code error_description}, or Canvas {@code
   * errors}.
   */
  private static String platformError(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      List<String> parts = new ArrayList<>();
      for (String field : List.of("error", "error_description")) {
        if (json.path(field).isTextual()) {
          parts.add(json.path(field).asText());
        }
      }
      if (json.has("errors")) {
        parts.add(json.path("errors").toString());
      }
      if (!parts.isEmpty()) {
        return PlatformAnswer.excerpt(String.join(" — ", parts));
      }
    } catch (JsonProcessingException e) {
      // not JSON: an error page or plain text
    }
    return PlatformAnswer.excerpt(body);
  }

  private static String scalar(JsonNode node) {
    return node.isTextual() || node.isNumber() ? node.asText().strip() : "";
  }

  private static String origin(URI uri) {
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri) + ":" + port;
  }

  private static String host(URI uri) {
    return Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
  }

  private static boolean isPrintableAscii(String value) {
    if (value.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String text) {
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
  }

  private static RegistrationOutcome refuse(RegistrationError error, String detail) {
    LOG.info("dynamic registration refused: {}", error);
    return new RegistrationOutcome.Refused(error, detail);
  }

  /**
   * The platform's configuration (or its registration endpoint) could not be read: the visitor
   * learns only that; the log says why, with a reason code ({@code ADDRESS_NOT_ALLOWED}, {@code
   * CONNECTION_FAILED}, {@code TIMEOUT}, {@code HTTP_STATUS}…). Never a token: the URL's query
   * stays out of the log.
   */
  private static RegistrationOutcome unreadable(URI url, String reason, String detail) {
    LOG.info(
        "dynamic registration refused: {} ({}) {}://{}:{}{}: {}",
        RegistrationError.PLATFORM_UNREACHABLE,
        reason,
        url.getScheme(),
        url.getHost(),
        url.getPort(),
        Optional.ofNullable(url.getRawPath()).orElse(""),
        shorten(detail));
    return new RegistrationOutcome.Refused(RegistrationError.PLATFORM_UNREACHABLE, UNREADABLE);
  }
}
