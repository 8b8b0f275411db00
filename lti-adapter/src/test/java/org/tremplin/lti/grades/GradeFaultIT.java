package org.tremplin.lti.grades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tremplin.api.TremplinException;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.testing.FakeGradebook.ReceivedScore;
import org.tremplin.testing.TestDatabase;

/**
 * A database that fails while a score is being published never loses the score: for every
 * connection the publishing pass opens, a run where exactly that one fails (a {@link DataSource} we
 * do not own, mocked to throw on its n-th connection) still ends, once the database is back, with
 * the score sent and recorded as sent. A failure after the platform accepted the score may send it
 * a second time (at least once), never zero times.
 */
class GradeFaultIT {
  /** Fails the n-th connection asked for once armed (n counted from 1; 0: never). */
  private static final class FailingConnections {
    final AtomicInteger opened = new AtomicInteger();
    volatile int failAt;

    DataSource over(DataSource real) {
      DataSource ds = mock(DataSource.class, delegatesTo(real));
      try {
        doAnswer(
                call -> {
                  int n = opened.incrementAndGet();
                  if (n == failAt) {
                    throw new SQLException("connection refused (test)", "08001");
                  }
                  return real.getConnection();
                })
            .when(ds)
            .getConnection();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return ds;
    }

    void arm(int at) {
      opened.set(0);
      failAt = at;
    }
  }

  @Test
  void aConnectionFailingAnywhereInAPublishingPassLosesNoScore() {
    int connections = connectionsOfOnePass();
    assertThat(connections).isGreaterThan(5);
    for (int k = 1; k <= connections; k++) {
      FailingConnections faults = new FailingConnections();
      try (GradesFixture f = new GradesFixture(faults.over(TestDatabase.H2.fresh()))) {
        f.assess(0, "CP1", AssessmentResult.ACQUIRED);
        faults.arm(k);
        try {
          f.deliver();
        } catch (TremplinException e) {
          // the relay's own statement failed: the pass ends, the claim waits for its lease
        }
        faults.arm(0);
        for (int i = 0; i < 3; i++) {
          f.advance(Duration.ofMinutes(2));
          f.deliver();
        }

        assertThat(f.gradebook.scores())
            .as("connection %d of %d failing", k, connections)
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(2)
            .extracting(ReceivedScore::scoreGiven)
            .containsOnly(100.0);
        assertThat(f.deliveries.counts(f.cohort.id()))
            .as("connection %d of %d failing", k, connections)
            .isEqualTo(new ScoreCounts(0, 1, 0, 0));
      }
    }
  }

  private static int connectionsOfOnePass() {
    FailingConnections counting = new FailingConnections();
    try (GradesFixture f = new GradesFixture(counting.over(TestDatabase.H2.fresh()))) {
      f.assess(0, "CP1", AssessmentResult.ACQUIRED);
      counting.arm(0);
      f.deliver();
      assertThat(f.gradebook.scores()).hasSize(1);
      return counting.opened.get();
    }
  }
}
