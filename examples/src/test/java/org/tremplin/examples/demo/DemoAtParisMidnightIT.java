package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.testing.Loopback;
import org.tremplin.web.config.TremplinConfig;

/**
 * The demo's whole LTI Advantage cycle in the hour after midnight in Paris, which is still the day
 * before in UTC (ADR 0024): the assessment is dated by the schools' calendar, so core must read its
 * "today" there too. Before the installation's clock carried the schools' zone, the step {@code
 * record-assessment} failed here with "date … is in the future".
 */
class DemoAtParisMidnightIT {

  @Test
  void theCycleRecordsTodaysAssessmentAtHalfPastMidnightInParis(@TempDir Path data)
      throws Exception {
    int port = Loopback.freePort();
    TremplinConfig config =
        new TremplinConfig(
            URI.create("http://localhost:" + port + "/"),
            new TremplinConfig.HttpConfig("127.0.0.1", port),
            List.of(),
            TremplinConfig.DEFAULT_CLOCK_SKEW,
            new TremplinConfig.DataSourceConfig(
                "jdbc:h2:file:" + data.resolve("tremplin"), "sa", ""));
    // 23:30 UTC on a winter day is 00:30 the next day in Paris; the clock keeps ticking from there
    Instant halfPastMidnightInParis =
        LocalDate.now(ZoneOffset.UTC).atTime(23, 30).toInstant(ZoneOffset.UTC);
    if (config.zone().getRules().getOffset(halfPastMidnightInParis).getTotalSeconds() != 3600) {
      halfPastMidnightInParis = // summer time: 22:30 UTC is 00:30 in Paris
          halfPastMidnightInParis.minus(Duration.ofHours(1));
    }
    Clock clock =
        Clock.offset(config.clock(), Duration.between(Instant.now(), halfPastMidnightInParis));
    assertThat(LocalDate.now(clock))
        .as("the schools' day has turned, UTC's has not")
        .isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));

    try (DemoServer demo = DemoServer.start(config, data, clock)) {
      DemoCheck check = new DemoCheck(demo, "en");
      assertThat(check.run()).allSatisfy(r -> assertThat(r.failure()).isEmpty());
      List<DemoCheck.Step> steps = check.cycle();

      assertThat(steps)
          .extracting(DemoCheck.Step::name)
          .contains(DemoCheck.Step.RECORD_ASSESSMENT, DemoCheck.Step.GRADE_IN_GRADEBOOK);
      assertThat(steps).allSatisfy(s -> assertThat(s.ok()).as(s.detail()).isTrue());
    }
  }
}
