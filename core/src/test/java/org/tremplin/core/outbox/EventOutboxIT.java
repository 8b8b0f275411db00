package org.tremplin.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.event.AssessmentRecorded;
import org.tremplin.api.event.AttendanceRecorded;
import org.tremplin.api.event.EventConsumer;
import org.tremplin.api.event.EventEnvelope;
import org.tremplin.api.event.EventId;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.core.Tremplin;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/**
 * The outbox and its relay on H2 and PostgreSQL: stored with the change, delivered at least once.
 */
class EventOutboxIT {
  private static final Clock FIXED = Clock.fixed(CohortFixture.NOW, CohortFixture.PARIS);

  /** Records one attendance mark per call for learner 0: one event each. */
  private static List<HalfDay> recordHalfDays(CohortFixture f, int count) {
    List<HalfDay> recorded = new ArrayList<>();
    for (LocalDate d = CohortFixture.START; recorded.size() < count; d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (HalfDay h : List.of(HalfDay.am(d), HalfDay.pm(d))) {
        if (recorded.size() < count) {
          f.tremplin.attendance().record(f.trainer, f.cohort.id(), present(f, h));
          recorded.add(h);
        }
      }
    }
    return recorded;
  }

  /** Learner 0 acquired CP1, assessed on this day. */
  private static NewEvidence assessment(CohortFixture f, LocalDate on) {
    return new NewEvidence(
        f.learner(0).id(),
        new EvidenceTarget.OnCompetency("CP1"),
        EvidenceSource.TRAINER_ASSESSMENT,
        AssessmentResult.ACQUIRED,
        "Mme Durand",
        on,
        "");
  }

  private static AttendanceEntry present(CohortFixture f, HalfDay h) {
    return new AttendanceEntry(f.learner(0).id(), h, AttendanceMark.of(Mark.PRESENT));
  }

  /** A consumer that hands each envelope to a callback. */
  private record Probe(String name, Consumer<EventEnvelope> callback) implements EventConsumer {
    @Override
    public void accept(EventEnvelope envelope) {
      callback.accept(envelope);
    }
  }

  /** Counts deliveries per event (shared by the "same" consumer on several relays). */
  private static final class Deliveries {
    final Map<EventId, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(EventEnvelope e) {
      counts.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
    }

    int total() {
      return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  private static int delivered(CohortFixture f, String consumer) {
    return Jdbi.create(f.dataSource)
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from tremplin_event_delivery where consumer = :c"
                            + " and delivered_at is not null")
                    .bind("c", consumer)
                    .mapTo(Integer.class)
                    .one());
  }

  @AllDatabases
  void aChangeStoresItsEventAndARejectedChangeStoresNone(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    HalfDay monday = HalfDay.am(LocalDate.of(2026, 1, 5));

    f.tremplin.attendance().record(f.trainer, f.cohort.id(), present(f, monday));
    assertThatThrownBy(
            () -> f.tremplin.attendance().record(f.trainer, f.cohort.id(), present(f, monday)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ATTENDANCE_ALREADY_RECORDED);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .evidence()
                    .record(f.trainer, f.cohort.id(), assessment(f, LocalDate.of(2026, 2, 1))))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.EVIDENCE_IN_FUTURE);

    assertThat(f.rows("tremplin_event")).isEqualTo(1);
    List<EventEnvelope> seen = new ArrayList<>();
    EventRelay relay = new EventRelay(Jdbi.create(f.dataSource), FIXED, settings(50));
    relay.register(new Probe("test.probe", seen::add));
    relay.deliverDue();
    assertThat(seen)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.occurredAt()).isEqualTo(CohortFixture.NOW);
              assertThat(e.event())
                  .isEqualTo(
                      new AttendanceRecorded(f.cohort.id(), java.util.Set.of(f.learner(0).id())));
            });
  }

  @AllDatabases
  void anAssessmentEventCarriesWhatAGradeNeeds(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    var evidence =
        f.tremplin
            .evidence()
            .record(f.trainer, f.cohort.id(), assessment(f, LocalDate.of(2026, 1, 8)));
    List<EventEnvelope> seen = new ArrayList<>();
    f.tremplin.relay().register(new Probe("test.grades", seen::add));

    f.tremplin.relay().deliverDue();

    assertThat(seen)
        .extracting(EventEnvelope::event)
        .containsExactly(
            new AssessmentRecorded(
                f.cohort.id(),
                f.learner(0).id(),
                evidence.id(),
                evidence.target(),
                EvidenceSource.TRAINER_ASSESSMENT,
                AssessmentResult.ACQUIRED,
                LocalDate.of(2026, 1, 8)));
  }

  @AllDatabases
  void aRelayStoppedMidBatchDeliversTheRestAfterARestartAndNothingTwice(TestDatabase db)
      throws Exception {
    CohortFixture f = CohortFixture.on(db, 1);
    recordHalfDays(f, 10);
    Deliveries seen = new Deliveries();
    CountDownLatch stopAsked = new CountDownLatch(1);
    EventRelay first = f.tremplin.relay();
    first.register(
        new Probe(
            "test.recorder",
            e -> {
              seen.add(e);
              if (seen.total() == 3) {
                first.stop(); // as a shutdown arriving while the third event is delivered
                stopAsked.countDown();
              }
            }));

    first.start();
    assertThat(stopAsked.await(30, TimeUnit.SECONDS)).isTrue();
    first.close();

    assertThat(seen.total()).isEqualTo(3);
    assertThat(delivered(f, "test.recorder")).isEqualTo(3);
    assertThat(first.isRunning()).isFalse();
    assertThatThrownBy(first::start)
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);

    try (Tremplin restarted = Tremplin.create(f.dataSource, FIXED)) {
      restarted.relay().register(new Probe("test.recorder", seen::add));
      assertThat(restarted.relay().deliverDue()).isGreaterThanOrEqualTo(7);
    }

    assertThat(seen.counts).hasSize(10).allSatisfy((id, n) -> assertThat(n.get()).isOne());
    assertThat(delivered(f, "test.recorder")).isEqualTo(10);
  }

  @AllDatabases
  void aClaimNeverAcknowledgedIsDeliveredAgainOnceItsLeaseHasExpired(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    recordHalfDays(f, 1);
    MutableClock clock = new MutableClock(CohortFixture.NOW, CohortFixture.PARIS);
    Jdbi jdbi = Jdbi.create(f.dataSource);
    EventRelay crashing = new EventRelay(jdbi, clock, settings(50));
    crashing.register(
        new Probe(
            "test.lease",
            e -> {
              throw new NodeCrash(); // an Error: the relay records nothing, as if the node died
            }));
    Deliveries seen = new Deliveries();
    EventRelay other = new EventRelay(jdbi, clock, settings(50));
    other.register(new Probe("test.lease", seen::add));

    assertThatThrownBy(crashing::deliverDue).isInstanceOf(NodeCrash.class);
    other.deliverDue();
    assertThat(seen.total()).isZero();
    clock.advance(settings(50).lease().minusSeconds(1));
    other.deliverDue();
    assertThat(seen.total()).isZero();
    clock.advance(Duration.ofSeconds(1));
    other.deliverDue();

    assertThat(seen.total()).isOne();
    assertThat(delivered(f, "test.lease")).isOne();
  }

  /** Stands for a node dying in the middle of a delivery. */
  private static final class NodeCrash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @AllDatabases
  void aFailingConsumerIsRetriedWithBackoffAndDoesNotHoldUpAnother(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    recordHalfDays(f, 1);
    MutableClock clock = new MutableClock(CohortFixture.NOW, CohortFixture.PARIS);
    EventRelay relay = new EventRelay(Jdbi.create(f.dataSource), clock, settings(50));
    AtomicInteger calls = new AtomicInteger();
    relay.register(
        new Probe(
            "test.failing",
            e -> {
              if (calls.incrementAndGet() <= 2) {
                throw new TremplinException(ErrorCode.STORE_FAILURE, "LMS down for Prénom1 Nom1");
              }
            }));
    Deliveries ok = new Deliveries();
    relay.register(new Probe("test.ok", ok::add));

    relay.deliverDue();
    assertThat(ok.total()).isOne();
    assertThat(calls).hasValue(1);
    assertThat(lastError(f, "test.failing")).isEqualTo("STORE_FAILURE");

    relay.deliverDue();
    clock.advance(Duration.ofSeconds(4));
    relay.deliverDue();
    assertThat(calls).hasValue(1);
    clock.advance(Duration.ofSeconds(1)); // first retry after 5 s
    relay.deliverDue();
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(9));
    relay.deliverDue();
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(1)); // then 10 s
    relay.deliverDue();

    assertThat(calls).hasValue(3);
    assertThat(delivered(f, "test.failing")).isOne();
    assertThat(ok.total()).isOne();
  }

  private static String lastError(CohortFixture f, String consumer) {
    return Jdbi.create(f.dataSource)
        .withHandle(
            h ->
                h.createQuery("select last_error from tremplin_event_delivery where consumer = :c")
                    .bind("c", consumer)
                    .mapTo(String.class)
                    .one());
  }

  @AllDatabases
  void twoRelaysOnOneDatabaseDeliverEveryEventOnceToEachConsumer(TestDatabase db) throws Exception {
    CohortFixture f = CohortFixture.on(db, 1);
    int events = 60;
    recordHalfDays(f, events);
    Deliveries a = new Deliveries();
    Deliveries b = new Deliveries();
    CountDownLatch allSeen = new CountDownLatch(2 * events);
    List<EventRelay> relays = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      EventRelay relay =
          new EventRelay(
              Jdbi.create(f.dataSource), FIXED, settings(3).withPollInterval(Duration.ofMillis(5)));
      relay.register(new Probe("test.a", e -> countDown(a, e, allSeen)));
      relay.register(new Probe("test.b", e -> countDown(b, e, allSeen)));
      relays.add(relay);
    }
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      relays.forEach(EventRelay::start);
      List<Future<Integer>> direct = new ArrayList<>();
      for (EventRelay relay : relays) {
        direct.add(callers.submit(relay::deliverDue)); // and a caller on each node at once
      }
      assertThat(allSeen.await(60, TimeUnit.SECONDS)).isTrue();
      for (Future<Integer> d : direct) {
        d.get(60, TimeUnit.SECONDS);
      }
    } finally {
      relays.forEach(EventRelay::close);
      callers.shutdownNow();
    }

    for (Deliveries d : List.of(a, b)) {
      assertThat(d.counts).hasSize(events).allSatisfy((id, n) -> assertThat(n.get()).isOne());
    }
    assertThat(delivered(f, "test.a")).isEqualTo(events);
    assertThat(delivered(f, "test.b")).isEqualTo(events);
  }

  private static void countDown(Deliveries d, EventEnvelope e, CountDownLatch latch) {
    d.add(e);
    latch.countDown();
  }

  private static RelaySettings settings(int batch) {
    RelaySettings d = RelaySettings.defaults();
    return new RelaySettings(
        d.pollInterval(), batch, d.lease(), d.firstRetry(), d.maxRetry(), d.closeGrace());
  }
}
