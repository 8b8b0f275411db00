package org.tremplin.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.keys.ToolKeySource;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestKeys;

class SignedLoginStatesTest {
  private static final Instant NOW = Instant.parse("2026-01-09T08:00:00Z");
  private static final RSAKey KEY_1 = TestKeys.rsa("k1");
  private static final RSAKey KEY_2 = TestKeys.rsa("k2");

  private final PlatformRegistration moodle =
      new PlatformRegistration(
          "moodle",
          "https://moodle.example.org",
          "client-1",
          URI.create("https://moodle.example.org/auth"),
          URI.create("https://moodle.example.org/token"),
          URI.create("https://moodle.example.org/certs"),
          Set.of("dep-1"),
          false);
  private final MutableClock clock = new MutableClock(NOW);
  private final Keys keys = new Keys(KEY_1);
  private final Set<String> usedNonces = new HashSet<>();
  private final SignedLoginStates states =
      new SignedLoginStates(
          new InMemoryRegistrations(List.of(moodle)),
          keys,
          (issuer, nonce) -> usedNonces.contains(issuer + " " + nonce),
          clock);

  private LoginState draft(String storageTarget) {
    return new LoginState(
        "random-state",
        moodle,
        "nonce-1",
        "https://tool.example.org/lti/launch",
        "dep-1",
        NOW.plus(LoginState.TIME_TO_LIVE),
        storageTarget);
  }

  @Test
  void aStateCarriesEverythingTheLaunchNeedsBack() {
    LoginState sent = states.put(draft("_parent"));

    LoginState back = states.take(sent.state()).orElseThrow();

    assertThat(sent.state()).isNotEqualTo("random-state");
    assertThat(back).isEqualTo(sent);
    assertThat(back.registration()).isEqualTo(moodle);
    assertThat(back.nonce()).isEqualTo("nonce-1");
    assertThat(back.deploymentIdHint()).isEqualTo("dep-1");
    assertThat(back.storageTarget()).isEqualTo("_parent");
    assertThat(back.expiresAt()).isEqualTo(NOW.plus(LoginState.TIME_TO_LIVE));
  }

  @Test
  void aCookieOnlyStateHasNoStorageTargetOrHintAfterTheTrip() {
    LoginState draft =
        new LoginState(
            "s", moodle, "n", "https://tool.example.org/lti/launch", null, NOW.plusSeconds(600));

    LoginState back = states.find(states.put(draft).state()).orElseThrow();

    assertThat(back.deploymentIdHint()).isNull();
    assertThat(back.storageTarget()).isNull();
  }

  @Test
  void twoLoginsWithTheSameContentGetDifferentStates() {
    assertThat(states.put(draft(null)).state()).isNotEqualTo(states.put(draft(null)).state());
  }

  @Test
  void aTamperedStateIsUnknown() {
    String state = states.put(draft(null)).state();
    int dot = state.indexOf('.');
    List<String> tampered = new ArrayList<>();
    for (int i : List.of(0, dot / 2, dot - 1, dot + 1, state.length() - 1)) {
      char c = state.charAt(i);
      tampered.add(state.substring(0, i) + (c == 'A' ? 'B' : 'A') + state.substring(i + 1));
    }
    tampered.add(state.substring(0, dot));
    tampered.add(state + "A");
    tampered.add(state.replace('.', '_'));
    tampered.add("");
    tampered.add(state + "." + state);
    tampered.add("x".repeat(3000) + "." + state.substring(dot + 1));

    for (String t : tampered) {
      assertThat(states.take(t)).as(t).isEmpty();
    }
  }

  @Test
  void everyOneCharacterChangeOfAStateMakesItUnknown() {
    String state = states.put(draft(null)).state();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int tried = 0;
    for (int i = 0; i < state.length(); i++) {
      if (state.charAt(i) == '.') {
        continue;
      }
      for (char c : new char[] {'A', 'B', 'Q', 'g', 'w', '_'}) {
        if (c != state.charAt(i) && alphabet.indexOf(c) >= 0) {
          String changed = state.substring(0, i) + c + state.substring(i + 1);
          assertThat(states.take(changed)).as("position %d to %s", i, c).isEmpty();
          tried++;
        }
      }
    }
    assertThat(tried).isGreaterThan(state.length() * 4);
  }

  @Test
  void aStateSignedByAnotherToolIsUnknown() {
    SignedLoginStates otherTool =
        new SignedLoginStates(
            new InMemoryRegistrations(List.of(moodle)), new Keys(KEY_2), (i, n) -> false, clock);

    assertThat(states.take(otherTool.put(draft(null)).state())).isEmpty();
  }

  @Test
  void aStateIsUnknownOnceTheLaunchRecordedItsNonce() {
    String state = states.put(draft(null)).state();
    assertThat(states.take(state)).isPresent();

    usedNonces.add("https://moodle.example.org nonce-1");

    assertThat(states.take(state)).isEmpty();
    assertThat(states.find(state)).isEmpty();
  }

  @Test
  void anExpiredStateReadsAsItselfSoTheLaunchCanSayExpired() {
    String state = states.put(draft(null)).state();
    clock.advance(Duration.ofHours(1));

    assertThat(states.take(state).orElseThrow().isExpiredAt(clock.instant())).isTrue();
  }

  @Test
  void aStateOfARegistrationRemovedSinceIsUnknown() {
    String state = states.put(draft(null)).state();
    SignedLoginStates withoutMoodle =
        new SignedLoginStates(new InMemoryRegistrations(List.of()), keys, (i, n) -> false, clock);

    assertThat(withoutMoodle.take(state)).isEmpty();
  }

  @Test
  void aStateSignedJustBeforeARotationStillVerifiesDuringTheOverlap() {
    String state = states.put(draft(null)).state();

    keys.current = List.of(KEY_2, KEY_1);
    clock.advance(SignedLoginStates.KEYS_TIME_TO_LIVE);

    assertThat(states.take(state)).isPresent();
    assertThat(states.put(draft(null)).state()).isNotEqualTo(state);
  }

  @Test
  void aStateSignedByAKeyAnotherNodeJustRotatedInIsFoundByOneReload() {
    assertThat(states.take(states.put(draft(null)).state())).isPresent(); // caches [KEY_1]
    keys.current = List.of(KEY_2, KEY_1);
    SignedLoginStates otherNode =
        new SignedLoginStates(
            new InMemoryRegistrations(List.of(moodle)), keys, (i, n) -> false, clock);
    String state = otherNode.put(draft(null)).state();
    clock.advance(SignedLoginStates.KEYS_RELOAD_ON_MISS);

    assertThat(states.take(state)).isPresent();
  }

  /** The tool's keys, as every node reads them. */
  private static final class Keys implements ToolKeySource {
    volatile List<RSAKey> current;

    Keys(RSAKey key) {
      current = List.of(key);
    }

    @Override
    public RSAKey signingKey() {
      return current.get(0);
    }

    @Override
    public List<RSAKey> recentSigningKeys() {
      return current;
    }

    @Override
    public String publicJwks() {
      return "{\"keys\":[]}";
    }
  }
}
