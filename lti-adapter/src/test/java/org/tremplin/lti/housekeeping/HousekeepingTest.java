package org.tremplin.lti.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  @Test
  void startedItRunsOnItsOwnThreadAndStopsWhenClosed() {
    Housekeeping housekeeping = new Housekeeping(List.of(), Duration.ofMinutes(1));
    housekeeping.start();
    housekeeping.start();
    assertThat(housekeeping.isRunning()).isTrue();

    housekeeping.close();

    assertThat(housekeeping.isRunning()).isFalse();
  }
}
