package org.tremplin.lti.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.tremplin.api.TremplinException;
import org.tremplin.core.internal.Database;
import org.tremplin.lti.launch.Nonces;

/**
 * Used nonces in the {@code tremplin_lti_nonce} table (LTI.md §2.8). {@link #consume} inserts the
 * (issuer, nonce) pair; the primary key makes a second insert fail on any node, and that failure
 * means "already used". Rows past their keep-until time are purged opportunistically, at most once
 * per purge interval per instance, by the injected clock. A nonce replayed after its row expired
 * but before the purge is still refused (its token has expired anyway). Thread-safe.
 */
public final class JdbiNonces implements Nonces {
  /** Default minimum interval between two purges of expired nonces. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(1);

  private final Database database;
  private final Clock clock;
  private final Duration purgeInterval;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  /** Purges at most once a minute. */
  public JdbiNonces(Database database, Clock clock) {
    this(database, clock, DEFAULT_PURGE_INTERVAL);
  }

  /** Purges at most once per {@code purgeInterval}. */
  public JdbiNonces(Database database, Clock clock, Duration purgeInterval) {
    this.database = database;
    this.clock = clock;
    this.purgeInterval = purgeInterval;
  }

  @Override
  public boolean consume(String issuer, String nonce, Instant keepUntil) {
    Instant now = clock.instant();
    purgeIfDue(now);
    try {
      database.inTransaction(
          h ->
              h.createUpdate(
                      """
                      insert into tremplin_lti_nonce (issuer, nonce, expires_at)
                      values (:issuer, :nonce, :expires)
                      """)
                  .bind("issuer", issuer)
                  .bind("nonce", nonce)
                  .bind("expires", Database.timestamp(keepUntil))
                  .execute());
      return true;
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Whether {@code nonce} of {@code issuer} is recorded (used by an accepted launch and not yet
   * purged); a read, no write.
   */
  public boolean isUsed(String issuer, String nonce) {
    return database.read(
        h ->
            h.createQuery(
                        "select count(*) from tremplin_lti_nonce where issuer = :issuer and nonce = :nonce")
                    .bind("issuer", issuer)
                    .bind("nonce", nonce)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Deletes the nonces past their keep-until time now, whatever the purge interval. */
  public int purgeExpired() {
    Instant now = clock.instant();
    lastPurge.set(now);
    return database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_lti_nonce where expires_at < :now")
                .bind("now", Database.timestamp(now))
                .execute());
  }

  private void purgeIfDue(Instant now) {
    Instant last = lastPurge.get();
    if (now.isBefore(last.plus(purgeInterval)) || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_lti_nonce where expires_at < :now")
                .bind("now", Database.timestamp(now))
                .execute());
  }
}
