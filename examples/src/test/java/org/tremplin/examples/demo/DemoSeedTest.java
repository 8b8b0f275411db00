package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.testing.MutableClock;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.config.TremplinConfig;

/**
 * The demo seeded "today", on an in-memory H2 database with a {@link MutableClock}: a first start
 * writes a cohort running today with data up to yesterday, an old demo database (the 2025-2026
 * cohort) gets a cohort running today, and later starts keep the cohort and top its attendance up.
 */
class DemoSeedTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Thursday 3 December 2026, 09:00 in Paris. */
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  private final MutableClock clock =
      new MutableClock(TODAY.atTime(9, 0).atZone(DemoDataset.ZONE).toInstant(), DemoDataset.ZONE);
  private final TremplinFeature feature = feature();
  private final Tremplin tremplin = feature.tremplin();
  private final DemoPlatform platform =
      new DemoPlatform(URI.create("http://localhost:8080/"), DemoPlatform.key(keyDir()));

  private TremplinFeature feature() {
    Tremplin t =
        Tremplin.create(
            Tremplin.dataSource(
                "jdbc:h2:mem:demo-seed-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa",
                ""),
            clock);
    TremplinConfig config =
        new TremplinConfig(
            URI.create("http://localhost:8080/"),
            new TremplinConfig.HttpConfig("127.0.0.1", 8080),
            List.of(),
            TremplinConfig.DEFAULT_CLOCK_SKEW,
            new TremplinConfig.DataSourceConfig("jdbc:h2:mem:unused", "sa", ""));
    return new TremplinFeature(
        config, t, new CachingPlatformKeys(new HttpJwksFetcher(), clock), clock);
  }

  private static java.nio.file.Path keyDir() {
    try {
      return java.nio.file.Files.createTempDirectory("demo-seed-key");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private DemoSeed.Seeded seed() {
    return DemoSeed.seed(tremplin, feature.directory(), platform, clock);
  }

  private List<AttendanceRecord> marks(Cohort cohort) {
    return tremplin
        .attendance()
        .current(
            DemoDataset.Cast.of(cohort.school(), cohort.id()).trainer(),
            cohort.id(),
            cohort.range());
  }

  private static LocalDate lastMarked(List<AttendanceRecord> marks) {
    return marks.stream().map(r -> r.halfDay().date()).max(LocalDate::compareTo).orElseThrow();
  }

  @Test
  void aFirstStartSeedsACohortRunningTodayWithMarksUpToYesterdayAndNoneAfter() {
    DemoSeed.Seeded seeded = seed();

    Cohort cohort = seeded.cohort();
    assertThat(seeded.outcome()).isEqualTo(DemoSeed.Outcome.CREATED);
    assertThat(cohort.range().contains(TODAY)).isTrue();
    assertThat(ChronoUnit.MONTHS.between(cohort.range().first(), TODAY)).isBetween(3L, 5L);
    assertThat(ChronoUnit.MONTHS.between(TODAY, cohort.range().last())).isBetween(4L, 6L);
    List<AttendanceRecord> marks = marks(cohort);
    // Wednesday 2 December is a working day: marked; today and after: nothing
    assertThat(lastMarked(marks)).isEqualTo(TODAY.minusDays(1));
    assertThat(marks).noneMatch(r -> !r.halfDay().date().isBefore(TODAY));
    assertThat(marks)
        .extracting(r -> r.mark().mark())
        .contains(Mark.PRESENT, Mark.ABSENT_JUSTIFIED, Mark.ABSENT_UNJUSTIFIED);
    // the Christmas closure of the cohort's own year
    assertThat(cohort.closures())
        .singleElement()
        .satisfies(c -> assertThat(c.first()).isEqualTo(LocalDate.of(2026, 12, 22)));
    assertThat(seeded.roster().learners()).hasSize(12);
    assertThat(seeded.roster().contextId()).isNotEqualTo(DemoPlatform.CONTEXT_ID);
    assertThat(
            feature
                .directory()
                .cohortOf(
                    new CourseContext(
                        platform.issuer(),
                        DemoPlatform.CLIENT_ID,
                        DemoPlatform.DEPLOYMENT_ID,
                        seeded.roster().contextId())))
        .contains(cohort.id());
  }

  @Test
  void theLearnerAbsentTheLastDaysHasAnOpenAlert() {
    Cohort cohort = seed().cohort();
    DemoDataset.Cast cast = DemoDataset.Cast.of(cohort.school(), cohort.id());
    Learner absent =
        tremplin.learners().learners(cast.trainer(), cohort.id()).stream()
            .filter(l -> l.familyName().equals("Da Silva"))
            .findFirst()
            .orElseThrow();

    List<Alert> open = tremplin.alerts().open(cast.manager(), cohort.id(), absent.id());

    assertThat(open)
        .extracting(Alert::signal)
        .anyMatch(s -> s instanceof RiskSignal.UnjustifiedAbsences);
  }

  @Test
  void anOldDemoDatabaseIsReDatedIntoANewCohortAndKeepsTheOldOne() {
    clock.set(DemoDataset.clock().instant());
    DemoDataset.Demo old = DemoDataset.load(tremplin); // the 2025-2026 demo of earlier versions
    clock.set(TODAY.atTime(9, 0).atZone(DemoDataset.ZONE).toInstant());

    DemoSeed.Seeded seeded = seed();

    assertThat(seeded.outcome()).isEqualTo(DemoSeed.Outcome.REDATED);
    assertThat(seeded.cohort().id()).isNotEqualTo(old.cohort().id());
    assertThat(seeded.cohort().school()).isEqualTo(old.school().id());
    assertThat(seeded.cohort().range().contains(TODAY)).isTrue();
    assertThat(lastMarked(marks(seeded.cohort()))).isEqualTo(TODAY.minusDays(1));
    assertThat(lastMarked(marks(old.cohort()))).isEqualTo(DemoDataset.TODAY);
    assertThat(seeded.roster().learners())
        .extracting(DemoUser::name)
        .contains("Aïcha Diallo")
        .doesNotContainAnyElementsOf(
            old.learners().stream()
                .map(l -> DemoSeed.LEARNER_SUB_PREFIX + l.id().value())
                .toList());
  }

  @Test
  void aSecondStartTheSameDayChangesNothing() {
    DemoSeed.Seeded first = seed();
    int marks = marks(first.cohort()).size();

    DemoSeed.Seeded again = seed();

    assertThat(again.outcome()).isEqualTo(DemoSeed.Outcome.REUSED);
    assertThat(again.cohort()).isEqualTo(first.cohort());
    assertThat(again.roster()).isEqualTo(first.roster());
    assertThat(marks(again.cohort())).hasSize(marks);
    assertThat(tremplin.cohorts().bySchool(DemoDataset.ADMIN, first.cohort().school())).hasSize(1);
  }

  @Test
  void aStartAWeekLaterKeepsTheCohortAndTopsItsAttendanceUpToYesterday() {
    DemoSeed.Seeded first = seed();
    clock.advance(Duration.ofDays(7)); // Thursday 10 December

    DemoSeed.Seeded later = seed();

    assertThat(later.outcome()).isEqualTo(DemoSeed.Outcome.REUSED);
    assertThat(later.cohort()).isEqualTo(first.cohort());
    List<AttendanceRecord> marks = marks(later.cohort());
    assertThat(lastMarked(marks)).isEqualTo(LocalDate.of(2026, 12, 9));
    assertThat(marks)
        .filteredOn(r -> r.halfDay().date().equals(LocalDate.of(2026, 12, 7)))
        .hasSize(2 * 11); // the eleven learners still enrolled, morning and afternoon
  }

  @Test
  void everyLivePlanOfAYearFitsTheTemplateAndContainsItsDay() {
    DemoDataset.Demo demo = DemoDataset.load(tremplin, DemoDataset.live(clock));
    for (int week = 1; week <= 52; week++) {
      LocalDate day = TODAY.plusWeeks(week).plusDays(week % 7);
      DemoDataset.Plan plan = DemoDataset.plan(day.minusDays(1));

      Cohort cohort =
          DemoDataset.openCohort(
              tremplin,
              demo.school(),
              plan,
              tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID));

      assertThat(cohort.range().contains(day)).as(day.toString()).isTrue();
      assertThat(ChronoUnit.DAYS.between(cohort.range().first(), day)).isBetween(120L, 140L);
    }
  }
}
