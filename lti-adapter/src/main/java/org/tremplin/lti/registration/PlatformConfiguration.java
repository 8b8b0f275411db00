package org.tremplin.lti.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a platform's OpenID configuration that Dynamic Registration uses (LTI Dynamic
 * Registration 1.0 §3.4). Immutable.
 *
 * @param issuer the platform's {@code issuer}
 * @param authorizationEndpoint {@code authorization_endpoint}
 * @param tokenEndpoint {@code token_endpoint}
 * @param jwksUri {@code jwks_uri}
 * @param registrationEndpoint {@code registration_endpoint}
 * @param productFamilyCode the LTI platform configuration's {@code product_family_code}, or empty
 * @param messagesSupported the message types of {@code messages_supported}, read from strings
 *     (Moodle) or from objects' {@code type} (Canvas); empty when the platform lists none
 */
public record PlatformConfiguration(
    String issuer,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    URI registrationEndpoint,
    String productFamilyCode,
    List<String> messagesSupported) {

  /** The claim holding the LTI-specific platform configuration. */
  public static final String LTI_PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";

  /**
   * Copies the list.
   *
   * @param issuer the platform's issuer
   * @param authorizationEndpoint the authorization endpoint
   * @param tokenEndpoint the token endpoint
   * @param jwksUri the jwks uri
   * @param registrationEndpoint the registration endpoint
   * @param productFamilyCode the product family code
   * @param messagesSupported the messages supported
   */
  public PlatformConfiguration {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(registrationEndpoint, "registrationEndpoint");
    Objects.requireNonNull(productFamilyCode, "productFamilyCode");
    messagesSupported = List.copyOf(messagesSupported);
  }

  /**
   * Reads a configuration document.
   *
   * @param json the json
   * @return the platform configuration
   * @throws IllegalArgumentException naming the first missing or malformed field
   */
  public static PlatformConfiguration parse(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String issuer = text(json, "issuer");
    JsonNode lti = json.path(LTI_PLATFORM_CONFIGURATION);
    List<String> messages = new ArrayList<>();
    for (JsonNode message : lti.path("messages_supported")) {
      if (message.isTextual()) {
        messages.add(message.asText());
      } else if (message.isObject() && message.path("type").isTextual()) {
        messages.add(message.path("type").asText());
      }
    }
    return new PlatformConfiguration(
        issuer,
        url(json, "authorization_endpoint"),
        url(json, "token_endpoint"),
        url(json, "jwks_uri"),
        url(json, "registration_endpoint"),
        lti.path("product_family_code").isTextual() ? lti.path("product_family_code").asText() : "",
        messages);
  }

  /**
   * Whether the platform lists this message type, or lists none at all (nothing to go by).
   *
   * @param messageType the message type
   * @return whether the platform lists this message type, or lists none at all (nothing to go by)
   */
  public boolean supports(String messageType) {
    return messagesSupported.isEmpty() || messagesSupported.contains(messageType);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value.asText();
  }

  private static URI url(JsonNode json, String field) {
    return httpUrl(text(json, field))
        .orElseThrow(() -> new IllegalArgumentException(field + " is not an absolute http(s) URL"));
  }

  /** The value as an absolute http(s) URL with a host and no user info, or empty. */
  static Optional<URI> httpUrl(String value) {
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute()
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && ("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // not a URL
    }
    return Optional.empty();
  }
}
