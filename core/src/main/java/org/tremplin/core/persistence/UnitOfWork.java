package org.tremplin.core.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.HandleCallback;

/**
 * Core's transactions, offered to the modules built on it (ADR 0005): a module writes its own
 * tables in the same transaction as a core service call. Obtained from {@code
 * Tremplin.transactions()}; it runs on the very Jdbi core's services use, so a core call made
 * inside {@link #inTransaction} joins that transaction (same thread, same handle) and commits or
 * rolls back with the module's own writes:
 *
 * <pre>{@code
 * UnitOfWork work = tremplin.transactions();
 * Cohort cohort = work.inTransaction(h -> {
 *   Cohort opened = tremplin.cohorts().open(actor, newCohort); // joins
 *   h.createUpdate("insert into my_module_link ...").execute();  // same transaction
 *   return opened;
 * });
 * }</pre>
 *
 * <p>Database failures become {@code TremplinException(STORE_FAILURE)}; exceptions thrown by the
 * callback (Tremplin's or a module's) pass through unchanged, after the rollback. Inside a unit of
 * work, let a failed core call's exception propagate: catching it and carrying on would commit the
 * rest (and on PostgreSQL a failed statement spoils the whole transaction). Implemented by core
 * only; thread-safe.
 */
public interface UnitOfWork {

  /**
   * Runs the callback in one transaction at the database's default isolation (read committed on H2
   * and PostgreSQL), committing when it returns and rolling back on any exception. Called inside
   * another unit of work or core call on the same thread, it joins the outer transaction.
   *
   * @param <R> the type of the value
   * @param callback what to run
   * @return and rolling back on any exception
   */
  <R> R inTransaction(HandleCallback<R, RuntimeException> callback);

  /**
   * Runs a read on a handle (outside a transaction, or inside the current one on this thread).
   * Database failures become {@code STORE_FAILURE}.
   *
   * @param <R> the type of the value
   * @param callback what to run
   * @return what the callback returns
   */
  <R> R read(HandleCallback<R, RuntimeException> callback);

  /**
   * Applies a module's own migrations on core's database, after core's (which ran when Tremplin was
   * created), with the module's own history table. Idempotent; safe to call at every start.
   *
   * @param schema the module's schema
   * @throws org.tremplin.api.TremplinException {@code STORE_FAILURE} when a migration fails
   */
  void migrate(ModuleSchema schema);

  /**
   * Whether the exception is a unique or primary-key violation (SQLState 23505).
   *
   * @param e the exception
   * @return whether the exception is a unique or primary-key violation (SQLState 23505)
   */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@code timestamp with time zone} column value for an instant (UTC).
   *
   * @param instant the instant
   * @return a {@code timestamp with time zone} column value for an instant (UTC)
   */
  static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * Reads a {@code timestamp with time zone} column.
   *
   * @param rs the result set, on the current row
   * @param column the column
   * @return the instant
   * @throws SQLException when the column cannot be read
   */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
