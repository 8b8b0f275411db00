package org.tremplin.core.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.ModuleSchema;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * Opens Tremplin's database: runs core's Flyway migrations (own history table) and gives a Jdbi; it
 * is also the {@link UnitOfWork} other modules reach through {@code Tremplin.transactions()}.
 * Thread-safe.
 */
public final class Database implements UnitOfWork {
  /** Flyway's history table, prefixed like every Tremplin table. */
  public static final String HISTORY_TABLE = "tremplin_schema_history";

  /** Where core's migrations are. */
  static final String CORE_LOCATION = "classpath:org/tremplin/core/db/migration";

  /**
   * Core's versions that moved out with the tables they created (the LTI adapter's, ADR 0005): on a
   * database migrated before the move they stay in core's history although core no longer has their
   * scripts, and only they may. Never reuse these numbers.
   */
  static final Set<String> RETIRED_VERSIONS = Set.of("9", "10", "11", "12");

  /** Settings Tremplin appends to a plain H2 URL so that one set of migrations serves both. */
  public static final String H2_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * The setting Tremplin appends to an H2 URL that does not choose its own: each commit is written
   * to the file before it returns (H2's default, 500 ms, loses the last commits when the process
   * dies; docs/configuration.md says what H2 promises).
   */
  public static final String H2_DURABLE = ";WRITE_DELAY=0";

  /**
   * The setting Tremplin appends to an H2 file URL that does not choose its own: H2's automatic
   * mixed mode, so that the command line's set-up subcommands open the database while {@code serve}
   * holds it (the first process serves the others over a loopback TCP port guarded by a random key
   * kept in the database's lock file; ADR 0011).
   */
  public static final String H2_SHARED = ";AUTO_SERVER=TRUE";

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final Set<ModuleSchema> migrated = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Database(Jdbi jdbi, DataSource dataSource) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
  }

  /**
   * Checks that an H2 database runs in the mode Tremplin needs, migrates core's schema, then wraps
   * the data source.
   *
   * @param dataSource the host's data source
   * @return the database, migrated
   * @throws TremplinException {@code INVALID_ARGUMENT} when the data source is an H2 database
   *     opened without {@link #H2_MODE} (build its URL with {@code Tremplin.jdbcUrl})
   */
  public static Database open(DataSource dataSource) {
    requireH2Mode(dataSource);
    migrateCore(dataSource, List.of(CORE_LOCATION));
    return new Database(Jdbi.create(dataSource), dataSource);
  }

  /**
   * Refuses an H2 database that is not in PostgreSQL mode with lower-case identifiers: on it the
   * migrations would create {@code PUBLIC} instead of {@code public} and SQL that runs on
   * PostgreSQL would not. Any other database passes.
   */
  static void requireH2Mode(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return;
      }
      String mode = "";
      String lower = "";
      try (var statement = c.createStatement();
          var rs =
              statement.executeQuery(
                  "select setting_name, setting_value from information_schema.settings"
                      + " where upper(setting_name) in ('MODE', 'DATABASE_TO_LOWER')")) {
        while (rs.next()) {
          if (rs.getString(1).equalsIgnoreCase("MODE")) {
            mode = rs.getString(2);
          } else {
            lower = rs.getString(2);
          }
        }
      }
      TremplinException.check(
          mode.equalsIgnoreCase("PostgreSQL") && lower.equalsIgnoreCase("TRUE"),
          "an H2 database must run with "
              + H2_MODE
              + " (found MODE="
              + mode
              + ", DATABASE_TO_LOWER="
              + lower
              + "): build the pool's URL with Tremplin.jdbcUrl(url)");
    } catch (SQLException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot open the database", e);
    }
  }

  /**
   * Runs core's migrations from these locations. Versions applied earlier whose scripts are gone
   * are accepted only when all of them are {@link #RETIRED_VERSIONS}; any other gap fails
   * validation as Flyway reports it.
   */
  static void migrateCore(DataSource dataSource, List<String> locations) {
    FluentConfiguration config =
        Flyway.configure()
            .dataSource(dataSource)
            .table(HISTORY_TABLE)
            .locations(locations.toArray(String[]::new))
            .failOnMissingLocations(true);
    Flyway flyway = config.load();
    Set<String> gone = appliedWithoutScript(flyway);
    if (!gone.isEmpty() && RETIRED_VERSIONS.containsAll(gone)) {
      // Flyway's default ("*:future") plus the retired versions that now sit below newer scripts
      flyway = config.ignoreMigrationPatterns("*:future", "versioned:missing").load();
    }
    flyway.migrate();
  }

  private static Set<String> appliedWithoutScript(Flyway flyway) {
    Set<String> versions = new TreeSet<>();
    for (MigrationInfo info : flyway.info().all()) {
      MigrationState state = info.getState();
      // a future version (above the newest script) is Flyway's default "*:future" to ignore
      if (info.getVersion() != null && state == MigrationState.MISSING_SUCCESS) {
        versions.add(info.getVersion().getVersion());
      }
    }
    return versions;
  }

  /**
   * Migrates the module's tables once per database object: a second call for the same schema (a
   * second feature on the same engine) does nothing.
   */
  @Override
  public synchronized void migrate(ModuleSchema schema) {
    TremplinException.required(schema, "schema");
    TremplinException.check(
        !schema.historyTable().equals(HISTORY_TABLE),
        "a module keeps its own history table, not core's");
    if (migrated.contains(schema)) {
      return;
    }
    String baseline = read(h -> adoptedVersion(h, schema)).orElse("0");
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .table(schema.historyTable())
          .locations(schema.location())
          .failOnMissingLocations(true)
          // the schema always holds core's tables: the module's history starts at the version its
          // tables are already at (0 on a database where core never created them)
          .baselineOnMigrate(true)
          .baselineVersion(baseline)
          .baselineDescription(baseline.equals("0") ? "module baseline" : "adopted from core")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new TremplinException(
          ErrorCode.STORE_FAILURE, "migrating " + schema.location() + " failed", e);
    }
    migrated.add(schema);
  }

  /** The module version matching the newest adopted core version core's history applied. */
  private static Optional<String> adoptedVersion(Handle h, ModuleSchema schema) {
    if (schema.adoptedCoreVersions().isEmpty()) {
      return Optional.empty();
    }
    return h
        .createQuery(
            "select version from " + HISTORY_TABLE + " where success and version in (<versions>)")
        .bindList("versions", List.copyOf(schema.adoptedCoreVersions().keySet()))
        .mapTo(String.class)
        .list()
        .stream()
        .map(schema.adoptedCoreVersions()::get)
        .max(java.util.Comparator.comparingLong(Long::parseLong));
  }

  /**
   * The Jdbi on the migrated database.
   *
   * @return the Jdbi on the migrated database
   */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs the callback in one transaction, at the database's default isolation (read committed on H2
   * and PostgreSQL: asking for it explicitly costs pgjdbc a server round trip per transaction);
   * rolls back on any exception. Nested calls on the same thread join the outer transaction.
   * Database failures become {@code STORE_FAILURE}; Tremplin's own exceptions pass through.
   */
  @Override
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
  @Override
  public <R> R read(HandleCallback<R, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (TremplinException e) {
      throw e;
    } catch (JdbiException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "database read failed", e);
    }
  }

  /**
   * Whether the exception is a unique or primary-key violation (SQLState 23505).
   *
   * @param e the exception
   * @return whether the exception is a unique or primary-key violation (SQLState 23505)
   */
  public static boolean isUniqueViolation(Throwable e) {
    return UnitOfWork.isUniqueViolation(e);
  }

  /**
   * A timestamp column value for an instant (UTC).
   *
   * @param instant the instant
   * @return a timestamp column value for an instant (UTC)
   */
  public static OffsetDateTime timestamp(Instant instant) {
    return UnitOfWork.timestamp(instant);
  }

  /**
   * Reads a timestamp-with-time-zone column.
   *
   * @param rs the result set, on the current row
   * @param column the column
   * @return the instant
   * @throws SQLException when the column cannot be read
   */
  public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    return UnitOfWork.instant(rs, column);
  }

  /**
   * Appends {@link #H2_MODE} to a plain H2 URL, {@link #H2_DURABLE} to an H2 URL that sets no
   * {@code WRITE_DELAY}, {@link #H2_SHARED} to an H2 file URL that sets no {@code AUTO_SERVER}, and
   * {@code reWriteBatchedInserts=true} to a PostgreSQL URL that does not set it (attendance batches
   * become multi-row inserts); leaves any other URL untouched.
   *
   * @param url the URL
   * @return the URL with what Tremplin needs of it
   */
  public static String normalizeUrl(String url) {
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      String normalized = upper.contains(";MODE=") ? url : url + H2_MODE;
      normalized = upper.contains(";WRITE_DELAY=") ? normalized : normalized + H2_DURABLE;
      return isH2File(url) && !upper.contains(";AUTO_SERVER=")
          ? normalized + H2_SHARED
          : normalized;
    }
    if (url.startsWith("jdbc:postgresql:") && !upper.contains("REWRITEBATCHEDINSERTS")) {
      return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    return url;
  }

  /**
   * Whether an H2 URL names a database file ({@code jdbc:h2:file:...}, or a path such as {@code
   * jdbc:h2:./data/t} or {@code jdbc:h2:~/t}), not an in-memory, remote or read-only archive one.
   */
  static boolean isH2File(String url) {
    String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
    if (path.toLowerCase(java.util.Locale.ROOT).startsWith("file:")) {
      return true;
    }
    int colon = path.indexOf(':'); // mem:, tcp:, zip:... name another kind of database
    return colon < 0 || colon == 1; // no scheme, or a Windows drive (C:/data/t)
  }

  /**
   * A minimal data source over {@link DriverManager}, for the command line and tests. Hosts with a
   * pool should pass their own data source instead.
   *
   * @param url the URL
   * @param user the user
   * @param password the password
   * @return a minimal data source over {@link DriverManager}, for the command line and tests
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
