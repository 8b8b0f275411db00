package org.tremplin.examples.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * The demo: the tool ({@link TremplinServer}) with the demo platform added to its configuration,
 * its database seeded by {@link DemoSeed} before it listens, and the demo LMS ({@link DemoLms})
 * served at {@code <base>demo}. {@link #close} stops the server and its pool. Thread-safe.
 */
public final class DemoServer implements AutoCloseable {
  private final TremplinServer server;
  private final DemoPlatform platform;
  private final DemoSeed.Seeded seeded;

  private DemoServer(TremplinServer server, DemoPlatform platform, DemoSeed.Seeded seeded) {
    this.server = server;
    this.platform = platform;
    this.seeded = seeded;
  }

  /**
   * Registers the demo platform (key kept in {@code dataDir}), opens the configured database, seeds
   * it (dataset on first start only; the domain data are written as of {@link DemoDataset#TODAY}),
   * then starts the server.
   */
  public static DemoServer start(TremplinConfig configured, Path dataDir) {
    DemoPlatform platform = new DemoPlatform(configured.baseUrl(), DemoPlatform.key(dataDir));
    TremplinConfig config = platform.register(configured);
    HikariDataSource pool = TremplinServer.pool(config.datasource());
    try {
      TremplinFeature feature = new TremplinFeature(config, pool);
      DemoSeed.Seeded seeded =
          DemoSeed.seed(
              feature.tremplin().withClock(DemoDataset.clock()), feature.directory(), platform);
      DemoLms lms = new DemoLms(platform, seeded.roster(), Clock.systemUTC());
      return new DemoServer(TremplinServer.start(config, pool, feature, lms), platform, seeded);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The demo LMS's page, {@code <base>demo}: the URL to open. */
  public URI home() {
    return platform.home();
  }

  /** The demo platform. */
  public DemoPlatform platform() {
    return platform;
  }

  /** The members of the demo course. */
  public DemoRoster roster() {
    return seeded.roster();
  }

  /** Whether this start wrote the dataset (false: found from an earlier start). */
  public boolean seededNow() {
    return seeded.created();
  }

  /** The underlying server. */
  public TremplinServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
