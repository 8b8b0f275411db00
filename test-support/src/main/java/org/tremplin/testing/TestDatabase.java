package org.tremplin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases every store contract runs on: H2 in PostgreSQL mode (in memory) and a real
 * PostgreSQL started from embedded binaries (one server per JVM, started on first use). Each call
 * to {@link #fresh()} gives an empty database of its own, with the settings {@code
 * Tremplin.dataSource} would give its URL. Thread-safe.
 */
public enum TestDatabase {
  /** H2 in memory, in PostgreSQL mode. */
  H2 {
    @Override
    public DataSource fresh() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(h2Url("t" + COUNTER.incrementAndGet()));
      h2.setUser("sa");
      h2.setPassword("");
      return h2;
    }
  },
  /** A database of its own on the embedded PostgreSQL server. */
  POSTGRES {
    @Override
    public DataSource fresh() {
      String name = "t" + COUNTER.incrementAndGet();
      DataSource admin = Postgres.INSTANCE.getPostgresDatabase();
      try (Connection c = admin.getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create test database " + name, e);
      }
      DataSource ds = Postgres.INSTANCE.getDatabase("postgres", name);
      if (ds instanceof PGSimpleDataSource pg) {
        pg.setReWriteBatchedInserts(true); // as Tremplin.dataSource sets it on PostgreSQL URLs
      }
      return ds;
    }
  };

  /**
   * What {@code Tremplin.dataSource} appends to a plain H2 URL (PostgreSQL mode, each commit
   * written before it returns); core's {@code DatabaseTest} checks that the two agree.
   */
  public static final String H2_SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** An empty database of this kind. */
  public abstract DataSource fresh();

  /** The URL of the in-memory H2 database {@code name}, kept until the JVM ends. */
  public static String h2Url(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS;
  }

  /**
   * The system property read for extra settings of the embedded PostgreSQL server ({@code
   * name=value;name=value}), for diagnostics such as {@code pg_stat_statements}; none by default.
   */
  public static final String SETTINGS = "tremplin.test.postgres.settings";

  /** The embedded PostgreSQL server, started on first use and stopped with the JVM. */
  private static final class Postgres {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // a diagnostic hook for the benchmarks: "name=value;name=value" server settings, e.g.
        // shared_preload_libraries=pg_stat_statements (docs/benchmarks.md)
        for (String setting : System.getProperty(SETTINGS, "").split(";")) {
          String[] pair = setting.split("=", 2);
          if (pair.length == 2) {
            builder.setServerConfig(pair[0].strip(), pair[1].strip());
          }
        }
        EmbeddedPostgres pg = builder.start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        pg.close();
                      } catch (IOException e) {
                        // the JVM is going away; nothing else to do
                      }
                    }));
        return pg;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
  }
}
