package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryNoncesTest {
  private final Instant now = Instant.parse("2025-10-06T08:00:00Z");
  private final InMemoryNonces nonces = new InMemoryNonces(Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void aNonceIsAcceptedOnceThenRefused() {
    assertThat(nonces.consume("iss", "n", now.plusSeconds(60))).isTrue();
    assertThat(nonces.consume("iss", "n", now.plusSeconds(60))).isFalse();
  }

  @Test
  void theSameNonceFromAnotherIssuerIsAnotherNonce() {
    nonces.consume("iss-a", "n", now.plusSeconds(60));

    assertThat(nonces.consume("iss-b", "n", now.plusSeconds(60))).isTrue();
  }

  @Test
  void nonceIsForgottenOnlyAfterItsKeepUntilTime() {
    nonces.consume("iss", "old", now.minusSeconds(1));
    nonces.consume("iss", "live", now.plusSeconds(1));

    nonces.consume("iss", "other", now.plusSeconds(1));

    assertThat(nonces.size()).isEqualTo(2);
    assertThat(nonces.consume("iss", "live", now.plusSeconds(1))).isFalse();
  }

  @Test
  void concurrentConsumersOfOneNonceSeeExactlyOneSuccess() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        tasks.add(() -> nonces.consume("iss", "race", now.plusSeconds(60)));
      }
      long winners = 0;
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
