package org.tremplin.lti.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.text.PlatformText;

/**
 * Handles an OIDC third-party initiated login (LTI.md §1): checks the parameters, finds the
 * registration, stores a fresh {@link LoginState} and builds the redirect to the platform's
 * authorisation endpoint with exactly the §1.4 parameters. When the platform offers platform
 * storage ({@code lti_storage_target}, §1.6), the same redirect comes as {@link
 * LoginOutcome.StoreThenRedirect} so that the adapter first writes the binding there. Thread-safe.
 */
public final class OidcLogin {
  /** Longest {@code target_link_uri} kept in a login state (its column holds 2,000). */
  static final int MAX_TARGET_LINK_URI = 2000;

  /** Bytes of randomness in each state and nonce: 256 bits, above the 128 required. */
  public static final int RANDOM_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

  private final Registrations registrations;
  private final LoginStates loginStates;
  private final ToolUrls toolUrls;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * A login handler drawing its state and nonce from a fresh {@link SecureRandom}.
   *
   * @param registrations the registrations
   * @param loginStates the login states
   * @param toolUrls the tool urls
   * @param clock the clock read for "now"
   */
  public OidcLogin(
      Registrations registrations, LoginStates loginStates, ToolUrls toolUrls, Clock clock) {
    this(registrations, loginStates, toolUrls, clock, new SecureRandom());
  }

  /**
   * A login handler drawing its state and nonce from {@code random}.
   *
   * @param registrations the registrations
   * @param loginStates the login states
   * @param toolUrls the tool urls
   * @param clock the clock read for "now"
   * @param random the random
   */
  public OidcLogin(
      Registrations registrations,
      LoginStates loginStates,
      ToolUrls toolUrls,
      Clock clock,
      SecureRandom random) {
    this.registrations = registrations;
    this.loginStates = loginStates;
    this.toolUrls = toolUrls;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Handles a login from multi-valued parameters (query or form): a repeated known parameter is
   * refused, unknown ones are ignored.
   *
   * @param parameters the parameters
   * @return the login outcome
   */
  public LoginOutcome initiate(Map<String, List<String>> parameters) {
    Map<String, String> single = new LinkedHashMap<>();
    for (String name : LoginRequest.PARAMETERS) {
      List<String> values = parameters.getOrDefault(name, List.of());
      if (values.size() > 1) {
        return reject(LoginError.PARAMETER_REPEATED);
      }
      if (values.size() == 1) {
        single.put(name, values.get(0));
      }
    }
    return initiate(LoginRequest.of(single));
  }

  /**
   * Handles a login initiation.
   *
   * @param request the request
   * @return the login outcome
   */
  public LoginOutcome initiate(LoginRequest request) {
    if (isEmpty(request.issuer())) {
      return reject(LoginError.ISSUER_MISSING);
    }
    if (isEmpty(request.loginHint())) {
      return reject(LoginError.LOGIN_HINT_MISSING);
    }
    String target = request.targetLinkUri();
    if (target == null || target.isEmpty()) {
      return reject(LoginError.TARGET_LINK_URI_MISSING);
    }
    if (target.length() > MAX_TARGET_LINK_URI
        || (!isEmpty(request.deploymentId())
            && !PlatformText.isIdentifier(request.deploymentId(), PlatformText.MAX_ID))) {
      return reject(LoginError.PARAMETER_INVALID);
    }
    if (!toolUrls.isOwn(target)) {
      return reject(LoginError.TARGET_LINK_URI_NOT_OURS);
    }
    Optional<PlatformRegistration> found =
        registrations.lookup(request.issuer(), request.clientId());
    if (found.isEmpty()) {
      return reject(LoginError.REGISTRATION_UNKNOWN);
    }
    PlatformRegistration registration = found.get();
    LoginState draft =
        new LoginState(
            randomToken(),
            registration,
            randomToken(),
            target,
            isEmpty(request.deploymentId()) ? null : request.deploymentId(),
            clock.instant().plus(LoginState.TIME_TO_LIVE),
            storageTarget(request.storageTarget()));
    LoginState loginState = loginStates.put(draft);
    URI location = redirect(registration, request, loginState);
    if (loginState.usesPlatformStorage()) {
      LOG.debug("LTI login to platform {} goes through platform storage", registration.name());
      return new LoginOutcome.StoreThenRedirect(location, loginState);
    }
    LOG.debug("LTI login redirected to platform {}", registration.name());
    return new LoginOutcome.Redirect(location, loginState);
  }

  private URI redirect(
      PlatformRegistration registration, LoginRequest request, LoginState loginState) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("scope", "openid");
    query.put("response_type", "id_token");
    query.put("response_mode", "form_post");
    query.put("prompt", "none");
    query.put("client_id", registration.clientId());
    query.put("redirect_uri", toolUrls.redirectUri());
    query.put("login_hint", request.loginHint());
    if (request.ltiMessageHint() != null) {
      query.put("lti_message_hint", request.ltiMessageHint());
    }
    query.put("state", loginState.state());
    query.put("nonce", loginState.nonce());
    StringBuilder url = new StringBuilder(registration.authUrl().toString());
    char separator = registration.authUrl().getRawQuery() == null ? '?' : '&';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      url.append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(encode(parameter.getValue()));
      separator = '&';
    }
    return URI.create(url.toString());
  }

  /** The storage target to use, or null (cookie only) when absent, empty or unreasonably long. */
  private static @Nullable String storageTarget(@Nullable String target) {
    return isEmpty(target) || target.length() > PlatformStorage.MAX_TARGET_LENGTH ? null : target;
  }

  private String randomToken() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean isEmpty(@Nullable String value) {
    return value == null || value.isEmpty();
  }

  private static LoginOutcome reject(LoginError error) {
    LOG.info("LTI login rejected: {}", error);
    return new LoginOutcome.Rejected(error);
  }
}
