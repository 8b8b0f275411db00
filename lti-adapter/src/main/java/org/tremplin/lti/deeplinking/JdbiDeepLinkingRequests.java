package org.tremplin.lti.deeplinking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.DeepLinkingSettings;

/**
 * The deep linking requests waiting for a trainer's choice, in {@code tremplin_lti_deep_linking}
 * (migration V7), so that any node can show the picker and sign the response. A request is reached
 * by an opaque token of 256 random bits carried by the picker's links and form; only its SHA-256 is
 * stored. A request is answered once ({@link #take}); past its expiry it is never returned, and
 * {@link #purgeExpired} deletes it off the request path. Thread-safe.
 */
public final class JdbiDeepLinkingRequests {
  /** How long a trainer has to choose: as long as the session of the launch. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);

  /** Longest token accepted (tokens are 43 characters). */
  public static final int MAX_TOKEN_LENGTH = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UnitOfWork database;
  private final Clock clock;
  private final Duration timeToLive;
  private final SecureRandom random = new SecureRandom();

  /**
   * Requests live {@link #DEFAULT_TIME_TO_LIVE}.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   */
  public JdbiDeepLinkingRequests(UnitOfWork database, Clock clock) {
    this(database, clock, DEFAULT_TIME_TO_LIVE);
  }

  /**
   * Requests live {@code timeToLive}.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   * @param timeToLive the time to live
   */
  public JdbiDeepLinkingRequests(UnitOfWork database, Clock clock, Duration timeToLive) {
    this.database = database;
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  /**
   * Stores a request; its expiry is set here (now + time to live), whatever {@code
   * draft.expiresAt()} says.
   *
   * @param draft the draft
   * @return the token that reaches it, given out only here: never log it
   */
  public String save(PendingDeepLinking draft) {
    Instant now = clock.instant();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    database.inTransaction(
        h ->
            h.createUpdate(
                    """
                    insert into tremplin_lti_deep_linking
                      (request_hash, person_id, issuer, client_id, deployment_id, cohort_id,
                       settings, locale, created_at, expires_at)
                    values (:hash, :person, :issuer, :clientId, :deployment, :cohort, :settings,
                            :locale, :created, :expires)
                    """)
                .bind("hash", hash(token))
                .bind("person", draft.personId())
                .bind("issuer", draft.issuer())
                .bind("clientId", draft.clientId())
                .bind("deployment", draft.deploymentId())
                .bind("cohort", draft.cohortId().value())
                .bind("settings", write(draft.settings()))
                .bind("locale", draft.locale().toLanguageTag())
                .bind("created", UnitOfWork.timestamp(now))
                .bind("expires", UnitOfWork.timestamp(now.plus(timeToLive)))
                .execute());
    return token;
  }

  /**
   * The request this token reaches, left in place (the picker page).
   *
   * @param token the session token
   * @return the request, or empty when the token is unknown, answered or expired
   */
  public Optional<PendingDeepLinking> find(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return database.read(
        h ->
            h.createQuery(
                    """
                    select person_id, issuer, client_id, deployment_id, cohort_id, settings,
                           locale, expires_at
                    from tremplin_lti_deep_linking
                    where request_hash = :hash and expires_at > :now
                    """)
                .bind("hash", hash(token))
                .bind("now", UnitOfWork.timestamp(now))
                .map(
                    (rs, ctx) ->
                        new PendingDeepLinking(
                            rs.getString("person_id"),
                            rs.getString("issuer"),
                            rs.getString("client_id"),
                            rs.getString("deployment_id"),
                            new CohortId(rs.getObject("cohort_id", UUID.class)),
                            read(rs.getString("settings")),
                            Locale.forLanguageTag(rs.getString("locale")),
                            UnitOfWork.instant(rs, "expires_at")))
                .findOne());
  }

  /**
   * Takes the request this token reaches: it is deleted, so a second answer finds nothing (two
   * nodes racing: only one deletes it).
   *
   * @param token the session token
   * @return the request, or empty when the token is unknown, already answered or expired
   */
  public Optional<PendingDeepLinking> take(String token) {
    Optional<PendingDeepLinking> found = find(token);
    if (found.isEmpty()) {
      return found;
    }
    int deleted =
        database.inTransaction(
            h ->
                h.createUpdate("delete from tremplin_lti_deep_linking where request_hash = :hash")
                    .bind("hash", hash(token))
                    .execute());
    return deleted == 1 ? found : Optional.empty();
  }

  /**
   * Deletes the requests past their expiry now. Safe on several nodes at once.
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    return database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_lti_deep_linking where expires_at <= :now")
                .bind("now", UnitOfWork.timestamp(now))
                .execute());
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String write(DeepLinkingSettings settings) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deep_link_return_url", settings.returnUrl().toString());
    json.put("accept_types", settings.acceptTypes());
    json.put("accept_presentation_document_targets", settings.acceptPresentationDocumentTargets());
    json.put("accept_media_types", settings.acceptMediaTypes());
    json.put("accept_multiple", settings.acceptMultiple());
    json.put("accept_lineitem", settings.acceptLineItem());
    json.put("auto_create", settings.autoCreate());
    json.put("title", settings.title());
    json.put("data", settings.data());
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write deep linking settings", e);
    }
  }

  private static DeepLinkingSettings read(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      return new DeepLinkingSettings(
          URI.create(json.path("deep_link_return_url").asText()),
          list(json.path("accept_types")),
          list(json.path("accept_presentation_document_targets")),
          list(json.path("accept_media_types")),
          json.path("accept_multiple").asBoolean(),
          json.path("accept_lineitem").asBoolean(),
          json.path("auto_create").asBoolean(),
          textOrNull(json.path("title")),
          textOrNull(json.path("data")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored deep linking settings are not JSON", e);
    }
  }

  private static List<String> list(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(n -> values.add(n.asText()));
    return values;
  }

  private static @Nullable String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
