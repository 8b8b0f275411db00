package org.tremplin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.config.TremplinConfig;
import org.tremplin.web.health.HealthResource;
import org.tremplin.web.lti.JwksResource;

/** What a host relies on: the feature's lifecycle, its components, its migrations run once. */
class TremplinFeatureIT {
  private static final TremplinConfig CONFIG =
      new TremplinConfig(
          URI.create("http://localhost:8080/"),
          new TremplinConfig.HttpConfig("127.0.0.1", 8080),
          List.of(),
          TremplinConfig.DEFAULT_CLOCK_SKEW,
          new TremplinConfig.DataSourceConfig("jdbc:h2:mem:unused", "", ""));

  @Test
  void closeStopsWhatStartStartedAndTheEngineTheFeatureBuilt() {
    TremplinFeature feature = new TremplinFeature(CONFIG, TestDatabase.H2.fresh());
    assertThat(feature.housekeeping().isRunning()).isFalse();
    assertThat(feature.tremplin().relay().isRunning()).isFalse();

    feature.start();
    assertThat(feature.housekeeping().isRunning()).isTrue();
    assertThat(feature.tremplin().relay().isRunning()).isTrue();

    feature.close();
    assertThat(feature.housekeeping().isRunning()).isFalse();
    assertThat(feature.tremplin().relay().isRunning()).isFalse();
    assertThatThrownBy(feature::start).isInstanceOf(IllegalStateException.class);
    feature.close(); // a second close does nothing
  }

  @Test
  void closeLeavesARelayTheHostStartedRunning() {
    try (Tremplin engine = Tremplin.create(TestDatabase.H2.fresh(), Clock.systemUTC())) {
      engine.relay().start();
      TremplinFeature feature = new TremplinFeature(CONFIG, engine);
      feature.start();

      feature.close();

      assertThat(feature.housekeeping().isRunning()).isFalse();
      assertThat(engine.relay().isRunning()).isTrue();
    }
  }

  @Test
  void closeStopsTheRelayOfTheHostsEngineWhenStartStartedIt() {
    try (Tremplin engine = Tremplin.create(TestDatabase.H2.fresh(), Clock.systemUTC())) {
      TremplinFeature feature = new TremplinFeature(CONFIG, engine);
      feature.start();
      assertThat(engine.relay().isRunning()).isTrue();

      feature.close();

      assertThat(engine.relay().isRunning()).isFalse();
    }
  }

  @Test
  void componentsAreBuiltOnceAndHoldEveryEndpoint() {
    try (TremplinFeature feature = new TremplinFeature(CONFIG, TestDatabase.H2.fresh())) {
      List<Object> components = feature.components();

      assertThat(feature.components()).isSameAs(components);
      assertThat(components)
          .hasAtLeastOneElementOfType(HealthResource.class)
          .hasAtLeastOneElementOfType(JwksResource.class)
          .hasAtLeastOneElementOfType(ErrorMapper.class);
    }
  }

  @Test
  void theAdaptersMigrationsRunOncePerEngine() {
    AtomicInteger connections = new AtomicInteger();
    DataSource counted = counting(TestDatabase.H2.fresh(), connections);
    try (Tremplin engine = Tremplin.create(counted, Clock.systemUTC())) {
      LtiSchema.install(engine);
      int before = connections.get();

      LtiSchema.install(engine); // e.g. a second feature on the same engine

      assertThat(connections.get()).isEqualTo(before);
    }
  }

  /** The data source, counting the connections it opens. */
  private static DataSource counting(DataSource target, AtomicInteger count) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                count.incrementAndGet();
              }
              try {
                return method.invoke(target, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
