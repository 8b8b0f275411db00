package org.example.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.tremplin.core.Tremplin;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * A host application embedding Tremplin, as docs/embedding.md describes it: its own SmallRye
 * Config, HikariCP pool, one {@link Tremplin} engine, and {@link TremplinFeature} registered in its
 * own Jersey application on Grizzly next to its own resources. {@link #close} stops everything in
 * the reverse order.
 */
public final class Host implements AutoCloseable {
  private final HikariDataSource pool;
  private final Tremplin tremplin;
  private final TremplinFeature feature;
  private final HttpServer server;

  /**
   * Starts the host on {@code listen} (e.g. {@code http://127.0.0.1:8080/}) with this configuration
   * ({@code tremplin.base-url}, {@code tremplin.datasource.url}, the platforms...).
   */
  public Host(Config config, URI listen) {
    TremplinConfig settings = TremplinConfig.from(config);
    HikariConfig hikari = new HikariConfig();
    // Tremplin.jdbcUrl adds the H2 settings Tremplin needs (PostgreSQL mode) to a plain H2 URL
    hikari.setJdbcUrl(Tremplin.jdbcUrl(settings.datasource().url()));
    hikari.setUsername(settings.datasource().username());
    hikari.setPassword(settings.datasource().password());
    this.pool = new HikariDataSource(hikari);
    // migrates the schema once; settings.clock(): the system clock in tremplin.zone, the schools'
    // zone, so "today" turns at their midnight
    this.tremplin = Tremplin.create(pool, settings.clock());
    this.feature = new TremplinFeature(settings, tremplin);
    ResourceConfig application = new ResourceConfig().register(feature);
    this.server = GrizzlyHttpServerFactory.createHttpServer(listen, application, false);
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
    feature.start(); // purges of expired logins and sessions, the event relay
  }

  /** The configuration from system properties and environment variables. */
  public static Config config() {
    return new SmallRyeConfigBuilder().addDefaultSources().build();
  }

  /** The engine, for the host's own calls (schools, cohorts...). */
  public Tremplin tremplin() {
    return tremplin;
  }

  @Override
  public void close() {
    server.shutdownNow();
    feature.close(); // stops what start() started
    tremplin.close(); // the host's engine: the host closes it
    pool.close();
  }

  /** Runs until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    Config config = config();
    String port = config.getOptionalValue("host.port", String.class).orElse("8080");
    Host host = new Host(config, URI.create("http://127.0.0.1:" + port + "/"));
    Runtime.getRuntime().addShutdownHook(new Thread(host::close));
    Thread.currentThread().join();
  }
}
