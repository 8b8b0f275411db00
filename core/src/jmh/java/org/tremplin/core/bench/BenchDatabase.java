package org.tremplin.core.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The PostgreSQL the benchmarks run on: started from embedded binaries once per JVM (each JMH fork
 * is one JVM) and stopped with it. Each call to {@link #fresh()} gives an empty database of its
 * own. Thread-safe.
 */
final class BenchDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private BenchDatabase() {}

  /**
   * An empty database on the embedded server, with {@code reWriteBatchedInserts=true} as {@code
   * Tremplin.dataSource} sets it on PostgreSQL URLs.
   */
  static DataSource fresh() {
    String name = "bench" + COUNTER.incrementAndGet();
    try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create benchmark database " + name, e);
    }
    DataSource ds = Server.INSTANCE.getDatabase("postgres", name);
    if (ds instanceof org.postgresql.ds.PGSimpleDataSource pg) {
      pg.setReWriteBatchedInserts(true);
    }
    return ds;
  }

  /** The embedded server, started on first use and stopped with the JVM. */
  private static final class Server {
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
