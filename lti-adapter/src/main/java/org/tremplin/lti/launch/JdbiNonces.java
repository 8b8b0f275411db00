package org.tremplin.lti.launch;

import java.time.Clock;
import java.time.Instant;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * Used nonces in the {@code tremplin_lti_nonce} table (LTI.md §2.8). {@link #consume} inserts the
 * (issuer, nonce) pair; the primary key makes a second insert fail on any node, and that failure
 * means "already used". Rows past their keep-until time are deleted by {@link #purgeExpired}, which
 * the adapter's housekeeping runs off the request path (issue 10, item 4: a purge inside a launch
 * made it wait on locks); a nonce replayed after its row expired but before the purge is still
 * refused (its token has expired anyway). Thread-safe.
 */
public final class JdbiNonces implements Nonces {
  private final UnitOfWork database;
  private final Clock clock;

  /**
   * On this database, reading "now" from the clock.
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   */
  public JdbiNonces(UnitOfWork database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public boolean consume(String issuer, String nonce, Instant keepUntil) {
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
                  .bind("expires", UnitOfWork.timestamp(keepUntil))
                  .execute());
      return true;
    } catch (TremplinException e) {
      if (UnitOfWork.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Whether {@code nonce} of {@code issuer} is recorded (used by an accepted launch and not yet
   * purged); a read, no write.
   *
   * @param issuer the platform's issuer
   * @param nonce the nonce
   * @return whether {@code nonce} of {@code issuer} is recorded (used by an accepted launch and not
   *     yet purged); a read, no write
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

  /**
   * Deletes the nonces past their keep-until time now. Safe on several nodes at once (a row deleted
   * by another node is simply not counted).
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    return database.inTransaction(
        h ->
            h.createUpdate("delete from tremplin_lti_nonce where expires_at < :now")
                .bind("now", UnitOfWork.timestamp(now))
                .execute());
  }
}
