package org.tremplin.lti.deeplinking;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.keys.ToolKeySource;
import org.tremplin.lti.launch.DeepLinkingSettings;
import org.tremplin.lti.launch.LtiClaims;

/**
 * Signs the {@code LtiDeepLinkingResponse} (Deep Linking 2.0 §4.5, LTI.md §4) for a trainer's
 * choice: header RS256 with the tool key's {@code kid}; {@code iss} = our client id, {@code aud} =
 * the platform's issuer (one value), {@code iat} = now, {@code exp} = now + {@value
 * #LIFETIME_MINUTES} minutes, a fresh {@code nonce}, the request's {@code deployment_id}, {@code
 * version} 1.3.0, {@code content_items}, and {@code data} echoed unchanged. Each item is an {@code
 * ltiResourceLink} to our launch URL carrying the item's id in {@code custom} ({@value
 * ItemRef#CUSTOM_KEY}); a graded item (competency, assessment) carries a {@code lineItem} ({@code
 * scoreMaximum} {@value #SCORE_MAXIMUM}, {@code label}, {@code resourceId} = the item id, {@code
 * tag} = {@value ItemRef#TAG}) unless the platform said it ignores line items. {@code
 * accept_types}, the presentation targets and {@code accept_multiple} are enforced before signing.
 * Thread-safe.
 */
public final class DeepLinkingResponses {
  /** The response's lifetime in minutes (LTI.md §4: at most 10). */
  public static final int LIFETIME_MINUTES = 5;

  /** The {@code scoreMaximum} of every Tremplin line item. */
  public static final int SCORE_MAXIMUM = 100;

  /** The response's message type. */
  public static final String MESSAGE_TYPE = "LtiDeepLinkingResponse";

  /** Deep Linking claim names. */
  public static final String CONTENT_ITEMS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";

  /** {@code data}, echoed. */
  public static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

  /** {@code msg}, shown by the platform. */
  public static final String MSG = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";

  private static final Logger LOG = LoggerFactory.getLogger(DeepLinkingResponses.class);

  private final ToolKeySource keys;
  private final URI launchUrl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * Signing with these keys; items link to {@code launchUrl} (our redirect URI, {@code
   * <base>lti/launch}).
   *
   * @param keys the keys
   * @param launchUrl the launch url
   * @param clock the clock read for "now"
   */
  public DeepLinkingResponses(ToolKeySource keys, URI launchUrl, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.launchUrl = Objects.requireNonNull(launchUrl, "launchUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A signed response, or the reason none was signed. */
  public sealed interface Outcome {
    /**
     * The signed response, to post from the browser as the form field {@code JWT}.
     *
     * @param returnUrl where to post it: the request's {@code deep_link_return_url}
     * @param jwt the signed token
     */
    record Signed(URI returnUrl, String jwt) implements Outcome {
      /**
       * Both required.
       *
       * @param returnUrl the return url
       * @param jwt the jwt
       */
      public Signed {
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(jwt, "jwt");
      }

      @Override
      public String toString() {
        return "Signed[returnUrl=" + returnUrl + "]";
      }
    }

    /**
     * Nothing signed.
     *
     * @param error why
     */
    record Refused(DeepLinkingError error) implements Outcome {}
  }

  /**
   * Checks the choice against what the platform accepts, then signs it.
   *
   * @param pending the request being answered
   * @param chosen the items, in the trainer's order
   * @return the outcome
   */
  public Outcome respond(PendingDeepLinking pending, List<OfferedItem> chosen) {
    DeepLinkingSettings settings = pending.settings();
    if (!settings.acceptsOurItems()) {
      return refuse(DeepLinkingError.TYPE_NOT_ACCEPTED);
    }
    if (chosen.isEmpty()) {
      return refuse(DeepLinkingError.NOTHING_CHOSEN);
    }
    if (chosen.size() > 1 && !settings.acceptMultiple()) {
      return refuse(DeepLinkingError.SEVERAL_NOT_ACCEPTED);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (OfferedItem item : chosen) {
      items.add(contentItem(item, pending));
    }
    return sign(pending, items, null);
  }

  /**
   * The answer of a cancelled picker: no item, and a message the platform may show.
   *
   * @param message the {@code msg}
   * @param pending the pending
   * @return the answer of a cancelled picker: no item, and a message the platform may show
   */
  public Outcome.Signed cancel(PendingDeepLinking pending, String message) {
    return sign(pending, List.of(), message);
  }

  /** One {@code ltiResourceLink} content item. */
  Map<String, Object> contentItem(OfferedItem item, PendingDeepLinking pending) {
    String title = item.title().in(pending.locale());
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("type", DeepLinkingSettings.LTI_RESOURCE_LINK);
    link.put("title", title);
    link.put("text", item.context().in(pending.locale()));
    link.put("url", launchUrl.toString());
    link.put("custom", Map.of(ItemRef.CUSTOM_KEY, item.ref().toString()));
    if (item.graded() && pending.settings().acceptLineItem()) {
      Map<String, Object> lineItem = new LinkedHashMap<>();
      lineItem.put("scoreMaximum", SCORE_MAXIMUM);
      lineItem.put("label", title);
      lineItem.put("resourceId", item.ref().toString());
      lineItem.put("tag", ItemRef.TAG);
      link.put("lineItem", lineItem);
    }
    return link;
  }

  private Outcome.Signed sign(
      PendingDeepLinking pending, List<Map<String, Object>> items, @Nullable String message) {
    Instant now = clock.instant();
    byte[] nonce = new byte[24];
    random.nextBytes(nonce);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(pending.clientId())
            .audience(pending.issuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(LIFETIME_MINUTES))))
            .claim("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
            .claim(LtiClaims.DEPLOYMENT_ID, pending.deploymentId())
            .claim(LtiClaims.MESSAGE_TYPE, MESSAGE_TYPE)
            .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
            .claim(CONTENT_ITEMS, items);
    if (pending.settings().data() != null) {
      claims.claim(DATA, pending.settings().data());
    }
    if (message != null) {
      claims.claim(MSG, message);
    }
    RSAKey key = keys.signingKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the deep linking response", e);
    }
    LOG.debug("Deep linking response signed: {} item(s)", items.size());
    return new Outcome.Signed(pending.settings().returnUrl(), jwt.serialize());
  }

  private static Outcome refuse(DeepLinkingError error) {
    LOG.info("Deep linking response refused: {}", error);
    return new Outcome.Refused(error);
  }
}
