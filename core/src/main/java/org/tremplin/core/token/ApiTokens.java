package org.tremplin.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.access.Target;
import org.tremplin.api.school.SchoolService;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.api.token.ApiTokenService;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.internal.Database;

/**
 * API tokens in the database. A token reads {@code tremplin_<id>_<secret>}: the id (32 hex digits)
 * finds the row, the secret (32 random bytes, base64url) is checked against its stored SHA-256 in
 * constant time; a high-entropy secret needs no salt nor a slow hash. Only the hash is stored, so a
 * copy of the database gives no usable token. Every failure to authenticate is {@code
 * TOKEN_INVALID}. Thread-safe.
 *
 * <p>{@link #authenticate} keeps the token rows it has read for {@link #RECHECK_AFTER} (ADR 0015):
 * within that time a request with a known token id costs one SHA-256 and no database read. The
 * secret is still compared and the expiry still judged against the clock on every request; a token
 * revoked through this instance is dropped at once, one revoked elsewhere (another node, the
 * command line) is refused here at most {@link #RECHECK_AFTER} later. Unknown ids are not kept.
 */
public final class ApiTokens implements ApiTokenService {
  /** What every token starts with (so that secret scanners and people recognise one). */
  public static final String PREFIX = "tremplin_";

  /**
   * Roles a token may carry: none that a scope of school or network would widen (a COACH token is
   * narrowed to its coach's caseload by acting as that coach, ADR 0017).
   */
  static final Set<Role> TOKEN_ROLES =
      EnumSet.of(Role.ADMIN, Role.MANAGER, Role.TRAINER, Role.COACH);

  private static final Pattern FORMAT =
      Pattern.compile("tremplin_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

  private static final int SECRET_BYTES = 32;

  /**
   * How long a token row read from the database is trusted before it is read again: the longest a
   * revocation made on another node (or by the command line) takes to hold on this one.
   */
  public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

  /** Token rows kept at most; beyond it, the rows older than {@link #RECHECK_AFTER} go. */
  private static final int KEPT_AT_MOST = 10_000;

  /** Compared against when the id is unknown, so that both paths hash and compare. */
  private static final byte[] NO_HASH = new byte[32];

  private final Database database;
  private final TokenStore store;
  private final SchoolService schools;
  private final AccessRules access;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** A token row as read at {@code readAt}, with its hash decoded. */
  private record Checked(ApiToken token, byte[] hash, Instant readAt) {}

  private final ConcurrentHashMap<ApiTokenId, Checked> checked = new ConcurrentHashMap<>();

  /**
   * Over the migrated database.
   *
   * @param database the database (unit of work)
   * @param jdbi the Jdbi on the migrated database
   * @param schools the schools
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public ApiTokens(
      Database database, Jdbi jdbi, SchoolService schools, AccessRules access, Clock clock) {
    this.database = database;
    this.store = new JdbiTokenStore(jdbi);
    this.schools = schools;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public IssuedToken create(
      Actor actor, Grant grant, String person, String label, @Nullable Instant expiresAt) {
    TremplinException.required(actor, "actor");
    TremplinException.required(grant, "grant");
    TremplinException.required(person, "person");
    TremplinException.required(label, "label");
    Target target = target(grant.scope());
    access.check(actor, Operation.API_TOKEN_ADMIN, target);
    TremplinException.check(
        TOKEN_ROLES.contains(grant.role()),
        "a token may not carry the role " + grant.role() + " (only " + TOKEN_ROLES + ")");
    TremplinException.check(
        grant.role() != Role.COACH || grant.scope() instanceof Scope.OfSchool,
        "a COACH token's scope is one school, not the network");
    TremplinException.check(
        (grant.role() == Role.COACH) == !person.isBlank(),
        "a COACH token names its coach (--person), and only a COACH token does");
    TremplinException.check(
        person.strip().length() <= 200, "a token's person is longer than 200 characters");
    if (grant.role() != Role.ADMIN) {
      // a school's administrator has no learner files: it may not mint a manager's access
      access.check(actor, Operation.API_TOKEN_ADMIN, new Target.OfNetwork());
    }
    if (grant.scope() instanceof Scope.OfSchool s) {
      schools.get(s.school());
    }
    Instant now = clock.instant();
    TremplinException.check(
        expiresAt == null || expiresAt.isAfter(now), "the expiry " + expiresAt + " is not future");
    ApiTokenId id = ApiTokenId.random();
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token =
        new ApiToken(id, grant, person.strip(), label.strip(), actor.id(), now, expiresAt, null);
    database.inTransaction(
        h -> {
          store.insert(token, HexFormat.of().formatHex(sha256(secret)));
          return token;
        });
    return new IssuedToken(token, PREFIX + hex(id.value()) + "_" + secret);
  }

  @Override
  public ApiToken revoke(Actor actor, ApiTokenId id) {
    TremplinException.required(actor, "actor");
    TremplinException.required(id, "token id");
    try {
      return database.inTransaction(
          h -> {
            ApiToken token = stored(id).token();
            access.check(actor, Operation.API_TOKEN_ADMIN, target(token.grant().scope()));
            store.revoke(id, clock.instant(), actor.id());
            checked.remove(id);
            return stored(id).token();
          });
    } finally {
      checked.remove(id); // again once committed: a request may have read the row meanwhile
    }
  }

  @Override
  public List<ApiToken> list(Actor actor, Scope scope) {
    TremplinException.required(actor, "actor");
    Target target = target(TremplinException.required(scope, "scope"));
    access.check(actor, Operation.API_TOKEN_ADMIN, target);
    return database.read(
        h -> scope instanceof Scope.OfSchool s ? store.ofSchool(s.school()) : store.all());
  }

  @Override
  public Actor authenticate(String presented) {
    Matcher m = FORMAT.matcher(presented == null ? "" : presented.strip());
    if (!m.matches()) {
      throw invalid();
    }
    ApiTokenId id = new ApiTokenId(uuid(m.group(1)));
    Instant now = clock.instant();
    Checked known = checked.get(id);
    if (known == null
        || now.isBefore(known.readAt())
        || !now.isBefore(known.readAt().plus(RECHECK_AFTER))) {
      Optional<TokenStore.Stored> stored = database.read(h -> store.find(id));
      if (stored.isEmpty()) {
        MessageDigest.isEqual(sha256(m.group(2)), NO_HASH); // the same work as a known id
        throw invalid();
      }
      known =
          new Checked(
              stored.get().token(), HexFormat.of().parseHex(stored.get().secretHash()), now);
      keep(id, known, now);
    }
    if (!MessageDigest.isEqual(sha256(m.group(2)), known.hash()) || !known.token().activeAt(now)) {
      throw invalid();
    }
    ApiToken token = known.token();
    // a coach's token acts as the coach: the access rules reach their caseload by their id
    return new Actor(
        token.person().isEmpty() ? "token:" + id : token.person(), List.of(token.grant()));
  }

  private void keep(ApiTokenId id, Checked row, Instant now) {
    if (checked.size() >= KEPT_AT_MOST) {
      checked.values().removeIf(c -> !now.isBefore(c.readAt().plus(RECHECK_AFTER)));
      if (checked.size() >= KEPT_AT_MOST) {
        checked.clear();
      }
    }
    checked.put(id, row);
  }

  private TokenStore.Stored stored(ApiTokenId id) {
    return store
        .find(id)
        .orElseThrow(
            () -> new TremplinException(ErrorCode.TOKEN_NOT_FOUND, "no API token with id " + id));
  }

  private static Target target(Scope scope) {
    if (scope instanceof Scope.Network) {
      return new Target.OfNetwork();
    }
    if (scope instanceof Scope.OfSchool s) {
      return new Target.OfSchool(s.school());
    }
    throw new TremplinException(
        ErrorCode.INVALID_ARGUMENT, "a token's scope is a school or the network, not " + scope);
  }

  private static TremplinException invalid() {
    return new TremplinException(ErrorCode.TOKEN_INVALID, "API token not accepted");
  }

  private static String hex(UUID id) {
    return id.toString().replace("-", "");
  }

  private static UUID uuid(String hex32) {
    return UUID.fromString(
        hex32.substring(0, 8)
            + "-"
            + hex32.substring(8, 12)
            + "-"
            + hex32.substring(12, 16)
            + "-"
            + hex32.substring(16, 20)
            + "-"
            + hex32.substring(20));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
