package org.tremplin.lti.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.tremplin.core.Tremplin;

/**
 * The two databases every store contract runs on: H2 in PostgreSQL mode (in memory) and a real
 * PostgreSQL started from embedded binaries (once per JVM). Each call to {@link #fresh()} gives an
 * empty database of its own. A copy of core's test helper (test jars are not shared).
 */
public enum TestDatabase {
  H2 {
    @Override
    public DataSource fresh() {
      return Tremplin.dataSource(
          "jdbc:h2:mem:t" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
  },
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
      if (ds instanceof org.postgresql.ds.PGSimpleDataSource pg) {
        pg.setReWriteBatchedInserts(true); // as Tremplin.dataSource sets it on PostgreSQL URLs
      }
      return ds;
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** An empty database of this kind. */
  public abstract DataSource fresh();

  /** The embedded PostgreSQL server, started on first use and stopped with the JVM. */
  private static final class Postgres {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
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
