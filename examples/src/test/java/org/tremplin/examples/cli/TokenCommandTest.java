package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TokenCommandTest {
  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Paris"));
  private static final Messages EN = Messages.of("en");

  @Test
  void aDateExpiresAtTheEndOfThatDayInParis() {
    assertThat(TokenCommand.expiry("2027-06-30", CLOCK, EN))
        .isEqualTo(Instant.parse("2027-06-30T22:00:00Z")); // midnight in Paris, summer time
    assertThat(TokenCommand.expiry("2027-01-15", CLOCK, EN))
        .isEqualTo(Instant.parse("2027-01-15T23:00:00Z"));
  }

  @Test
  void aDateExpiresAtTheEndOfThatDayInTheConfiguredZone() {
    Clock reunion = Clock.fixed(NOW, ZoneId.of("Indian/Reunion"));

    assertThat(TokenCommand.expiry("2027-01-15", reunion, EN))
        .isEqualTo(Instant.parse("2027-01-15T20:00:00Z")); // midnight in La Réunion, UTC+4
  }

  @Test
  void aDurationRunsFromNowInShortOrIsoForm() {
    assertThat(TokenCommand.expiry("90d", CLOCK, EN)).isEqualTo(NOW.plus(Duration.ofDays(90)));
    assertThat(TokenCommand.expiry("12h", CLOCK, EN)).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(TokenCommand.expiry("P90D", CLOCK, EN)).isEqualTo(NOW.plus(Duration.ofDays(90)));
    assertThat(TokenCommand.expiry("pt12h", CLOCK, EN)).isEqualTo(NOW.plus(Duration.ofHours(12)));
  }

  @Test
  void anUnreadableOrPastExpiryIsAUsageErrorNamingIt() {
    for (String bad : new String[] {"soon", "2027-13-01", "90", "P", "-5d"}) {
      assertThatThrownBy(() -> TokenCommand.expiry(bad, CLOCK, EN))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--expires " + bad + ": expected a date");
    }
    for (String past : new String[] {"2026-12-02", "PT0S", "0d", "PT-1H"}) {
      assertThatThrownBy(() -> TokenCommand.expiry(past, CLOCK, EN))
          .as(past)
          .isInstanceOf(UsageException.class)
          .hasMessage("--expires " + past + ": that moment has already passed");
    }
  }
}
