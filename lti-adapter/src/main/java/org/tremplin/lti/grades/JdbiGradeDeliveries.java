package org.tremplin.lti.grades;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.evidence.EvidenceId;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * The adapter's grade tables (migration V6): scores keyed by evidence id, line items found or
 * created once per course, lanes (one per line item and learner) with their last timestamp and
 * lease, and the LMS results already imported. Every write is one short transaction; no HTTP call
 * runs inside one. Thread-safe.
 */
public final class JdbiGradeDeliveries implements GradeDeliveries {
  /** States of a score row. */
  enum State {
    PENDING,
    SENT,
    REFUSED,
    SUPERSEDED
  }

  /** A score to send (or sent), as stored. */
  record Queued(
      EvidenceId evidence,
      CohortId cohort,
      LearnerId learner,
      String competency,
      String lane,
      String issuer,
      String clientId,
      URI lineItems,
      String resourceId,
      String userSub,
      double given,
      double maximum,
      Instant occurredAt) {}

  private final UnitOfWork database;

  /**
   * On this database (the adapter's tables installed).
   *
   * @param database the database (unit of work)
   */
  public JdbiGradeDeliveries(UnitOfWork database) {
    this.database = TremplinException.required(database, "database");
  }

  /** The lane of a (platform, line item, user): hex SHA-256 of the parts. */
  static String lane(
      String issuer, String clientId, URI lineItems, String resourceId, String userSub) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key =
          String.join("\u0000", issuer, clientId, lineItems.toString(), resourceId, userSub);
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The learner's platform user id ({@code sub}) on this registration, if linked. */
  Optional<String> subOf(String issuer, String clientId, LearnerId learner) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select sub from tremplin_lti_person
                    where issuer = :issuer and client_id = :client and learner_id = :learner
                    order by created_at, sub
                    """)
                .bind("issuer", issuer)
                .bind("client", clientId)
                .bind("learner", learner.value())
                .mapTo(String.class)
                .findFirst());
  }

  /** The learner of this platform user, if linked. */
  Optional<LearnerId> learnerOf(String issuer, String clientId, String sub) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select learner_id from tremplin_lti_person
                    where issuer = :issuer and client_id = :client and sub = :sub
                      and learner_id is not null
                    """)
                .bind("issuer", issuer)
                .bind("client", clientId)
                .bind("sub", sub)
                .mapTo(UUID.class)
                .findFirst()
                .map(LearnerId::new));
  }

  /**
   * Records a score once per evidence; false when it was already recorded (a repeated delivery:
   * nothing is written, no error raised).
   */
  boolean enqueue(Queued s, Instant now) {
    return database.inTransaction(
            h ->
                h.createUpdate(
                        """
                        insert into tremplin_lti_score (evidence_id, cohort_id, learner_id,
                          competency, lane, issuer, client_id, line_items, resource_id, user_sub,
                          score_given, score_maximum, occurred_at, state, attempts, updated_at)
                        select :evidence, :cohort, :learner, :competency, :lane, :issuer, :client,
                          :lineItems, :resourceId, :sub, :given, :maximum, :occurred, 'PENDING', 0,
                          :now
                        where not exists
                          (select 1 from tremplin_lti_score where evidence_id = :evidence)
                        on conflict do nothing
                        """)
                    .bind("evidence", s.evidence().value())
                    .bind("cohort", s.cohort().value())
                    .bind("learner", s.learner().value())
                    .bind("competency", s.competency())
                    .bind("lane", s.lane())
                    .bind("issuer", s.issuer())
                    .bind("client", s.clientId())
                    .bind("lineItems", s.lineItems().toString())
                    .bind("resourceId", s.resourceId())
                    .bind("sub", s.userSub())
                    .bind("given", BigDecimal.valueOf(s.given()))
                    .bind("maximum", BigDecimal.valueOf(s.maximum()))
                    .bind("occurred", UnitOfWork.timestamp(s.occurredAt()))
                    .bind("now", UnitOfWork.timestamp(now))
                    .execute())
        == 1;
  }

  /** The lane's scores still to send, in the order they were recorded in Tremplin. */
  List<Queued> pending(String lane) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select * from tremplin_lti_score where lane = :lane and state = 'PENDING'
                    order by occurred_at, seq
                    """)
                .bind("lane", lane)
                .map(
                    (rs, ctx) ->
                        new Queued(
                            new EvidenceId(rs.getObject("evidence_id", UUID.class)),
                            new CohortId(rs.getObject("cohort_id", UUID.class)),
                            new LearnerId(rs.getObject("learner_id", UUID.class)),
                            rs.getString("competency"),
                            rs.getString("lane"),
                            rs.getString("issuer"),
                            rs.getString("client_id"),
                            URI.create(rs.getString("line_items")),
                            rs.getString("resource_id"),
                            rs.getString("user_sub"),
                            rs.getBigDecimal("score_given").doubleValue(),
                            rs.getBigDecimal("score_maximum").doubleValue(),
                            UnitOfWork.instant(rs, "occurred_at")))
                .list());
  }

  /** When the latest assessment already accepted by the platform in this lane was recorded. */
  Optional<Instant> latestSent(String lane) {
    return database.read(
        h ->
            h.createQuery(
                    "select max(occurred_at) from tremplin_lti_score where lane = :lane"
                        + " and state = 'SENT'")
                .bind("lane", lane)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .findFirst()
                .flatMap(o -> o)
                .map(OffsetDateTime::toInstant));
  }

  /** The score last accepted in this lane (given, maximum), if any. */
  Optional<double[]> lastSentScore(String lane) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select score_given, score_maximum from tremplin_lti_score
                    where lane = :lane and state = 'SENT' order by sent_stamp desc
                    """)
                .bind("lane", lane)
                .map(
                    (rs, ctx) ->
                        new double[] {
                          rs.getBigDecimal(1).doubleValue(), rs.getBigDecimal(2).doubleValue()
                        })
                .findFirst());
  }

  /**
   * Takes the lane's lease for this holder until {@code until}: true when free, expired or already
   * this holder's. One holder at a time sends a lane's scores, so they arrive in order.
   */
  boolean takeLane(String lane, String holder, Instant now, Instant until) {
    return database.inTransaction(
        h -> {
          h.createUpdate(
                  """
                  insert into tremplin_lti_score_lane (lane)
                  select :lane where not exists
                    (select 1 from tremplin_lti_score_lane where lane = :lane)
                  on conflict do nothing
                  """)
              .bind("lane", lane)
              .execute();
          return h.createUpdate(
                      """
                      update tremplin_lti_score_lane set holder = :holder, lease_until = :until
                      where lane = :lane
                        and (lease_until is null or lease_until <= :now or holder = :holder)
                      """)
                  .bind("lane", lane)
                  .bind("holder", holder)
                  .bind("now", UnitOfWork.timestamp(now))
                  .bind("until", UnitOfWork.timestamp(until))
                  .execute()
              == 1;
        });
  }

  /** Gives the lane back (only if this holder still holds it). */
  void releaseLane(String lane, String holder) {
    database.inTransaction(
        h ->
            h.createUpdate(
                    "update tremplin_lti_score_lane set holder = null, lease_until = null"
                        + " where lane = :lane and holder = :holder")
                .bind("lane", lane)
                .bind("holder", holder)
                .execute());
  }

  /** The last score timestamp used in this lane (sent or tried), if any. */
  Optional<Instant> lastStamp(String lane) {
    return database.read(
        h ->
            h.createQuery("select last_stamp from tremplin_lti_score_lane where lane = :lane")
                .bind("lane", lane)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .findFirst()
                .flatMap(o -> o)
                .map(OffsetDateTime::toInstant));
  }

  /**
   * After a 409 on {@code stamp}: the lane's next timestamp goes to the next whole second (Moodle
   * compares seconds), and not before {@code now} (the platform's grade is older than now).
   */
  void conflicted(String lane, Instant stamp, Instant now) {
    Instant bumped = stamp.truncatedTo(ChronoUnit.SECONDS).plusMillis(999);
    Instant last = now.truncatedTo(ChronoUnit.MILLIS).isAfter(bumped) ? now : bumped;
    database.inTransaction(
        h ->
            h.createUpdate(
                    "update tremplin_lti_score_lane set last_stamp = :stamp where lane = :lane"
                        + " and last_stamp < :stamp")
                .bind("lane", lane)
                .bind("stamp", UnitOfWork.timestamp(last.truncatedTo(ChronoUnit.MILLIS)))
                .execute());
  }

  /**
   * Records the outcome of an attempt to send this score, and its timestamp as its lane's last one
   * (unless a later one is recorded), in one transaction.
   */
  void record(
      EvidenceId evidence, State state, Instant stamp, int status, String answer, Instant now) {
    database.inTransaction(
        h -> {
          h.createUpdate(
                  """
                  update tremplin_lti_score_lane set last_stamp = :stamp
                  where lane = (select lane from tremplin_lti_score where evidence_id = :evidence)
                    and (last_stamp is null or last_stamp < :stamp)
                  """)
              .bind("evidence", evidence.value())
              .bind("stamp", UnitOfWork.timestamp(stamp))
              .execute();
          return h.createUpdate(
                  """
                    update tremplin_lti_score set state = :state, attempts = attempts + 1,
                      sent_stamp = :stamp, http_status = :status, answer = :answer,
                      updated_at = :now
                    where evidence_id = :evidence
                    """)
              .bind("evidence", evidence.value())
              .bind("state", state.name())
              .bind("stamp", UnitOfWork.timestamp(stamp))
              .bind("status", status)
              .bind("answer", answer.length() > 2000 ? answer.substring(0, 2000) : answer)
              .bind("now", UnitOfWork.timestamp(now))
              .execute();
        });
  }

  /** Marks a score never to be sent: a later one of its lane already reached the gradebook. */
  void supersede(EvidenceId evidence, Instant now) {
    database.inTransaction(
        h ->
            h.createUpdate(
                    "update tremplin_lti_score set state = 'SUPERSEDED', updated_at = :now"
                        + " where evidence_id = :evidence and state = 'PENDING'")
                .bind("evidence", evidence.value())
                .bind("now", UnitOfWork.timestamp(now))
                .execute());
  }

  /** The stored line item URL for this course container, resource id and tag. */
  Optional<URI> lineItem(URI lineItems, String resourceId, String tag) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select line_item from tremplin_lti_line_item
                    where line_items = :items and resource_id = :rid and tag = :tag
                      and line_item is not null
                    """)
                .bind("items", lineItems.toString())
                .bind("rid", resourceId)
                .bind("tag", tag)
                .mapTo(String.class)
                .findFirst()
                .map(URI::create));
  }

  /**
   * Claims the creation of this line item until {@code until}: false when another node is creating
   * it (or it exists). A claim whose time has passed (a crash) is taken over.
   */
  boolean claimCreation(URI lineItems, String resourceId, String tag, Instant now, Instant until) {
    return database.inTransaction(
        h -> {
          int taken =
              h.createUpdate(
                      """
                      update tremplin_lti_line_item set claimed_until = :until
                      where line_items = :items and resource_id = :rid and tag = :tag
                        and line_item is null and claimed_until <= :now
                      """)
                  .bind("items", lineItems.toString())
                  .bind("rid", resourceId)
                  .bind("tag", tag)
                  .bind("now", UnitOfWork.timestamp(now))
                  .bind("until", UnitOfWork.timestamp(until))
                  .execute();
          if (taken == 1) {
            return true;
          }
          return h.createUpdate(
                      """
                      insert into tremplin_lti_line_item (line_items, resource_id, tag,
                        claimed_until, created_at)
                      select :items, :rid, :tag, :until, :now where not exists
                        (select 1 from tremplin_lti_line_item
                         where line_items = :items and resource_id = :rid and tag = :tag)
                      on conflict do nothing
                      """)
                  .bind("items", lineItems.toString())
                  .bind("rid", resourceId)
                  .bind("tag", tag)
                  .bind("now", UnitOfWork.timestamp(now))
                  .bind("until", UnitOfWork.timestamp(until))
                  .execute()
              == 1;
        });
  }

  /** Stores the line item found or created (keeps one already stored). */
  void storeLineItem(URI lineItems, String resourceId, String tag, URI lineItem, Instant now) {
    database.inTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      """
                      update tremplin_lti_line_item set line_item = :item, claimed_until = null
                      where line_items = :items and resource_id = :rid and tag = :tag
                        and line_item is null
                      """)
                  .bind("items", lineItems.toString())
                  .bind("rid", resourceId)
                  .bind("tag", tag)
                  .bind("item", lineItem.toString())
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    """
                    insert into tremplin_lti_line_item (line_items, resource_id, tag, line_item,
                      created_at)
                    select :items, :rid, :tag, :item, :now where not exists
                      (select 1 from tremplin_lti_line_item
                       where line_items = :items and resource_id = :rid and tag = :tag)
                    on conflict do nothing
                    """)
                .bind("items", lineItems.toString())
                .bind("rid", resourceId)
                .bind("tag", tag)
                .bind("item", lineItem.toString())
                .bind("now", UnitOfWork.timestamp(now))
                .execute();
          }
          return null;
        });
  }

  /**
   * Graded activities were placed in this course (deep linking): the platform creates their line
   * items when it receives the response. Until {@code until}, a stored free-standing column of
   * those resource ids is not trusted and none is created: the publisher looks the course's line
   * items up again and keeps the placed activity's column once it appears ({@link
   * GradePublisher#preferred}).
   *
   * @param lineItems the course's line items service
   * @param resourceIds the resource ids of the placed graded activities
   * @param now the time of the placement
   * @param until how long the activities' columns are awaited
   */
  public void placed(URI lineItems, Collection<String> resourceIds, Instant now, Instant until) {
    database.inTransaction(
        h -> {
          for (String resourceId : resourceIds) {
            int updated =
                h.createUpdate(
                        """
                        update tremplin_lti_placed_line_item set placed_until = :until
                        where line_items = :items and resource_id = :rid and tag = :tag
                        """)
                    .bind("items", lineItems.toString())
                    .bind("rid", resourceId)
                    .bind("tag", Ags.TAG)
                    .bind("until", UnitOfWork.timestamp(until))
                    .execute();
            if (updated == 0) {
              h.createUpdate(
                      """
                      insert into tremplin_lti_placed_line_item (line_items, resource_id, tag,
                        placed_until)
                      select :items, :rid, :tag, :until where not exists
                        (select 1 from tremplin_lti_placed_line_item
                         where line_items = :items and resource_id = :rid and tag = :tag)
                      on conflict do nothing
                      """)
                  .bind("items", lineItems.toString())
                  .bind("rid", resourceId)
                  .bind("tag", Ags.TAG)
                  .bind("until", UnitOfWork.timestamp(until))
                  .execute();
            }
          }
          return null;
        });
  }

  /**
   * What is stored of a line item: its URL (empty while none) and, when a placed activity's column
   * was awaited, until when (see {@link #placed}).
   *
   * @param lineItem the stored line item, or null
   * @param placedUntil until when the placed activity's column is awaited, or null
   */
  record StoredLineItem(@Nullable URI lineItem, @Nullable Instant placedUntil) {
    Optional<URI> url() {
      return Optional.ofNullable(lineItem);
    }

    /** Whether the placed activity's column is still awaited at {@code now}. */
    boolean awaitedAt(Instant now) {
      return placedUntil != null && now.isBefore(placedUntil);
    }
  }

  /** {@link #lineItem} and, in the same read, until when a placed activity's column is awaited. */
  StoredLineItem storedLineItem(URI lineItems, String resourceId, String tag) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select
                      (select l.line_item from tremplin_lti_line_item l
                        where l.line_items = :items and l.resource_id = :rid and l.tag = :tag
                          and l.line_item is not null fetch first row only) as line_item,
                      (select p.placed_until from tremplin_lti_placed_line_item p
                        where p.line_items = :items and p.resource_id = :rid and p.tag = :tag
                        fetch first row only) as placed_until
                    """)
                .bind("items", lineItems.toString())
                .bind("rid", resourceId)
                .bind("tag", tag)
                .map(
                    (rs, ctx) -> {
                      String url = rs.getString("line_item");
                      OffsetDateTime until = rs.getObject("placed_until", OffsetDateTime.class);
                      return new StoredLineItem(
                          url == null ? null : URI.create(url),
                          until == null ? null : until.toInstant());
                    })
                .one());
  }

  /** The placed activity's column appeared: it replaces whatever was stored, for good. */
  void storePlacedLineItem(
      URI lineItems, String resourceId, String tag, URI lineItem, Instant now) {
    database.inTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      """
                      update tremplin_lti_line_item
                      set line_item = :item, claimed_until = null
                      where line_items = :items and resource_id = :rid and tag = :tag
                      """)
                  .bind("items", lineItems.toString())
                  .bind("rid", resourceId)
                  .bind("tag", tag)
                  .bind("item", lineItem.toString())
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    """
                    insert into tremplin_lti_line_item (line_items, resource_id, tag, line_item,
                      created_at)
                    values (:items, :rid, :tag, :item, :now)
                    """)
                .bind("items", lineItems.toString())
                .bind("rid", resourceId)
                .bind("tag", tag)
                .bind("item", lineItem.toString())
                .bind("now", UnitOfWork.timestamp(now))
                .execute();
          }
          h.createUpdate(
                  """
                  delete from tremplin_lti_placed_line_item
                  where line_items = :items and resource_id = :rid and tag = :tag
                  """)
              .bind("items", lineItems.toString())
              .bind("rid", resourceId)
              .bind("tag", tag)
              .execute();
          return null;
        });
  }

  /** Forgets a line item (the platform no longer has it, or a creation claim failed). */
  void forgetLineItem(URI lineItems, String resourceId, String tag) {
    database.inTransaction(
        h ->
            h.createUpdate(
                    "delete from tremplin_lti_line_item"
                        + " where line_items = :items and resource_id = :rid and tag = :tag")
                .bind("items", lineItems.toString())
                .bind("rid", resourceId)
                .bind("tag", tag)
                .execute());
  }

  /** The LMS result last imported in this lane (score, maximum), if any. */
  Optional<double[]> lastImport(String lane) {
    return database.read(
        h ->
            h.createQuery(
                    "select result_score, result_max from tremplin_lti_lms_result where lane = :lane")
                .bind("lane", lane)
                .map(
                    (rs, ctx) ->
                        new double[] {
                          rs.getBigDecimal(1).doubleValue(), rs.getBigDecimal(2).doubleValue()
                        })
                .findFirst());
  }

  /** Records an imported LMS result (inside the transaction that recorded its evidence). */
  void recordImport(
      Handle h, String lane, double score, double maximum, EvidenceId evidence, Instant now) {
    h.createUpdate("delete from tremplin_lti_lms_result where lane = :lane")
        .bind("lane", lane)
        .execute();
    h.createUpdate(
            """
            insert into tremplin_lti_lms_result (lane, result_score, result_max, evidence_id,
              imported_at) values (:lane, :score, :max, :evidence, :now)
            """)
        .bind("lane", lane)
        .bind("score", BigDecimal.valueOf(score))
        .bind("max", BigDecimal.valueOf(maximum))
        .bind("evidence", evidence.value())
        .bind("now", UnitOfWork.timestamp(now))
        .execute();
  }

  UnitOfWork database() {
    return database;
  }

  @Override
  public List<RefusedScore> failures(CohortId cohort) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select evidence_id, learner_id, competency, http_status, answer, updated_at
                    from tremplin_lti_score where cohort_id = :cohort and state = 'REFUSED'
                    order by updated_at desc, seq desc
                    """)
                .bind("cohort", cohort.value())
                .map(
                    (rs, ctx) ->
                        new RefusedScore(
                            new EvidenceId(rs.getObject("evidence_id", UUID.class)),
                            new LearnerId(rs.getObject("learner_id", UUID.class)),
                            rs.getString("competency"),
                            rs.getInt("http_status"),
                            rs.getString("answer") == null ? "" : rs.getString("answer"),
                            UnitOfWork.instant(rs, "updated_at")))
                .list());
  }

  @Override
  public ScoreCounts counts(CohortId cohort) {
    return database.read(
        h -> {
          int[] n = new int[State.values().length];
          h.createQuery(
                  "select state, count(*) from tremplin_lti_score where cohort_id = :cohort"
                      + " group by state")
              .bind("cohort", cohort.value())
              .map((rs, ctx) -> n[State.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2))
              .list();
          return new ScoreCounts(
              n[State.PENDING.ordinal()],
              n[State.SENT.ordinal()],
              n[State.REFUSED.ordinal()],
              n[State.SUPERSEDED.ordinal()]);
        });
  }
}
