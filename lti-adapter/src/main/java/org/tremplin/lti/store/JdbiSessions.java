package org.tremplin.lti.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Role;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.core.internal.Database;

/**
 * Short-lived app sessions in the {@code tremplin_lti_session} table (LTI.md §3, last bullet), so
 * that any node can serve the iframe's next request. A session is reached by an opaque bearer token
 * of 256 random bits; only the token's SHA-256 is stored, so a copy of the table opens no session.
 * Sessions past their expiry are never returned, and are purged when a new one is opened, by the
 * injected clock. Thread-safe.
 */
public final class JdbiSessions {
  /** Default session lifetime. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);

  private static final int TOKEN_BYTES = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final Clock clock;
  private final Duration timeToLive;
  private final SecureRandom random;

  /** Sessions live one hour. */
  public JdbiSessions(Database database, Clock clock) {
    this(database, clock, DEFAULT_TIME_TO_LIVE, new SecureRandom());
  }

  /** Sessions live {@code timeToLive}; tokens are drawn from {@code random}. */
  public JdbiSessions(Database database, Clock clock, Duration timeToLive, SecureRandom random) {
    this.database = database;
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.random = random;
  }

  /**
   * Opens a session for this actor and stores it under the hash of a fresh token.
   *
   * @return the session and its token, which is not kept anywhere else
   */
  public IssuedSession open(String actorId, Set<Role> roles, @Nullable CohortId cohortId) {
    Instant now = clock.instant();
    AppSession session = new AppSession(actorId, roles, cohortId, now.plus(timeToLive));
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    database.inTransaction(
        h -> {
          h.createUpdate("delete from tremplin_lti_session where expires_at <= :now")
              .bind("now", Database.timestamp(now))
              .execute();
          Update insert =
              h.createUpdate(
                      """
                  insert into tremplin_lti_session
                    (token_hash, actor_id, roles, cohort_id, created_at, expires_at)
                  values (:hash, :actor, :roles, :cohort, :created, :expires)
                  """)
                  .bind("hash", hash(token))
                  .bind("actor", actorId)
                  .bind("roles", writeRoles(session.roles()))
                  .bind("created", Database.timestamp(now))
                  .bind("expires", Database.timestamp(session.expiresAt()));
          if (cohortId == null) {
            insert.bindNull("cohort", Types.OTHER); // a typed null: PostgreSQL wants a uuid
          } else {
            insert.bind("cohort", cohortId.value());
          }
          return insert.execute();
        });
    return new IssuedSession(token, session);
  }

  /**
   * The session this token opens.
   *
   * @return the session, or empty when the token is unknown, expired or was expired on purpose
   */
  public Optional<AppSession> find(String token) {
    Instant now = clock.instant();
    return database.read(
        h ->
            h.createQuery(
                    """
                    select actor_id, roles, cohort_id, expires_at from tremplin_lti_session
                    where token_hash = :hash and expires_at > :now
                    """)
                .bind("hash", hash(token))
                .bind("now", Database.timestamp(now))
                .map(
                    (rs, ctx) -> {
                      UUID cohort = rs.getObject("cohort_id", UUID.class);
                      return new AppSession(
                          rs.getString("actor_id"),
                          readRoles(rs.getString("roles")),
                          cohort == null ? null : new CohortId(cohort),
                          Database.instant(rs, "expires_at"));
                    })
                .findOne());
  }

  /**
   * Ends the session this token opens (logout); does nothing when there is none.
   *
   * @return whether a session was ended
   */
  public boolean expire(String token) {
    return database.inTransaction(
            h ->
                h.createUpdate("delete from tremplin_lti_session where token_hash = :hash")
                    .bind("hash", hash(token))
                    .execute())
        > 0;
  }

  /** The stored form of a token: hex SHA-256 of its UTF-8 bytes. */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String writeRoles(Set<Role> roles) {
    try {
      return JSON.writeValueAsString(roles.stream().map(Role::name).sorted().toList());
    } catch (JsonProcessingException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot write session roles", e);
    }
  }

  private static Set<Role> readRoles(String json) {
    try {
      return Arrays.stream(JSON.readValue(json, String[].class))
          .map(Role::valueOf)
          .collect(Collectors.toUnmodifiableSet());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TremplinException(
          ErrorCode.STORE_FAILURE, "stored session roles are unreadable", e);
    }
  }
}
