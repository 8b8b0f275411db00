package org.tremplin.lti.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;

/**
 * Short-lived app sessions in the {@code tremplin_lti_session} table (LTI.md §3, last bullet), so
 * that any node can serve the iframe's next request. A session is reached by an opaque bearer token
 * of 256 random bits; only the token's SHA-256 is stored, so a copy of the table opens no session.
 * Sessions past their expiry are never returned, and are deleted by {@link #purgeExpired}, which
 * the adapter's housekeeping runs off the request path. Thread-safe.
 */
public final class JdbiSessions implements Sessions {
  /** Default session lifetime. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);

  private static final int TOKEN_BYTES = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UnitOfWork database;
  private final Clock clock;
  private final Duration timeToLive;
  private final SecureRandom random;

  /**
   * Sessions live one hour.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   */
  public JdbiSessions(UnitOfWork database, Clock clock) {
    this(database, clock, DEFAULT_TIME_TO_LIVE, new SecureRandom());
  }

  /**
   * Sessions live {@code timeToLive}; tokens are drawn from {@code random}.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   * @param timeToLive the time to live
   * @param random the random
   */
  public JdbiSessions(UnitOfWork database, Clock clock, Duration timeToLive, SecureRandom random) {
    this.database = database;
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.random = random;
  }

  /** How long a session lives. */
  public Duration timeToLive() {
    return timeToLive;
  }

  /**
   * Opens a session and stores it under the hash of a fresh token; its expiry is set here (now +
   * time to live), whatever {@code draft.expiresAt()} says.
   *
   * @return the session and its token, which is not kept anywhere else
   */
  public IssuedSession open(AppSession draft) {
    Instant now = clock.instant();
    AppSession session =
        new AppSession(
            draft.personId(),
            draft.displayName(),
            draft.grants(),
            draft.cohortId(),
            draft.pendingLink(),
            draft.locale(),
            now.plus(timeToLive));
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    database.inTransaction(
        h -> {
          Update insert =
              h.createUpdate(
                      """
                      insert into tremplin_lti_session
                        (token_hash, person_id, display_name, grants, cohort_id, pending_link,
                         locale, created_at, expires_at)
                      values (:hash, :person, :name, :grants, :cohort, :pending, :locale,
                              :created, :expires)
                      """)
                  .bind("hash", hash(token))
                  .bind("created", UnitOfWork.timestamp(now));
          return bindSession(insert, session).execute();
        });
    return new IssuedSession(token, session);
  }

  /**
   * Deletes the sessions past their expiry now. Safe on several nodes at once.
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    return database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_lti_session where expires_at <= :now")
                .bind("now", UnitOfWork.timestamp(now))
                .execute());
  }

  /**
   * Replaces what the session behind this token grants (e.g. once its course is linked); its expiry
   * is unchanged.
   *
   * @return the updated session, or empty when the token opens none
   */
  public Optional<AppSession> update(
      String token, List<Grant> grants, @Nullable CohortId cohortId) {
    Optional<AppSession> current = find(token);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    AppSession s = current.get();
    AppSession updated =
        new AppSession(
            s.personId(), s.displayName(), grants, cohortId, null, s.locale(), s.expiresAt());
    database.inTransaction(
        h ->
            bindSession(
                    h.createUpdate(
                            """
                            update tremplin_lti_session
                            set person_id = :person, display_name = :name, grants = :grants,
                                cohort_id = :cohort, pending_link = :pending, locale = :locale,
                                expires_at = :expires
                            where token_hash = :hash
                            """)
                        .bind("hash", hash(token)),
                    updated)
                .execute());
    return Optional.of(updated);
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
                    select person_id, display_name, grants, cohort_id, pending_link, locale,
                           expires_at
                    from tremplin_lti_session
                    where token_hash = :hash and expires_at > :now
                    """)
                .bind("hash", hash(token))
                .bind("now", UnitOfWork.timestamp(now))
                .map((rs, ctx) -> read(rs))
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

  private static Update bindSession(Update update, AppSession session) {
    update
        .bind("person", session.personId())
        .bind("name", session.displayName())
        .bind("grants", writeGrants(session.grants()))
        .bind("locale", session.locale().toLanguageTag())
        .bind("expires", UnitOfWork.timestamp(session.expiresAt()));
    if (session.cohortId() == null) {
      update.bindNull("cohort", Types.OTHER); // a typed null: PostgreSQL wants a uuid
    } else {
      update.bind("cohort", session.cohortId().value());
    }
    if (session.pendingLink() == null) {
      update.bindNull("pending", Types.VARCHAR);
    } else {
      update.bind("pending", writeCourse(session.pendingLink()));
    }
    return update;
  }

  private static AppSession read(ResultSet rs) throws SQLException {
    UUID cohort = rs.getObject("cohort_id", UUID.class);
    String pending = rs.getString("pending_link");
    return new AppSession(
        rs.getString("person_id"),
        rs.getString("display_name"),
        readGrants(rs.getString("grants")),
        cohort == null ? null : new CohortId(cohort),
        pending == null ? null : readCourse(pending),
        Locale.forLanguageTag(rs.getString("locale")),
        UnitOfWork.instant(rs, "expires_at"));
  }

  private static String writeGrants(List<Grant> grants) {
    ArrayNode array = JSON.createArrayNode();
    for (Grant grant : grants) {
      ObjectNode node = array.addObject().put("role", grant.role().name());
      Scope scope = grant.scope();
      if (scope instanceof Scope.OfSchool s) {
        node.put("scope", "school").put("school", id(s.school().value()));
      } else if (scope instanceof Scope.OfCohort c) {
        node.put("scope", "cohort")
            .put("school", id(c.school().value()))
            .put("cohort", id(c.cohort().value()));
      } else if (scope instanceof Scope.OfLearner l) {
        node.put("scope", "learner").put("learner", id(l.learner().value()));
      } else {
        node.put("scope", "network");
      }
    }
    return array.toString();
  }

  private static List<Grant> readGrants(String json) {
    try {
      List<Grant> grants = new ArrayList<>();
      for (JsonNode node : JSON.readTree(json)) {
        Scope scope =
            switch (node.path("scope").asText()) {
              case "network" -> new Scope.Network();
              case "school" -> new Scope.OfSchool(new SchoolId(uuid(node, "school")));
              case "cohort" ->
                  new Scope.OfCohort(
                      new SchoolId(uuid(node, "school")), new CohortId(uuid(node, "cohort")));
              case "learner" -> new Scope.OfLearner(new LearnerId(uuid(node, "learner")));
              default -> throw new IllegalArgumentException("unknown scope");
            };
        grants.add(new Grant(Role.valueOf(node.path("role").asText()), scope));
      }
      return grants;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TremplinException(
          ErrorCode.STORE_FAILURE, "stored session grants are unreadable", e);
    }
  }

  private static String writeCourse(PendingLink link) {
    CourseContext course = link.course();
    ObjectNode node =
        JSON.createObjectNode()
            .put("issuer", course.issuer())
            .put("clientId", course.clientId())
            .put("deploymentId", course.deploymentId())
            .put("contextId", course.contextId())
            .put("school", id(link.school().value()));
    ArrayNode roles = node.putArray("roles");
    link.roles().stream().map(Role::name).sorted().forEach(roles::add);
    return node.toString();
  }

  private static PendingLink readCourse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<Role> roles = new ArrayList<>();
      node.path("roles").forEach(r -> roles.add(Role.valueOf(r.asText())));
      return new PendingLink(
          new CourseContext(
              node.path("issuer").asText(),
              node.path("clientId").asText(),
              node.path("deploymentId").asText(),
              node.path("contextId").asText()),
          new SchoolId(uuid(node, "school")),
          java.util.Set.copyOf(roles));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TremplinException(
          ErrorCode.STORE_FAILURE, "stored session course is unreadable", e);
    }
  }

  private static String id(UUID uuid) {
    return uuid.toString();
  }

  private static UUID uuid(JsonNode node, String field) {
    return UUID.fromString(node.path(field).asText());
  }
}
