package org.tremplin.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tremplin.lti.login.LoginState;
import org.tremplin.testing.IdTokens.Signing;

/**
 * Runs the certification-style corpus ({@code src/test/resources/org/tremplin/lti/corpus}, see its
 * README) through the launch pipeline: each case is signed with a freshly generated test key, and
 * must be accepted or rejected with exactly its code.
 */
class LaunchCorpusTest {
  private static final String CORPUS = "/org/tremplin/lti/corpus/";

  static Stream<Arguments> cases() {
    return corpus().stream().map(c -> Arguments.of(c.get("name"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseEndsAsTheCorpusSays(String name, Map<String, Object> testCase) {
    LaunchOutcome outcome = run(testCase);

    String expected = (String) testCase.get("expect");
    if ("ACCEPTED".equals(expected)) {
      assertThat(outcome).isInstanceOf(LaunchOutcome.Accepted.class);
      checkContext(((LaunchOutcome.Accepted) outcome).context(), testCase);
    } else {
      assertThat(outcome).isEqualTo(new LaunchOutcome.Rejected(LaunchError.valueOf(expected)));
    }
  }

  @Test
  void theCorpusRejectsAtEveryStepOfTheSequence() {
    Set<Integer> steps = rejections().stream().map(LaunchError::step).collect(Collectors.toSet());

    assertThat(steps).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
  }

  @Test
  void theCorpusProducesEveryLaunchErrorCode() {
    assertThat(EnumSet.copyOf(rejections())).containsExactlyInAnyOrder(LaunchError.values());
  }

  @Test
  void theCorpusHoldsTheCertificationValidCases() {
    List<String> accepted =
        corpus().stream()
            .filter(c -> "ACCEPTED".equals(c.get("expect")))
            .map(c -> (String) c.get("name"))
            .toList();

    assertThat(accepted)
        .contains(
            "several roles are accepted",
            "short role Instructor is accepted",
            "short role Learner is accepted",
            "unknown role URIs are accepted",
            "roles with one empty string are accepted as no role",
            "a launch without name is accepted",
            "a launch without email is accepted",
            "a launch without any personal data is accepted",
            "a launch without context claim is accepted");
  }

  private static List<LaunchError> rejections() {
    return corpus().stream()
        .map(c -> (String) c.get("expect"))
        .filter(e -> !"ACCEPTED".equals(e))
        .map(LaunchError::valueOf)
        .toList();
  }

  /** Sets the platform and the login up as the case says, then posts its launch. */
  private static LaunchOutcome run(Map<String, Object> c) {
    Map<String, Object> registration = object(c.get("registration"));
    Map<String, Object> settings = object(c.get("settings"));
    LaunchFixture fixture =
        new LaunchFixture(
            Boolean.TRUE.equals(registration.get("autoDeployments")),
            !"unavailable".equals(c.get("keyset")),
            LaunchSettings.defaults()
                .withAnonymousLaunchAllowed(
                    Boolean.TRUE.equals(settings.get("anonymousLaunchAllowed"))));
    String state = "state-" + Integer.toHexString(Objects.hashCode(c.get("name")));
    String nonce = "nonce-" + Integer.toHexString(Objects.hashCode(c.get("name")));
    Instant expiry =
        "expired".equals(c.get("state"))
            ? LaunchFixture.NOW.minusSeconds(1)
            : LaunchFixture.NOW.plusSeconds(600);
    fixture.login(state, nonce, (String) c.get("loginDeploymentHint"), expiry);
    if (Boolean.TRUE.equals(c.get("nonceAlreadyUsed"))) {
      fixture.nonces.consume(LaunchFixture.ISSUER, nonce, LaunchFixture.NOW.plusSeconds(3600));
    }

    String postedState =
        switch (String.valueOf(c.getOrDefault("state", "ok"))) {
          case "missing" -> null;
          case "unknown" -> "a-state-we-never-issued";
          default -> state;
        };
    String binding =
        switch (String.valueOf(c.getOrDefault("binding", "ok"))) {
          case "missing" -> null;
          case "wrong" -> "state-of-another-login";
          default -> postedState == null ? null : LoginState.bindingOf(postedState);
        };
    LaunchRequest request =
        c.containsKey("platformError")
            ? new LaunchRequest(
                postedState, null, binding, (String) c.get("platformError"), "The user denied.")
            : LaunchRequest.of(postedState, token(c, nonce), binding);
    LaunchOutcome outcome = fixture.validator.validate(request);
    if (Boolean.TRUE.equals(c.get("replay"))) {
      assertThat(outcome).isInstanceOf(LaunchOutcome.Accepted.class);
      outcome = fixture.validator.validate(request);
    }
    return outcome;
  }

  private static String token(Map<String, Object> c, String nonce) {
    if (c.get("token") instanceof String raw) {
      return raw;
    }
    Map<String, Object> claims = new LinkedHashMap<>(load("base-claims.json"));
    object(c.get("claims"))
        .forEach(
            (name, value) -> {
              if (value == null) {
                claims.remove(name);
              } else {
                claims.put(name, value);
              }
            });
    claims.replaceAll((name, value) -> resolve(value, nonce));
    if (c.get("padClaimChars") instanceof Number chars) {
      claims.put("https://example.org/padding", "x".repeat(chars.intValue()));
    }
    Map<String, Object> header = object(c.get("header"));
    String alg = (String) header.getOrDefault("alg", "RS256");
    String defaultKid = alg.startsWith("ES") ? LaunchFixture.EC_KID : LaunchFixture.RSA_KID;
    String kid = header.containsKey("kid") ? (String) header.get("kid") : defaultKid;
    Signing signing = Signing.valueOf((String) c.getOrDefault("signWith", "PLATFORM"));
    return LaunchFixture.token(claims, alg, kid, signing);
  }

  private static @Nullable Object resolve(@Nullable Object value, String nonce) {
    if (!(value instanceof String text)) {
      return value;
    }
    if (text.equals("$nonce")) {
      return nonce;
    }
    if (text.startsWith("$now")) {
      return LaunchFixture.NOW.getEpochSecond()
          + Long.parseLong(text.substring(4).replace("+", ""));
    }
    return text;
  }

  private static void checkContext(LaunchContext context, Map<String, Object> c) {
    Map<String, @Nullable Object> actual = new LinkedHashMap<>();
    actual.put("sub", context.sub());
    actual.put("name", context.name());
    actual.put("contextId", context.contextId());
    actual.put("contextTitle", context.contextTitle());
    actual.put("resourceLinkId", context.resourceLinkId());
    actual.put("deploymentId", context.deploymentId());
    actual.put("deploymentAutoAccepted", context.deploymentAutoAccepted());
    actual.put("messageType", context.messageType());
    actual.put("roles", context.roles());
    actual.put("roleScopeMentor", context.roleScopeMentor());
    actual.put("targetLinkUri", context.targetLinkUri());
    actual.put("custom", context.custom());
    assertThat(context.issuer()).isEqualTo(LaunchFixture.ISSUER);
    assertThat(context.clientId()).isEqualTo(LaunchFixture.CLIENT_ID);
    object(c.get("expectContext"))
        .forEach(
            (field, expected) -> {
              assertThat(actual).as("unknown expectContext field").containsKey(field);
              assertThat(actual.get(field)).as(field).isEqualTo(expected);
            });
  }

  private static List<Map<String, Object>> corpus() {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String file : corpusFiles()) {
      try {
        for (Object item : JSONArrayUtils.parse(read(file))) {
          cases.add(object(item));
        }
      } catch (ParseException e) {
        throw new IllegalStateException(file + ": " + e.getMessage(), e);
      }
    }
    return cases;
  }

  private static List<String> corpusFiles() {
    try (Stream<Path> files =
        Files.list(
            Path.of(Objects.requireNonNull(LaunchCorpusTest.class.getResource(CORPUS)).toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.equals("base-claims.json"))
          .sorted()
          .toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> load(String file) {
    try {
      return JSONObjectUtils.parse(read(file));
    } catch (ParseException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  private static String read(String file) {
    try (InputStream in = LaunchCorpusTest.class.getResourceAsStream(CORPUS + file)) {
      return new String(Objects.requireNonNull(in, file).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
