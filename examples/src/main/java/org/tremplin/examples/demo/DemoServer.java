package org.tremplin.examples.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
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
  private final DemoLms lms;
  private final Clock clock;

  private DemoServer(
      TremplinServer server,
      DemoPlatform platform,
      DemoSeed.Seeded seeded,
      DemoLms lms,
      Clock clock) {
    this.server = server;
    this.platform = platform;
    this.seeded = seeded;
    this.lms = lms;
    this.clock = clock;
  }

  /** The clock the demo runs on. */
  public Clock clock() {
    return clock;
  }

  /** The demo LMS (its gradebook, placed activities and token count). */
  public DemoLms lms() {
    return lms;
  }

  /**
   * Registers the demo platform (key kept in {@code dataDir}), opens the configured database, seeds
   * it as of today ({@link DemoSeed}: the dataset on first start, re-dated when its cohort has
   * ended), then starts the server; system clock in the configured schools' zone.
   */
  public static DemoServer start(TremplinConfig configured, Path dataDir) {
    return start(configured, dataDir, configured.clock());
  }

  /**
   * As {@link #start(TremplinConfig, Path)}, the tool, the seeding and the LMS on {@code clock}.
   */
  public static DemoServer start(TremplinConfig configured, Path dataDir, Clock clock) {
    DemoPlatform platform = new DemoPlatform(configured.baseUrl(), DemoPlatform.key(dataDir));
    TremplinConfig config = platform.register(configured);
    HikariDataSource pool = TremplinServer.pool(config.datasource());
    try {
      TremplinFeature feature =
          new TremplinFeature(
              config, pool, new CachingPlatformKeys(new HttpJwksFetcher(), clock), clock);
      DemoSeed.Seeded seeded =
          DemoSeed.seed(feature.tremplin(), feature.directory(), platform, clock);
      DemoLms lms =
          new DemoLms(
              platform,
              seeded.roster(),
              clock,
              new CachingPlatformKeys(new HttpJwksFetcher(), clock),
              DemoGradebook.at(
                  dataDir.resolve("demo-gradebook-" + seeded.roster().contextId() + ".json")));
      return new DemoServer(
          TremplinServer.start(config, pool, feature, lms, lms.services()),
          platform,
          seeded,
          lms,
          clock);
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

  /** What the seeding did, and the demo cohort the course is linked to. */
  public DemoSeed.Seeded seeded() {
    return seeded;
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
