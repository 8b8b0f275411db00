package org.tremplin.core.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;

/**
 * Opens Tremplin's database: runs the Flyway migrations (own history table) and gives a Jdbi.
 * Thread-safe.
 */
public final class Database {
  /** Flyway's history table, prefixed like every Tremplin table. */
  public static final String HISTORY_TABLE = "tremplin_schema_history";

  /** Settings Tremplin appends to a plain H2 URL so that one set of migrations serves both. */
  public static final String H2_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * The setting Tremplin appends to an H2 URL that does not choose its own: each commit is written
   * to the file before it returns (H2's default, 500 ms, loses the last commits when the process
   * dies; docs/configuration.md says what H2 promises).
   */
  public static final String H2_DURABLE = ";WRITE_DELAY=0";

  private final Jdbi jdbi;

  private Database(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Migrates the schema then wraps the data source. */
  public static Database open(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations("classpath:org/tremplin/core/db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return new Database(Jdbi.create(dataSource));
  }

  /** The Jdbi on the migrated database. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs the callback in one transaction, at the database's default isolation (read committed on H2
   * and PostgreSQL: asking for it explicitly costs pgjdbc a server round trip per transaction);
   * rolls back on any exception. Nested calls on the same thread join the outer transaction.
   * Database failures become {@code STORE_FAILURE}; Tremplin's own exceptions pass through.
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (TremplinException e) {
      throw e;
    } catch (JdbiException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "database operation failed", e);
    }
  }

  /** Runs a read on a handle; database failures become {@code STORE_FAILURE}. */
  public <R> R read(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (TremplinException e) {
      throw e;
    } catch (JdbiException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "database read failed", e);
    }
  }

  /** Whether the exception is a unique or primary-key violation (SQLState 23505). */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A timestamp column value for an instant (UTC). */
  public static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Reads a timestamp-with-time-zone column. */
  public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /**
   * Appends {@link #H2_MODE} to a plain H2 URL and {@link #H2_DURABLE} to an H2 URL that sets no
   * {@code WRITE_DELAY}, and {@code reWriteBatchedInserts=true} to a PostgreSQL URL that does not
   * set it (attendance batches become multi-row inserts); leaves any other URL untouched.
   */
  public static String normalizeUrl(String url) {
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      String normalized = upper.contains(";MODE=") ? url : url + H2_MODE;
      return upper.contains(";WRITE_DELAY=") ? normalized : normalized + H2_DURABLE;
    }
    if (url.startsWith("jdbc:postgresql:") && !upper.contains("REWRITEBATCHEDINSERTS")) {
      return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    return url;
  }

  /**
   * A minimal data source over {@link DriverManager}, for the command line and tests. Hosts with a
   * pool should pass their own data source instead.
   */
  public static DataSource driverManager(String url, String user, String password) {
    String normalized = normalizeUrl(url);
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(normalized, user, password);
      }

      @Override
      public Connection getConnection(String u, String p) throws SQLException {
        return DriverManager.getConnection(normalized, u, p);
      }

      @Override
      public PrintWriter getLogWriter() {
        return new PrintWriter(System.err);
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
