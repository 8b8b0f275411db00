package org.tremplin.lti.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;

/**
 * The roster tables ({@code tremplin_lti_roster}, {@code tremplin_lti_roster_member}, migration V5)
 * and the batch reads and links of platform users to learners a sync needs ({@code
 * tremplin_lti_person}: a learner link is only ever added where none was, never re-pointed, as
 * {@code LtiDirectory} does). Every method taking a {@link Handle} runs in the caller's
 * transaction. Thread-safe.
 */
final class JdbiRosters {
  private final UnitOfWork database;

  JdbiRosters(UnitOfWork database) {
    this.database = database;
  }

  /** A stored member row. */
  record Stored(
      String sub,
      String roles,
      MemberStatus status,
      @Nullable String email,
      @Nullable String sourcedid,
      @Nullable LearnerId learner,
      boolean waiting,
      Instant firstSeen,
      Instant lastSeen) {}

  /** A learner a platform user is linked to, and the learner's school. */
  record Linked(LearnerId learner, SchoolId school) {}

  /** Creates the course's roster row if there is none (its own transaction; idempotent). */
  void ensure(CourseContext course, CohortId cohort, Instant now) {
    if (state(course).isPresent()) {
      return;
    }
    try {
      database.inTransaction(
          h ->
              key(
                      h.createUpdate(
                          """
                          insert into tremplin_lti_roster
                            (issuer, client_id, deployment_id, context_id, cohort_id,
                             attempted_at, outcome, members, learners, joined, left_out, inactive)
                          values (:iss, :client, :dep, :ctx, :cohort, :at, 'NEVER', 0, 0, 0, 0, 0)
                          """),
                      course)
                  .bind("cohort", cohort.value())
                  .bind("at", UnitOfWork.timestamp(Instant.EPOCH))
                  .execute());
    } catch (RuntimeException e) {
      if (!UnitOfWork.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  /**
   * Claims the next throttled sync: moves {@code attempted_at} to {@code now} if it is older than
   * {@code notAfter}, atomically (one node wins).
   */
  boolean claim(CourseContext course, Instant now, Instant notAfter) {
    return database.inTransaction(
            h ->
                key(
                        h.createUpdate(
                            """
                            update tremplin_lti_roster set attempted_at = :now
                            where issuer = :iss and client_id = :client and deployment_id = :dep
                              and context_id = :ctx and attempted_at <= :limit
                            """),
                        course)
                    .bind("now", UnitOfWork.timestamp(now))
                    .bind("limit", UnitOfWork.timestamp(notAfter))
                    .execute())
        == 1;
  }

  /** Locks the course's roster row until the transaction ends (one sync per course at a time). */
  void lock(Handle h, CourseContext course) {
    key(
            h.createQuery(
                """
                select cohort_id from tremplin_lti_roster
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx
                for update
                """),
            course)
        .mapTo(UUID.class)
        .one();
  }

  Optional<RosterState> state(CourseContext course) {
    return database.read(
        h ->
            key(
                    h.createQuery(
                        """
                        select * from tremplin_lti_roster
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx
                        """),
                    course)
                .map((rs, ctx) -> state(h, rs, course))
                .findOne()
                .flatMap(s -> s));
  }

  /** The differences link kept from the last applied read, and when that read was. */
  Optional<Map.Entry<String, Instant>> differences(CourseContext course) {
    return database.read(
        h ->
            key(
                    h.createQuery(
                        """
                        select differences_url, read_at from tremplin_lti_roster
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx and differences_url is not null
                          and read_at is not null
                        """),
                    course)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString("differences_url"), UnitOfWork.instant(rs, "read_at")))
                .findOne());
  }

  /** Records an attempt that applied nothing (no service, failure). */
  void recordAttempt(
      CourseContext course, Instant now, RosterState.Kind kind, @Nullable String failure) {
    database.inTransaction(
        h ->
            key(
                    h.createUpdate(
                        """
                        update tremplin_lti_roster
                        set attempted_at = :now, outcome = :kind, failure = :failure
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx
                        """),
                    course)
                .bind("now", UnitOfWork.timestamp(now))
                .bind("kind", kind.name())
                .bind(
                    "failure",
                    failure == null ? null : failure.substring(0, Math.min(500, failure.length())))
                .execute());
  }

  /** Records an applied read. */
  void recordRead(
      Handle h,
      CourseContext course,
      Instant now,
      @Nullable String differences,
      int members,
      int learners,
      int joined,
      int leftOut,
      int inactive) {
    key(
            h.createUpdate(
                """
                update tremplin_lti_roster
                set attempted_at = :now, read_at = :now, outcome = 'SYNCED', failure = null,
                    differences_url = :diff, members = :members, learners = :learners,
                    joined = :joined, left_out = :leftOut, inactive = :inactive
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx
                """),
            course)
        .bind("now", UnitOfWork.timestamp(now))
        .bind("diff", differences)
        .bind("members", members)
        .bind("learners", learners)
        .bind("joined", joined)
        .bind("leftOut", leftOut)
        .bind("inactive", inactive)
        .execute();
  }

  /** The stored members of the course, by sub. */
  Map<String, Stored> members(Handle h, CourseContext course) {
    Map<String, Stored> members = new LinkedHashMap<>();
    key(
            h.createQuery(
                """
                select * from tremplin_lti_roster_member
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx
                order by first_seen_at, sub
                """),
            course)
        .map((rs, ctx) -> stored(rs))
        .forEach(s -> members.put(s.sub(), s));
    return members;
  }

  /** Whether this member of the course is flagged waiting (left out of a full cohort). */
  boolean waiting(CourseContext course, String sub) {
    return database.read(
        h ->
            key(
                    h.createQuery(
                        """
                        select waiting from tremplin_lti_roster_member
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx and sub = :sub
                        """),
                    course)
                .bind("sub", sub)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  /** Replaces the course's member rows by these. */
  void saveMembers(Handle h, CourseContext course, Collection<Stored> members) {
    key(
            h.createUpdate(
                """
                delete from tremplin_lti_roster_member
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx
                """),
            course)
        .execute();
    // two batches: JDBI types a batch's arguments by its first row, and PostgreSQL wants a uuid
    PreparedBatch learners = h.prepareBatch(insertMember("learner_id", ":learner"));
    PreparedBatch others = h.prepareBatch(insertMember("", ""));
    for (Stored m : members) {
      PreparedBatch batch = m.learner() == null ? others : learners;
      if (m.learner() != null) {
        batch.bind("learner", m.learner().value());
      }
      key(batch, course)
          .bind("sub", m.sub())
          .bind("roles", m.roles())
          .bind("status", m.status().name())
          .bind("email", m.email())
          .bind("emailKey", m.email() == null ? null : m.email().toLowerCase(Locale.ROOT))
          .bind("sourcedid", m.sourcedid())
          .bind("waiting", m.waiting())
          .bind("first", UnitOfWork.timestamp(m.firstSeen()))
          .bind("last", UnitOfWork.timestamp(m.lastSeen()))
          .add();
    }
    for (PreparedBatch batch : List.of(learners, others)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  private static String insertMember(String learnerColumn, String learnerValue) {
    String column = learnerColumn.isEmpty() ? "" : ", " + learnerColumn;
    String value = learnerValue.isEmpty() ? "" : ", " + learnerValue;
    return "insert into tremplin_lti_roster_member (issuer, client_id, deployment_id, context_id,"
        + " sub, roles, status, email, email_key, sourcedid, waiting, first_seen_at, last_seen_at"
        + column
        + ") values (:iss, :client, :dep, :ctx, :sub, :roles, :status, :email, :emailKey,"
        + " :sourcedid,"
        + " :waiting, :first, :last"
        + value
        + ")";
  }

  /** The learners these platform users are linked to, with their school. */
  Map<String, Linked> linked(Handle h, String issuer, String clientId, Collection<String> subs) {
    Map<String, Linked> linked = new HashMap<>();
    List<String> all = new ArrayList<>(subs);
    for (int from = 0; from < all.size(); from += 500) {
      h.createQuery(
              """
              select p.sub, p.learner_id, l.school_id from tremplin_lti_person p
              join tremplin_learner l on l.id = p.learner_id
              where p.issuer = :iss and p.client_id = :client and p.sub in (<subs>)
              """)
          .bind("iss", issuer)
          .bind("client", clientId)
          .bindList("subs", all.subList(from, Math.min(all.size(), from + 500)))
          .map(
              (rs, ctx) ->
                  Map.entry(
                      rs.getString("sub"),
                      new Linked(
                          new LearnerId(rs.getObject("learner_id", UUID.class)),
                          new SchoolId(rs.getObject("school_id", UUID.class)))))
          .forEach(e -> linked.put(e.getKey(), e.getValue()));
    }
    return linked;
  }

  /**
   * For each of these members, the one learner of this school some roster lists with the same
   * e-mail (any platform, case ignored), else with the same sourcedid (same issuer); members with
   * none or several such learners are absent. A few queries for the whole roster.
   */
  Map<String, LearnerId> matches(
      Handle h, SchoolId school, String issuer, Collection<RosterMember> members) {
    Map<String, Set<UUID>> byEmail = new HashMap<>();
    Map<String, Set<UUID>> bySourcedid = new HashMap<>();
    List<String> emails =
        members.stream()
            .map(RosterMember::email)
            .filter(java.util.Objects::nonNull)
            .map(e -> e.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    List<String> sourcedids =
        members.stream()
            .map(RosterMember::sourcedid)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    for (int from = 0; from < emails.size(); from += 500) {
      h.createQuery(
              """
              select distinct m.email_key, m.learner_id from tremplin_lti_roster_member m
              join tremplin_learner l on l.id = m.learner_id
              where m.email_key in (<keys>) and l.school_id = :school
              """)
          .bindList("keys", emails.subList(from, Math.min(emails.size(), from + 500)))
          .bind("school", school.value())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
          .forEach(
              e -> byEmail.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    }
    for (int from = 0; from < sourcedids.size(); from += 500) {
      h.createQuery(
              """
              select distinct m.sourcedid, m.learner_id from tremplin_lti_roster_member m
              join tremplin_learner l on l.id = m.learner_id
              where m.issuer = :iss and m.sourcedid in (<ids>) and l.school_id = :school
              """)
          .bind("iss", issuer)
          .bindList("ids", sourcedids.subList(from, Math.min(sourcedids.size(), from + 500)))
          .bind("school", school.value())
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
          .forEach(
              e -> bySourcedid.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    }
    Map<String, LearnerId> matches = new HashMap<>();
    for (RosterMember m : members) {
      Set<UUID> found =
          m.email() == null
              ? Set.of()
              : byEmail.getOrDefault(m.email().toLowerCase(Locale.ROOT), Set.of());
      if (found.size() != 1 && m.sourcedid() != null) {
        found = bySourcedid.getOrDefault(m.sourcedid(), Set.of());
      }
      if (found.size() == 1) {
        matches.put(m.userId(), new LearnerId(found.iterator().next()));
      }
    }
    return matches;
  }

  /**
   * Links platform users to learners: sets the learner of an existing person row that has none, or
   * inserts a person (random id) with the learner. A user already linked to a learner is left as
   * is.
   *
   * @return how many users were linked
   */
  int link(Handle h, String issuer, String clientId, Map<String, LearnerId> links, Instant now) {
    if (links.isEmpty()) {
      return 0;
    }
    Map<String, Boolean> hasPerson = new HashMap<>();
    List<String> subs = new ArrayList<>(links.keySet());
    for (int from = 0; from < subs.size(); from += 500) {
      h.createQuery(
              """
              select sub, learner_id from tremplin_lti_person
              where issuer = :iss and client_id = :client and sub in (<subs>)
              """)
          .bind("iss", issuer)
          .bind("client", clientId)
          .bindList("subs", subs.subList(from, Math.min(subs.size(), from + 500)))
          .map((rs, ctx) -> Map.entry(rs.getString("sub"), rs.getObject("learner_id") == null))
          .forEach(e -> hasPerson.put(e.getKey(), e.getValue()));
    }
    PreparedBatch update =
        h.prepareBatch(
            """
            update tremplin_lti_person set learner_id = :learner
            where issuer = :iss and client_id = :client and sub = :sub and learner_id is null
            """);
    PreparedBatch insert =
        h.prepareBatch(
            """
            insert into tremplin_lti_person (issuer, client_id, sub, person_id, learner_id, created_at)
            values (:iss, :client, :sub, :person, :learner, :at)
            """);
    int linkedCount = 0;
    for (Map.Entry<String, LearnerId> link : links.entrySet()) {
      Boolean free = hasPerson.get(link.getKey());
      if (free == null) {
        insert
            .bind("iss", issuer)
            .bind("client", clientId)
            .bind("sub", link.getKey())
            .bind("person", UUID.randomUUID().toString())
            .bind("learner", link.getValue().value())
            .bind("at", UnitOfWork.timestamp(now))
            .add();
        linkedCount++;
      } else if (free) {
        update
            .bind("learner", link.getValue().value())
            .bind("iss", issuer)
            .bind("client", clientId)
            .bind("sub", link.getKey())
            .add();
        linkedCount++;
      }
    }
    if (insert.size() > 0) {
      insert.execute();
    }
    if (update.size() > 0) {
      update.execute();
    }
    return linkedCount;
  }

  /** The courses linked to this cohort. */
  List<CourseContext> coursesOf(CohortId cohort) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select issuer, client_id, deployment_id, context_id from tremplin_lti_context
                    where cohort_id = :cohort order by linked_at, context_id
                    """)
                .bind("cohort", cohort.value())
                .map(
                    (rs, ctx) ->
                        new CourseContext(
                            rs.getString("issuer"),
                            rs.getString("client_id"),
                            rs.getString("deployment_id"),
                            rs.getString("context_id")))
                .list());
  }

  private Optional<RosterState> state(Handle h, ResultSet rs, CourseContext course)
      throws SQLException {
    String outcome = rs.getString("outcome");
    if (outcome.equals("NEVER")) {
      return Optional.empty();
    }
    Instant readAt = rs.getObject("read_at") == null ? null : UnitOfWork.instant(rs, "read_at");
    CohortId cohort = new CohortId(rs.getObject("cohort_id", UUID.class));
    Instant attempted = UnitOfWork.instant(rs, "attempted_at");
    String failure = rs.getString("failure");
    int members = rs.getInt("members");
    int learners = rs.getInt("learners");
    int inactive = rs.getInt("inactive");
    List<LearnerId> waiting =
        key(
                h.createQuery(
                    """
                    select learner_id from tremplin_lti_roster_member
                    where issuer = :iss and client_id = :client and deployment_id = :dep
                      and context_id = :ctx and waiting and learner_id is not null
                    order by first_seen_at, sub
                    """),
                course)
            .map((r, c) -> new LearnerId(r.getObject("learner_id", UUID.class)))
            .list();
    return Optional.of(
        new RosterState(
            course,
            cohort,
            attempted,
            readAt,
            RosterState.Kind.valueOf(outcome),
            failure,
            members,
            learners,
            waiting,
            inactive));
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    UUID learner = rs.getObject("learner_id", UUID.class);
    return new Stored(
        rs.getString("sub"),
        rs.getString("roles"),
        MemberStatus.valueOf(rs.getString("status")),
        rs.getString("email"),
        rs.getString("sourcedid"),
        learner == null ? null : new LearnerId(learner),
        rs.getBoolean("waiting"),
        UnitOfWork.instant(rs, "first_seen_at"),
        UnitOfWork.instant(rs, "last_seen_at"));
  }

  private static <T extends SqlStatement<T>> T key(T statement, CourseContext c) {
    return statement
        .bind("iss", c.issuer())
        .bind("client", c.clientId())
        .bind("dep", c.deploymentId())
        .bind("ctx", c.contextId());
  }
}
