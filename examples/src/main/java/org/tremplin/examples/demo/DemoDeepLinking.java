package org.tremplin.examples.demo;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.launch.LtiClaims;

/**
 * The demo platform's side of Deep Linking 2.0: the {@code deep_linking_settings} of a request
 * (return URL {@code <base>demo/deep-linking/return}, {@code ltiResourceLink} items only, iframe or
 * window, several at once, with line items, and an opaque {@code data} bound to the request), and
 * the check of the tool's signed {@code LtiDeepLinkingResponse}: RS256 with a {@code kid} of the
 * tool's keyset, {@code iss} = the client id, {@code aud} = the platform's issuer, {@code exp} not
 * passed and {@code iat} not ahead, a {@code nonce} never seen before, the deployment id, message
 * type and version, {@code data} echoed from a request of the last {@link #REQUEST_LIFETIME} (used
 * once), and items that are all resource links with string custom values and valid line items. The
 * items of a good response are placed in the {@link DemoGradebook} (with their line items).
 * Thread-safe.
 */
final class DemoDeepLinking {
  /** How long the platform waits for the response to a request. */
  static final Duration REQUEST_LIFETIME = Duration.ofMinutes(30);

  static final String RESPONSE = "LtiDeepLinkingResponse";
  private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
  static final String CONTENT_ITEMS = DL + "content_items";
  static final String DATA = DL + "data";
  static final String MSG = DL + "msg";
  static final String ERRORMSG = DL + "errormsg";

  private final DemoPlatform platform;
  private final PlatformKeys toolKeys;
  private final DemoGradebook gradebook;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();

  DemoDeepLinking(
      DemoPlatform platform, PlatformKeys toolKeys, DemoGradebook gradebook, Clock clock) {
    this.platform = platform;
    this.toolKeys = toolKeys;
    this.gradebook = gradebook;
    this.clock = clock;
  }

  /** The settings claim of a new request, with a fresh {@code data} remembered for its answer. */
  Map<String, Object> settings(String title) {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String data = "dl-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    pending.values().removeIf(exp -> exp.isBefore(now));
    pending.put(data, now.plus(REQUEST_LIFETIME));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("deep_link_return_url", platform.deepLinkingReturnUrl().toString());
    s.put("accept_types", List.of("ltiResourceLink"));
    s.put("accept_presentation_document_targets", List.of("iframe", "window"));
    s.put("accept_multiple", true);
    s.put("accept_lineitem", true);
    s.put("auto_create", true);
    s.put("title", title);
    s.put("data", data);
    return s;
  }

  /**
   * What a response did.
   *
   * @param placed the activities placed, in the response's order
   * @param message the tool's {@code msg} or {@code errormsg}, empty if none
   * @param refused why the response was refused (then nothing was placed), empty if accepted
   */
  record Outcome(List<DemoGradebook.Activity> placed, String message, Optional<String> refused) {}

  /** Checks the tool's response (the {@code JWT} form field) and places its items. */
  Outcome accept(@Nullable String jwt) {
    if (jwt == null || jwt.isBlank()) {
      return refused("the JWT field is missing");
    }
    SignedJWT signed;
    JWTClaimsSet claims;
    try {
      signed = SignedJWT.parse(jwt.strip());
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      return refused("the JWT field is not a signed JWT");
    }
    Optional<String> bad =
        DemoTokens.DemoJwts.verify(signed, toolKeys, platform.toolJwksUrl())
            .or(() -> checkClaims(claims));
    if (bad.isPresent()) {
      return refused(bad.get());
    }
    List<Item> items = new ArrayList<>();
    try {
      Object raw = claims.getClaim(CONTENT_ITEMS);
      if (raw != null) {
        if (!(raw instanceof List<?> list)) {
          return refused("content_items is not an array");
        }
        for (Object o : list) {
          items.add(item(o));
        }
      }
    } catch (BadItem e) {
      return refused(e.getMessage());
    }
    // every check passed: the nonce and data are used now, once
    Instant now = clock.instant();
    usedNonces.values().removeIf(exp -> exp.isBefore(now));
    if (usedNonces.putIfAbsent(
            String.valueOf(claims.getClaim("nonce")),
            claims.getExpirationTime().toInstant().plus(DemoTokens.SKEW))
        != null) {
      return refused("nonce already used");
    }
    if (pending.remove(String.valueOf(claims.getClaim(DATA))) == null) {
      return refused("data was already answered");
    }
    List<DemoGradebook.Activity> placed = new ArrayList<>();
    for (Item i : items) {
      placed.add(gradebook.place(i.title(), i.url(), i.custom(), i.lineItem(), now));
    }
    String message = stringClaim(claims, ERRORMSG);
    return new Outcome(
        placed, message.isEmpty() ? stringClaim(claims, MSG) : message, Optional.empty());
  }

  private Optional<String> checkClaims(JWTClaimsSet c) {
    Instant now = clock.instant();
    if (!DemoPlatform.CLIENT_ID.equals(c.getIssuer())) {
      return Optional.of("iss is not the client id");
    }
    if (c.getAudience() == null || !c.getAudience().contains(platform.issuer())) {
      return Optional.of("aud is not the platform's issuer");
    }
    if (c.getExpirationTime() == null
        || !c.getExpirationTime().toInstant().plus(DemoTokens.SKEW).isAfter(now)) {
      return Optional.of("the response has expired");
    }
    if (c.getIssueTime() == null
        || c.getIssueTime().toInstant().isAfter(now.plus(DemoTokens.SKEW))) {
      return Optional.of("iat is missing or in the future");
    }
    if (!(c.getClaim("nonce") instanceof String nonce) || nonce.isBlank()) {
      return Optional.of("nonce is missing");
    }
    if (usedNonces.containsKey(nonce)) {
      return Optional.of("nonce already used");
    }
    if (!DemoPlatform.DEPLOYMENT_ID.equals(c.getClaim(LtiClaims.DEPLOYMENT_ID))) {
      return Optional.of("deployment_id is not the demo's");
    }
    if (!RESPONSE.equals(c.getClaim(LtiClaims.MESSAGE_TYPE))) {
      return Optional.of("message_type is not " + RESPONSE);
    }
    if (!LtiClaims.LTI_VERSION.equals(c.getClaim(LtiClaims.VERSION))) {
      return Optional.of("version is not " + LtiClaims.LTI_VERSION);
    }
    if (!(c.getClaim(DATA) instanceof String data)
        || !pending.containsKey(data)
        || pending.get(data).isBefore(now)) {
      return Optional.of("data is not the data of a request of this platform");
    }
    return Optional.empty();
  }

  /** A content item, checked. */
  private record Item(
      String title,
      String url,
      Map<String, String> custom,
      DemoGradebook.@Nullable PlacedLineItem lineItem) {}

  private Item item(Object o) throws BadItem {
    if (!(o instanceof Map<?, ?> m)) {
      throw new BadItem("a content item is not an object");
    }
    if (!"ltiResourceLink".equals(m.get("type"))) {
      throw new BadItem("only ltiResourceLink items are accepted, got " + m.get("type"));
    }
    String title = m.get("title") instanceof String t && !t.isBlank() ? t : "Tremplin";
    String url = platform.toolRedirectUri();
    if (m.get("url") != null) {
      if (!(m.get("url") instanceof String u) || !u.startsWith(platform.baseUrl().toString())) {
        throw new BadItem("an item's url is not a URL of the tool");
      }
      url = u;
    }
    Map<String, String> custom = new LinkedHashMap<>();
    if (m.get("custom") != null) {
      if (!(m.get("custom") instanceof Map<?, ?> cm)) {
        throw new BadItem("custom is not an object");
      }
      for (Map.Entry<?, ?> e : cm.entrySet()) {
        if (!(e.getValue() instanceof String v)) {
          throw new BadItem("custom." + e.getKey() + " is not a string");
        }
        custom.put(String.valueOf(e.getKey()), v);
      }
    }
    DemoGradebook.PlacedLineItem lineItem = null;
    if (m.get("lineItem") != null) {
      if (!(m.get("lineItem") instanceof Map<?, ?> li)) {
        throw new BadItem("lineItem is not an object");
      }
      if (!(li.get("scoreMaximum") instanceof Number max) || !(max.doubleValue() > 0)) {
        throw new BadItem("lineItem.scoreMaximum must be a number > 0");
      }
      lineItem =
          new DemoGradebook.PlacedLineItem(
              li.get("label") instanceof String l && !l.isBlank() ? l : title,
              max.doubleValue(),
              li.get("resourceId") instanceof String r ? r : "",
              li.get("tag") instanceof String t ? t : "");
    }
    return new Item(title, url, custom, lineItem);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s ? s : "";
  }

  private static Outcome refused(String why) {
    return new Outcome(List.of(), "", Optional.of(why));
  }

  /** A content item the platform does not take. */
  private static final class BadItem extends Exception {
    private static final long serialVersionUID = 1L;

    BadItem(String message) {
      super(message);
    }
  }
}
