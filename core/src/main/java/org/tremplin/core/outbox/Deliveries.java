package org.tremplin.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.event.EventEnvelope;
import org.tremplin.api.event.EventId;
import org.tremplin.core.internal.Database;

/**
 * The delivery rows of the outbox, one per (event, consumer), on JDBC. Every method is one short
 * statement (its own transaction unless the caller holds one): claims are atomic because each claim
 * is a conditional update that PostgreSQL and H2 re-check on the row after a concurrent writer
 * commits. Thread-safe.
 */
final class Deliveries {
  /**
   * A claimed delivery.
   *
   * @param envelope the event
   * @param attempts the attempts made, this one included
   */
  record Claim(EventEnvelope envelope, int attempts) {}

  /** The initial lease and next attempt of a new row: long past, so it is due at once. */
  private static final Instant LONG_AGO = Instant.EPOCH;

  private final Jdbi jdbi;

  Deliveries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Creates the missing delivery rows of this consumer (oldest events first, at most {@code
   * limit}); rows another relay creates at the same time are skipped. Returns the rows created.
   */
  int fanOut(String consumer, int limit) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_event_delivery (event_id, consumer, attempts,"
                        + " next_attempt_at, lease_until) select e.id, :consumer, 0, :ago, :ago"
                        + " from tremplin_event e where not exists (select 1 from"
                        + " tremplin_event_delivery d where d.event_id = e.id and d.consumer ="
                        + " :consumer) order by e.seq limit :limit on conflict do nothing")
                .bind("consumer", consumer)
                .bind("ago", Database.timestamp(LONG_AGO))
                .bind("limit", limit)
                .execute());
  }

  /**
   * Claims up to {@code limit} due deliveries of this consumer whose lease has expired (oldest
   * events first): sets the claim token and the lease, counts the attempt. A row claimed by another
   * relay meanwhile fails the re-checked condition and is skipped. Returns every envelope this
   * token holds (a second claim with the same token adds to the first).
   */
  List<Claim> claim(String consumer, UUID token, Instant now, Instant leaseUntil, int limit) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(
                  "update tremplin_event_delivery set claim_token = :token, lease_until = :until,"
                      + " attempts = attempts + 1 where consumer = :consumer and delivered_at is"
                      + " null and next_attempt_at <= :now and lease_until <= :now and event_id in"
                      + " (select d.event_id from tremplin_event_delivery d join tremplin_event e"
                      + " on e.id = d.event_id where d.consumer = :consumer and d.delivered_at is"
                      + " null and d.next_attempt_at <= :now and d.lease_until <= :now order by"
                      + " e.seq limit :limit)")
              .bind("token", token)
              .bind("until", Database.timestamp(leaseUntil))
              .bind("consumer", consumer)
              .bind("now", Database.timestamp(now))
              .bind("limit", limit)
              .execute();
          return h.createQuery(
                  "select e.id, e.kind, e.body, e.occurred_at, d.attempts from"
                      + " tremplin_event_delivery d join"
                      + " tremplin_event e on e.id = d.event_id where d.claim_token = :token"
                      + " order by e.seq")
              .bind("token", token)
              .map(
                  (rs, ctx) ->
                      new Claim(
                          new EventEnvelope(
                              new EventId(rs.getObject("id", UUID.class)),
                              Database.instant(rs, "occurred_at"),
                              EventCodec.read(rs.getString("kind"), rs.getString("body"))),
                          rs.getInt("attempts")))
              .list();
        });
  }

  /** Marks a claimed delivery done; false when the claim was lost (the lease expired). */
  boolean acknowledge(EventId event, String consumer, UUID token, Instant now) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tremplin_event_delivery set delivered_at = :now, claim_token ="
                            + " null, last_error = null where event_id = :event and consumer ="
                            + " :consumer and claim_token = :token")
                    .bind("now", Database.timestamp(now))
                    .bind("event", event.value())
                    .bind("consumer", consumer)
                    .bind("token", token)
                    .execute())
        == 1;
  }

  /**
   * Records a failed attempt: releases the lease, sets the next attempt and the error code. False
   * when the claim was lost (the lease expired).
   */
  boolean fail(
      EventId event, String consumer, UUID token, Instant now, Instant next, String errorCode) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update tremplin_event_delivery set claim_token = null, lease_until ="
                            + " :now, next_attempt_at = :next, last_error = :error where event_id"
                            + " = :event and consumer = :consumer and claim_token = :token")
                    .bind("now", Database.timestamp(now))
                    .bind("next", Database.timestamp(next))
                    .bind("error", errorCode)
                    .bind("event", event.value())
                    .bind("consumer", consumer)
                    .bind("token", token)
                    .execute())
        == 1;
  }

  /**
   * Gives back the deliveries of a claim that were not attempted (the relay is stopping): they are
   * due again at once, their attempt uncounted.
   */
  void release(UUID token, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update tremplin_event_delivery set claim_token = null, lease_until = :now,"
                        + " attempts = attempts - 1 where claim_token = :token")
                .bind("now", Database.timestamp(now))
                .bind("token", token)
                .execute());
  }
}
