package org.tremplin.examples.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.tremplin.core.Tremplin;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * Jersey on Grizzly serving {@link TremplinFeature} on a HikariCP pool over {@code
 * tremplin.datasource.*}. {@link #start} returns once the server listens and the event relay runs;
 * {@link #close} stops it (gracefully, a few seconds at most), then the event relay, and closes the
 * pool. Thread-safe.
 */
public final class TremplinServer implements AutoCloseable {
  /** How long {@link #close} lets requests in flight finish. */
  public static final long GRACE_SECONDS = 5;

  /** Ordinal of {@code tremplin.properties}: below system properties (400) and env (300). */
  static final int PROPERTIES_FILE_ORDINAL = 250;

  /** Connections in the pool: enough for two cores and the database's own work. */
  static final int POOL_SIZE = 16;

  private final HttpServer server;
  private final URI uri;
  private final HikariDataSource pool;
  private final TremplinFeature feature;

  private TremplinServer(
      HttpServer server, URI uri, HikariDataSource pool, TremplinFeature feature) {
    this.server = server;
    this.uri = uri;
    this.pool = pool;
    this.feature = feature;
  }

  /**
   * The configuration from system properties, environment variables and, when the file exists,
   * {@code propertiesFile} (lowest priority).
   */
  public static Config config(Path propertiesFile) {
    SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources();
    if (Files.isRegularFile(propertiesFile)) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + propertiesFile, e);
      }
      builder.withSources(
          new PropertiesConfigSource(
              properties, propertiesFile.toString(), PROPERTIES_FILE_ORDINAL));
    }
    return builder.build();
  }

  /**
   * Opens a pool on the configured database (migrating it), then starts the server on the
   * configured host and port.
   */
  public static TremplinServer start(TremplinConfig config) {
    HikariDataSource pool = pool(config.datasource());
    try {
      return start(config, pool, new TremplinFeature(config, pool));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** A connection pool for this database (H2 URLs get Tremplin's PostgreSQL-mode settings). */
  public static HikariDataSource pool(TremplinConfig.DataSourceConfig datasource) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(Tremplin.jdbcUrl(datasource.url()));
    hikari.setUsername(datasource.username());
    hikari.setPassword(datasource.password());
    hikari.setMaximumPoolSize(POOL_SIZE);
    hikari.setPoolName("tremplin");
    return new HikariDataSource(hikari);
  }

  /**
   * Starts a server on the configured host and port serving this feature; {@link #close} closes
   * {@code pool} too.
   */
  public static TremplinServer start(
      TremplinConfig config, HikariDataSource pool, TremplinFeature feature) {
    return start(config, pool, feature, new Object[0]);
  }

  /**
   * As {@link #start(TremplinConfig, HikariDataSource, TremplinFeature)}, with more JAX-RS
   * components (resource instances, providers) served next to the feature, e.g. the demo LMS.
   */
  public static TremplinServer start(
      TremplinConfig config,
      HikariDataSource pool,
      TremplinFeature feature,
      Object... extraComponents) {
    URI listen =
        URI.create("http://" + hostForUri(config.http().host()) + ":" + config.http().port() + "/");
    ResourceConfig application =
        new ResourceConfig()
            .register(feature)
            // No WADL: nothing uses it, and without JAXB it only logs a warning at startup.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    if (extraComponents.length > 0) {
      // Through a feature, like TremplinFeature's own resources (registered directly, Jersey
      // warns that a resource instance "implements no provider interface").
      application.register(new Extras(List.of(extraComponents)));
    }
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(listen, application, false);
    HttpLimits.apply(server);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + listen, e);
    }
    // delivers stored events (alerts) and purges expired nonces and sessions while serving
    feature.start();
    int port = server.getListeners().iterator().next().getPort();
    return new TremplinServer(
        server,
        URI.create("http://" + hostForUri(config.http().host()) + ":" + port + "/"),
        pool,
        feature);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** The feature served, e.g. for its {@link TremplinFeature#tremplin() domain engine}. */
  public TremplinFeature feature() {
    return feature;
  }

  @Override
  public void close() {
    try {
      server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      server.shutdownNow();
    } finally {
      try {
        // the purges and the event relay (the feature built the engine: it closes it too);
        // undelivered events wait in the database
        feature.close();
      } finally {
        pool.close();
      }
    }
  }

  /** Registers the extra components given to {@link #start}. */
  private record Extras(List<Object> components) implements Feature {
    @Override
    public boolean configure(FeatureContext context) {
      components.forEach(context::register);
      return true;
    }
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
