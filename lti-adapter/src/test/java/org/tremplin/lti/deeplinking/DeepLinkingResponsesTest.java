package org.tremplin.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.LocalizedText;
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.lti.launch.DeepLinkingSettings;

/** {@link DeepLinkingResponses}: what is signed, and what is refused before signing (LTI.md §4). */
class DeepLinkingResponsesTest {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final ToolKeys KEYS = ToolKeys.generate();
  private static final URI LAUNCH = URI.create("https://tremplin.example.org/lti/launch");
  private static final OfferedItem CP3 =
      new OfferedItem(
          new ItemRef(ItemRef.Kind.COMPETENCY, "CP3"),
          new LocalizedText("CP3 — Réaliser", "CP3 — Build"),
          new LocalizedText("Bloc 1", "Block 1"));
  private static final OfferedItem PHASE =
      new OfferedItem(
          new ItemRef(ItemRef.Kind.PHASE, "PROJECT"),
          new LocalizedText("Projet réel", "Real project"),
          new LocalizedText("semaines 20 à 30", "weeks 20 to 30"));

  private final DeepLinkingResponses responses =
      new DeepLinkingResponses(KEYS, LAUNCH, Clock.fixed(NOW, ZoneOffset.UTC));

  private static PendingDeepLinking pending(
      List<String> types, List<String> targets, boolean multiple, boolean lineItems, String data) {
    return new PendingDeepLinking(
        "person-1",
        "https://moodle.example.org",
        "client-1",
        "3",
        new CohortId(UUID.randomUUID()),
        new DeepLinkingSettings(
            URI.create("https://moodle.example.org/return"),
            types,
            targets,
            List.of(),
            multiple,
            lineItems,
            false,
            null,
            data),
        Locale.FRENCH,
        NOW.plusSeconds(3600));
  }

  private static PendingDeepLinking moodle(boolean multiple) {
    return pending(List.of("ltiResourceLink"), List.of("iframe", "window"), multiple, true, "d");
  }

  private static JWTClaimsSet verified(DeepLinkingResponses.Outcome outcome) throws Exception {
    assertThat(outcome).isInstanceOf(DeepLinkingResponses.Outcome.Signed.class);
    SignedJWT jwt = SignedJWT.parse(((DeepLinkingResponses.Outcome.Signed) outcome).jwt());
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEYS.signingKey().getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(KEYS.signingKey().toRSAPublicKey()))).isTrue();
    return jwt.getJWTClaimsSet();
  }

  @Test
  void theResponseIsSignedForThePlatformWithTheRequestsDeploymentAndData() throws Exception {
    JWTClaimsSet claims = verified(responses.respond(moodle(true), List.of(CP3, PHASE)));

    assertThat(claims.getIssuer()).isEqualTo("client-1");
    assertThat(claims.getAudience()).containsExactly("https://moodle.example.org");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))
        .isEqualTo("3");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
        .isEqualTo("LtiDeepLinkingResponse");
    assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/version"))
        .isEqualTo("1.3.0");
    assertThat(claims.getClaim(DeepLinkingResponses.DATA)).isEqualTo("d");
    assertThat(claims.getSubject()).isNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items =
        (List<Map<String, Object>>) claims.getClaim(DeepLinkingResponses.CONTENT_ITEMS);
    assertThat(items.get(0))
        .containsEntry("title", "CP3 — Réaliser")
        .containsEntry("url", LAUNCH.toString())
        .containsEntry("custom", Map.of("tremplin_item", "competency:CP3"))
        .containsEntry(
            "lineItem",
            Map.of(
                "scoreMaximum", 100L,
                "label", "CP3 — Réaliser",
                "resourceId", "competency:CP3",
                "tag", "tremplin"));
    assertThat(items.get(1)).doesNotContainKey("lineItem");
  }

  @Test
  void everyResponseHasAFreshNonce() throws Exception {
    String first = verified(responses.respond(moodle(false), List.of(CP3))).getStringClaim("nonce");
    String second =
        verified(responses.respond(moodle(false), List.of(CP3))).getStringClaim("nonce");

    assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(22);
  }

  @Test
  void aPlatformIgnoringLineItemsGetsNone() throws Exception {
    PendingDeepLinking noLineItems =
        pending(List.of("ltiResourceLink"), List.of("iframe"), false, false, "d");

    JWTClaimsSet claims = verified(responses.respond(noLineItems, List.of(CP3)));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items =
        (List<Map<String, Object>>) claims.getClaim(DeepLinkingResponses.CONTENT_ITEMS);
    assertThat(items.get(0)).doesNotContainKey("lineItem");
  }

  @Test
  void severalItemsAreRefusedWhenThePlatformTakesOne() {
    assertThat(responses.respond(moodle(false), List.of(CP3, PHASE)))
        .isEqualTo(new DeepLinkingResponses.Outcome.Refused(DeepLinkingError.SEVERAL_NOT_ACCEPTED));
  }

  @Test
  void nothingIsSignedForAPlatformThatTakesNoResourceLinkInAFrameOrWindow() {
    PendingDeepLinking files = pending(List.of("file"), List.of("iframe"), true, true, "d");
    PendingDeepLinking embed =
        pending(List.of("ltiResourceLink"), List.of("embed"), true, true, "d");

    assertThat(responses.respond(files, List.of(CP3)))
        .isEqualTo(new DeepLinkingResponses.Outcome.Refused(DeepLinkingError.TYPE_NOT_ACCEPTED));
    assertThat(responses.respond(embed, List.of(CP3)))
        .isEqualTo(new DeepLinkingResponses.Outcome.Refused(DeepLinkingError.TYPE_NOT_ACCEPTED));
  }

  @Test
  void anEmptyChoiceIsRefusedButCancellingSignsAnEmptyResponseWithItsMessage() throws Exception {
    assertThat(responses.respond(moodle(true), List.of()))
        .isEqualTo(new DeepLinkingResponses.Outcome.Refused(DeepLinkingError.NOTHING_CHOSEN));

    JWTClaimsSet claims = verified(responses.cancel(moodle(true), "Rien ajouté"));

    assertThat((List<?>) claims.getClaim(DeepLinkingResponses.CONTENT_ITEMS)).isEmpty();
    assertThat(claims.getClaim(DeepLinkingResponses.MSG)).isEqualTo("Rien ajouté");
    assertThat(claims.getClaim(DeepLinkingResponses.DATA)).isEqualTo("d");
  }

  @Test
  void noDataClaimWhenTheRequestHadNone() throws Exception {
    PendingDeepLinking noData =
        pending(List.of("ltiResourceLink"), List.of("window"), true, true, null);

    assertThat(verified(responses.respond(noData, List.of(PHASE))).getClaims())
        .doesNotContainKey(DeepLinkingResponses.DATA);
  }
}
