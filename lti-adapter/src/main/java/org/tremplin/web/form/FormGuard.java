package org.tremplin.web.form;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.keys.ToolKeySource;
import org.tremplin.web.page.Pages;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.SessionCookie;

/**
 * What every app form carries and how its post is accepted (ADR 0010):
 *
 * <ul>
 *   <li>{@link #fields} gives the hidden fields of a form rendered for a session: the session token
 *       (ADR 0004), the session's CSRF value and a fresh one-time submission id; a template renders
 *       them with {@code @template.form.hidden(fields = ...)}.
 *   <li>The CSRF value is an HMAC of the session token's hash under a key derived from the tool's
 *       signing keys (shared by every node, as ADR 0007's login states): it is never in an address,
 *       it is the same on every page of the session, and it cannot be made from the token alone.
 *       {@link FormGuardFilter} refuses with 403 every {@code POST} to a session resource whose
 *       {@value #CSRF} field does not match, before the resource runs.
 *   <li>{@link #once} runs a form's write once per submission id: the id is recorded first, in the
 *       write's own transaction, with the address the write led to; a repeat (double click, reload
 *       of the post, a second tab) writes nothing and answers as the first did ({@code 303} to the
 *       same address).
 *   <li>The writer's name at the platform is remembered with each write ({@link #names}), so pages
 *       can say who recorded something.
 * </ul>
 *
 * Thread-safe.
 */
public final class FormGuard {
  /** The form field carrying the session's CSRF value. */
  public static final String CSRF = "csrf";

  /** The form field carrying the one-time submission id. */
  public static final String SUBMISSION = "submission";

  /** How long submission ids are remembered (sessions live one hour). */
  public static final Duration SUBMISSION_TIME_TO_LIVE = Duration.ofHours(2);

  /** How long the tool's keys are reused before being read again. */
  static final Duration KEYS_TIME_TO_LIVE = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(FormGuard.class);
  private static final byte[] CONTEXT =
      "tremplin/web/form-csrf/v1".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ToolKeySource keys;
  private final UnitOfWork database;
  private final Clock clock;
  private final Map<String, SecretKeySpec> macKeys = new ConcurrentHashMap<>();
  private volatile CachedKeys cached = new CachedKeys(List.of(), Instant.MIN);

  private record CachedKeys(List<RSAKey> keys, Instant at) {}

  /**
   * Over the tool's signing keys (for the CSRF key) and the database holding submission ids ({@link
   * WebSchema} must be installed on it).
   */
  public FormGuard(ToolKeySource keys, UnitOfWork database, Clock clock) {
    this.keys = keys;
    this.database = database;
    this.clock = clock;
  }

  /**
   * The hidden fields of a form rendered now for this session (a fresh submission id each call).
   */
  public HiddenFields fields(RequestSession session) {
    byte[] id = new byte[18];
    RANDOM.nextBytes(id);
    return new HiddenFields(
        SessionCookie.PARAMETER,
        session.token(),
        CSRF,
        csrf(session.token()),
        SUBMISSION,
        B64.encodeToString(id));
  }

  /** The CSRF value of the session opened by this token (the same for the session's life). */
  public String csrf(String token) {
    return B64.encodeToString(mac(currentKeys().get(0), token));
  }

  /**
   * Whether {@code presented} is the CSRF value of the session behind {@code token}, under the
   * current key or one retired less than the rotation overlap ago. Constant-time comparison.
   */
  public boolean csrfMatches(String token, @Nullable String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 100) {
      return false;
    }
    byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
    boolean valid = false;
    for (RSAKey key : currentKeys()) {
      valid |=
          MessageDigest.isEqual(
              B64.encodeToString(mac(key, token)).getBytes(StandardCharsets.US_ASCII), given);
    }
    return valid;
  }

  /** What a form's write led to: an address to see next, or a page refusing the input. */
  public sealed interface Submitted {
    /**
     * Accepted: the write is committed with the submission id; the user is sent to {@code next}.
     */
    record Done(URI next) implements Submitted {}

    /**
     * Refused (e.g. invalid input, with errors next to the fields): nothing is written, the
     * submission id is not spent, {@code page} is the answer.
     */
    record Refused(Response page) implements Submitted {}

    /** Accepted, then see {@code next}. */
    static Submitted done(URI next) {
      return new Done(next);
    }

    /** Refused with this page. */
    static Submitted refused(Response page) {
      return new Refused(page);
    }
  }

  /**
   * Runs a form's write once for its submission id ({@value #SUBMISSION} field), in one transaction
   * with the record of the id: the write's core calls join it ({@code UnitOfWork.inTransaction}),
   * so the id is spent exactly when the write commits.
   *
   * <ul>
   *   <li>{@link Submitted.Done}: committed; answers {@code 303} to its address.
   *   <li>{@link Submitted.Refused}: rolled back, the id is not spent; answers its page.
   *   <li>The id was already spent by this person: nothing runs; answers {@code 303} to the address
   *       the first submission led to (or {@code 409} with {@code busy} while that one is still
   *       running).
   *   <li>No valid id: answers {@code 400} with {@code missing} (the form was not one of ours).
   * </ul>
   *
   * An exception thrown by {@code write} rolls back and propagates.
   *
   * @param session the request's session (the id is remembered per person)
   * @param form the posted form
   * @param write validates and writes; must not catch a failed core call and carry on
   * @param refusal the page to answer when the id is missing ({@code 400}) or its first submission
   *     is still running ({@code 409}); takes the status
   */
  public Response once(
      RequestSession session,
      MultivaluedMap<String, String> form,
      Supplier<Submitted> write,
      java.util.function.IntFunction<Response> refusal) {
    String id = form.getFirst(SUBMISSION);
    if (id == null || !SUBMISSION_ID.matcher(id).matches()) {
      return refusal.apply(400);
    }
    String person = session.session().personId();
    try {
      Submitted outcome =
          database.inTransaction(
              h -> {
                h.createUpdate(
                        """
                        insert into tremplin_web_submission (person_id, submission_id, created_at)
                        values (:person, :id, :at)
                        """)
                    .bind("person", person)
                    .bind("id", id)
                    .bind("at", UnitOfWork.timestamp(clock.instant()))
                    .execute();
                rememberName(h, person, session.session().displayName());
                Submitted result = write.get();
                if (result instanceof Submitted.Refused refused) {
                  throw new Rollback(refused);
                }
                URI next = ((Submitted.Done) result).next();
                h.createUpdate(
                        """
                        update tremplin_web_submission set next_location = :next
                        where person_id = :person and submission_id = :id
                        """)
                    .bind("next", next.toString())
                    .bind("person", person)
                    .bind("id", id)
                    .execute();
                return result;
              });
      return Pages.seeOther(((Submitted.Done) outcome).next());
    } catch (Rollback r) {
      return r.refused.page();
    } catch (RuntimeException e) {
      if (!UnitOfWork.isUniqueViolation(e)) {
        throw e;
      }
      Optional<String> first = firstOutcome(person, id);
      LOG.debug(
          "Repeated form submission: {}", first.isPresent() ? "answered as the first" : "busy");
      return first
          .map(next -> Pages.seeOther(URI.create(next)))
          .orElseGet(() -> refusal.apply(409));
    }
  }

  /**
   * Forgets submission ids older than {@link #SUBMISSION_TIME_TO_LIVE} (their sessions are over).
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    Instant cutoff = clock.instant().minus(SUBMISSION_TIME_TO_LIVE);
    return database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_web_submission where created_at < :cutoff")
                .bind("cutoff", UnitOfWork.timestamp(cutoff))
                .execute());
  }

  /**
   * The names the people of these person ids had at their platform when they last wrote through a
   * form ({@link #once} remembers it), for pages that say who did something; ids never seen are
   * absent from the map.
   */
  public Map<String, String> names(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    return database.read(
        h ->
            h.createQuery(
                    "select person_id, display_name from tremplin_web_person"
                        + " where person_id in (<ids>)")
                .bindList("ids", List.copyOf(personIds))
                .reduceRows(
                    new java.util.HashMap<String, String>(),
                    (map, row) -> {
                      map.put(
                          row.getColumn("person_id", String.class),
                          row.getColumn("display_name", String.class));
                      return map;
                    }));
  }

  private void rememberName(org.jdbi.v3.core.Handle h, String person, String displayName) {
    if (displayName.isBlank()) {
      return;
    }
    String name = displayName.length() > 500 ? displayName.substring(0, 500) : displayName;
    int updated =
        h.createUpdate(
                "update tremplin_web_person set display_name = :name, updated_at = :at"
                    + " where person_id = :person")
            .bind("name", name)
            .bind("at", UnitOfWork.timestamp(clock.instant()))
            .bind("person", person)
            .execute();
    if (updated == 0) {
      h.createUpdate(
              "insert into tremplin_web_person (person_id, display_name, updated_at)"
                  + " values (:person, :name, :at) on conflict do nothing")
          .bind("name", name)
          .bind("at", UnitOfWork.timestamp(clock.instant()))
          .bind("person", person)
          .execute();
    }
  }

  private Optional<String> firstOutcome(String person, String id) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select next_location from tremplin_web_submission
                    where person_id = :person and submission_id = :id
                    """)
                .bind("person", person)
                .bind("id", id)
                .mapTo(String.class)
                .findFirst());
  }

  /** Carries a refusal out of the transaction, rolling it back. */
  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Submitted.Refused refused;

    Rollback(Submitted.Refused refused) {
      super(null, null, false, false);
      this.refused = refused;
    }
  }

  private List<RSAKey> currentKeys() {
    CachedKeys now = cached;
    Instant instant = clock.instant();
    if (now.keys().isEmpty() || !instant.isBefore(now.at().plus(KEYS_TIME_TO_LIVE))) {
      now = new CachedKeys(List.copyOf(keys.recentSigningKeys()), instant);
      cached = now;
    }
    return now.keys();
  }

  private byte[] mac(RSAKey key, String token) {
    SecretKeySpec secret =
        macKeys.computeIfAbsent(String.valueOf(key.getKeyID()), kid -> deriveKey(key));
    try {
      byte[] tokenHash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac.doFinal(tokenHash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** HMAC-SHA256 keyed by the private key's encoding, over this use's context string. */
  private static SecretKeySpec deriveKey(RSAKey key) {
    try {
      byte[] privateKey = key.toRSAPrivateKey().getEncoded();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(privateKey, "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(CONTEXT), "HmacSHA256");
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the form key", e);
    }
  }
}
