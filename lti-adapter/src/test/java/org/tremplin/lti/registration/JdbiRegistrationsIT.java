package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** Contract of {@link JdbiRegistrations} on H2 and PostgreSQL (LTI.md §1.2, §2.10, §7). */
class JdbiRegistrationsIT {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String CANVAS = "https://canvas.instructure.com";
  private static final String MOODLE = "https://moodle.example.org";

  private final MutableClock clock = new MutableClock(NOW);

  private static PlatformRegistration registration(
      String issuer, String clientId, Set<String> deployments, boolean auto) {
    return new PlatformRegistration(
        issuer + " " + clientId,
        issuer,
        clientId,
        URI.create(issuer + "/auth"),
        URI.create(issuer + "/token"),
        URI.create(issuer + "/jwks"),
        deployments,
        auto);
  }

  private static final PlatformRegistration CONFIGURED_CANVAS =
      registration(CANVAS, "1000", Set.of(), true);
  private static final PlatformRegistration CONFIGURED_MOODLE =
      registration(MOODLE, "moodle-client", Set.of("3"), false);

  private JdbiRegistrations registrations(UnitOfWork database) {
    return new JdbiRegistrations(database, List.of(CONFIGURED_CANVAS, CONFIGURED_MOODLE), clock);
  }

  @AllDatabases
  void aStoredRegistrationIsFoundByIssuerAndClientIdWithItsDeployment(TestDatabase db) {
    JdbiRegistrations registrations = registrations(LtiDatabase.open(db));
    PlatformRegistration dynamic =
        registration("https://lms.example.net", "dyn-1", Set.of("7"), false);

    assertThat(registrations.add(dynamic)).isTrue();

    assertThat(registrations.find("https://lms.example.net", "dyn-1")).contains(dynamic);
    assertThat(registrations.lookup("https://lms.example.net", null)).contains(dynamic);
    assertThat(registrations.find("https://lms.example.net", "dyn-2")).isEmpty();
  }

  @AllDatabases
  void theIssuerAloneIsAmbiguousWhenConfigurationAndDatabaseBothHaveIt(TestDatabase db) {
    JdbiRegistrations registrations = registrations(LtiDatabase.open(db));
    assertThat(registrations.findByIssuer(CANVAS)).contains(CONFIGURED_CANVAS);

    registrations.add(registration(CANVAS, "2000", Set.of(), true));

    assertThat(registrations.findByIssuer(CANVAS)).isEmpty();
    assertThat(registrations.find(CANVAS, "1000")).contains(CONFIGURED_CANVAS);
    assertThat(registrations.find(CANVAS, "2000").map(PlatformRegistration::clientId))
        .contains("2000");
  }

  @AllDatabases
  void theConfigurationWinsOverAStoredRowWithTheSameKey(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiRegistrations withoutConfig = new JdbiRegistrations(database, List.of(), clock);
    withoutConfig.add(registration(MOODLE, "moodle-client", Set.of("99"), true));

    JdbiRegistrations registrations = registrations(database);

    PlatformRegistration found = registrations.find(MOODLE, "moodle-client").orElseThrow();
    assertThat(found.autoDeployments()).isFalse();
    assertThat(found.name()).isEqualTo(CONFIGURED_MOODLE.name());
    assertThat(registrations.findByIssuer(MOODLE)).isPresent();
  }

  @AllDatabases
  void addingAKeyThatIsConfiguredOrStoredStoresNothing(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiRegistrations registrations = registrations(database);

    assertThat(registrations.add(registration(MOODLE, "moodle-client", Set.of("4"), false)))
        .isFalse();
    assertThat(registrations.add(registration(MOODLE, "other", Set.of("5"), false))).isTrue();
    assertThat(registrations.add(registration(MOODLE, "other", Set.of("6"), false))).isFalse();

    assertThat(rows(database, "tremplin_lti_registration")).isEqualTo(1);
    assertThat(rows(database, "tremplin_lti_deployment")).isEqualTo(1);
    assertThat(registrations.find(MOODLE, "other").orElseThrow().deploymentIds())
        .containsExactly("5");
  }

  @AllDatabases
  void aRegistrationThatFailsHalfWayWritesNothing(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiRegistrations registrations = registrations(database);
    PlatformRegistration tooLong =
        registration("https://lms.example.net", "c", Set.of("ok", "x".repeat(300)), false);

    assertThatThrownBy(() -> registrations.add(tooLong)).isInstanceOf(TremplinException.class);

    assertThat(rows(database, "tremplin_lti_registration")).isZero();
    assertThat(rows(database, "tremplin_lti_deployment")).isZero();
  }

  @AllDatabases
  void recordedDeploymentsCountAsKnownForConfiguredAndStoredRegistrations(TestDatabase db) {
    JdbiRegistrations registrations = registrations(LtiDatabase.open(db));
    registrations.add(registration(CANVAS, "2000", Set.of(), true));

    registrations.recordDeployment(CANVAS, "1000", "189:abc");
    registrations.recordDeployment(CANVAS, "1000", "190:def");
    registrations.recordDeployment(CANVAS, "2000", "191:ghi");
    registrations.recordDeployment(MOODLE, "moodle-client", "4");

    assertThat(registrations.find(CANVAS, "1000").orElseThrow().deploymentIds())
        .containsExactlyInAnyOrder("189:abc", "190:def");
    assertThat(registrations.find(CANVAS, "2000").orElseThrow().deploymentIds())
        .containsExactly("191:ghi");
    assertThat(registrations.find(MOODLE, "moodle-client").orElseThrow().deploymentIds())
        .containsExactlyInAnyOrder("3", "4");
    assertThat(registrations.findByIssuer(MOODLE).orElseThrow().deploymentIds())
        .containsExactlyInAnyOrder("3", "4");
  }

  @AllDatabases
  void recordingADeploymentAgainChangesNothing(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiRegistrations registrations = registrations(database);

    registrations.recordDeployment(CANVAS, "1000", "189:abc");
    registrations.recordDeployment(CANVAS, "1000", "189:abc");

    assertThat(rows(database, "tremplin_lti_deployment")).isEqualTo(1);
  }

  @AllDatabases
  void aDeploymentOfAnUnknownRegistrationIsNotRecorded(TestDatabase db) {
    UnitOfWork database = LtiDatabase.open(db);
    JdbiRegistrations registrations = registrations(database);

    registrations.recordDeployment(CANVAS, "9999", "189:abc");

    assertThat(rows(database, "tremplin_lti_deployment")).isZero();
  }

  @AllDatabases
  void nodesRacingToRecordOneDeploymentAllSucceedAndStoreOneRow(TestDatabase db) throws Exception {
    UnitOfWork database = LtiDatabase.open(db);
    int nodes = 8;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      for (int round = 0; round < 5; round++) {
        String deployment = "189:race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          JdbiRegistrations node = registrations(database);
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    node.recordDeployment(CANVAS, "1000", deployment);
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> result : results) {
          result.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows(database, "tremplin_lti_deployment")).isEqualTo(5);
  }

  private static int rows(UnitOfWork database, String table) {
    return database.read(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }
}
