package org.tremplin.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.testing.MutableClock;

class InMemoryLoginStatesTest {
  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private final PlatformRegistration moodle =
      new PlatformRegistration(
          "Moodle",
          "https://moodle.example.org",
          "c",
          URI.create("https://moodle.example.org/a"),
          URI.create("https://moodle.example.org/t"),
          URI.create("https://moodle.example.org/k"),
          Set.of(),
          false);

  @Test
  void aStateCanBeTakenOnlyOnce() {
    InMemoryLoginStates states = new InMemoryLoginStates(Clock.fixed(NOW, ZoneOffset.UTC));
    LoginState state = state("s", NOW.plusSeconds(600));
    states.put(state);

    assertThat(states.take("s")).contains(state);
    assertThat(states.take("s")).isEmpty();
  }

  @Test
  void findingAStateDoesNotConsumeIt() {
    InMemoryLoginStates states = new InMemoryLoginStates(Clock.fixed(NOW, ZoneOffset.UTC));
    LoginState state = state("s", NOW.plusSeconds(600));
    states.put(state);

    assertThat(states.find("s")).contains(state);
    assertThat(states.take("s")).contains(state);
    assertThat(states.find("s")).isEmpty();
  }

  @Test
  void expiredStatesArePurgedAfterTheirGracePeriod() {
    InMemoryLoginStates states =
        new InMemoryLoginStates(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));
    states.put(state("recently-expired", NOW.minusSeconds(60)));
    states.put(state("long-expired", NOW.minusSeconds(3600)));

    assertThat(states.take("recently-expired")).isPresent();
    assertThat(states.take("long-expired")).isEmpty();
  }

  @Test
  void eachStateIsPurgedOnceItsOwnGraceHasPassedAsTheClockMoves() {
    MutableClock clock = new MutableClock(NOW);
    InMemoryLoginStates states = new InMemoryLoginStates(clock, Duration.ofMinutes(10));
    states.put(state("first", NOW.plusSeconds(60)));
    states.put(state("second", NOW.plusSeconds(300)));
    states.put(state("third", NOW.plusSeconds(900)));

    clock.advance(Duration.ofSeconds(60 + 600 + 1)); // first past its grace only
    assertThat(states.find("first")).isEmpty();
    assertThat(states.size()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(240)); // second too
    assertThat(states.find("third")).isPresent();
    assertThat(states.size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(600));
    states.put(state("fourth", clock.instant().plusSeconds(600)));
    assertThat(states.find("third")).isEmpty();
    assertThat(states.find("fourth")).isPresent();
  }

  private LoginState state(String value, Instant expiry) {
    return new LoginState(value, moodle, "n-" + value, "https://tool.example.org/", null, expiry);
  }
}
