package org.tremplin.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Role;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.lti.registration.PlatformRegistration;

class TremplinConfigTest {

  private final Map<String, String> values = new HashMap<>(minimal());

  private static Map<String, String> minimal() {
    Map<String, String> v = new HashMap<>();
    v.put("tremplin.base-url", "https://tremplin.example.org");
    v.put("tremplin.lti.platforms", "moodle, canvas");
    v.put("tremplin.lti.platform.moodle.issuer", "https://moodle.example.org");
    v.put("tremplin.lti.platform.moodle.client-id", "abc");
    v.put("tremplin.lti.platform.moodle.deployment-ids", "1,2");
    v.put("tremplin.lti.platform.moodle.auth-url", "https://moodle.example.org/auth");
    v.put("tremplin.lti.platform.moodle.token-url", "https://moodle.example.org/token");
    v.put("tremplin.lti.platform.moodle.jwks-url", "https://moodle.example.org/certs");
    v.put("tremplin.lti.platform.canvas.issuer", "https://canvas.instructure.com");
    v.put("tremplin.lti.platform.canvas.client-id", "1000");
    v.put("tremplin.lti.platform.canvas.auto-deployments", "true");
    v.put("tremplin.lti.platform.canvas.auth-url", "https://sso.canvaslms.com/auth");
    v.put("tremplin.lti.platform.canvas.token-url", "https://sso.canvaslms.com/token");
    v.put("tremplin.lti.platform.canvas.jwks-url", "https://sso.canvaslms.com/jwks");
    return v;
  }

  @Test
  void frameAncestorsAreReadCheckedAndKeptWhenThePlatformsAreReplaced() {
    values.put("tremplin.lti.frame-ancestors", "https://canvas.ecole.fr, https://*.lms.example");
    values.put("tremplin.lti.registration.open", "true");
    TremplinConfig config = TremplinConfig.from(new MapConfig(values));

    TremplinConfig replaced = config.withPlatforms(List.of(config.platforms().get(0)));

    assertThat(replaced.frameAncestors())
        .containsExactly("https://canvas.ecole.fr", "https://*.lms.example");
    assertThat(replaced.registration()).isEqualTo(config.registration());
    assertThat(replaced.platforms()).containsExactly(config.platforms().get(0));
    values.put("tremplin.lti.frame-ancestors", "https://a.example; script-src *");
    assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(values)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tremplin.lti.frame-ancestors");
  }

  @Test
  void readsEveryKeyWithItsDefaults() {
    TremplinConfig config = TremplinConfig.from(new MapConfig(values));

    assertThat(config.baseUrl()).isEqualTo(URI.create("https://tremplin.example.org/"));
    assertThat(config.http()).isEqualTo(new TremplinConfig.HttpConfig("127.0.0.1", 8080));
    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.toolUrls().redirectUri())
        .isEqualTo("https://tremplin.example.org/lti/launch");
    assertThat(config.platforms())
        .extracting(PlatformRegistration::name)
        .containsExactly("moodle", "canvas");
    PlatformRegistration moodle = config.platforms().get(0);
    assertThat(moodle.deploymentIds()).isEqualTo(Set.of("1", "2"));
    assertThat(moodle.autoDeployments()).isFalse();
    assertThat(config.platforms().get(1).autoDeployments()).isTrue();
  }

  @Test
  void theSchoolsDayTurnsAtMidnightInParisUnlessAnotherZoneIsConfigured() {
    Instant halfPastMidnightInParis = Instant.parse("2026-12-03T23:30:00Z");

    TremplinConfig metropolitan = TremplinConfig.from(new MapConfig(values));
    values.put("tremplin.zone", "Indian/Reunion");
    TremplinConfig reunion = TremplinConfig.from(new MapConfig(values));

    assertThat(metropolitan.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(metropolitan.clock().getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(LocalDate.now(Clock.fixed(halfPastMidnightInParis, metropolitan.clock().getZone())))
        .isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(reunion.clock().getZone()).isEqualTo(ZoneId.of("Indian/Reunion"));
    assertThat(TremplinConfig.zoneFrom(new MapConfig(values)))
        .isEqualTo(ZoneId.of("Indian/Reunion"));
    assertThat(reunion.withPlatforms(List.of()).zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
  }

  @Test
  void coachingNotesArePurgedTwoYearsAfterTheExitUnlessConfiguredOtherwise() {
    TremplinConfig defaults = TremplinConfig.from(new MapConfig(values));
    values.put("tremplin.privacy.coaching-notes-years", "5");
    TremplinConfig five = TremplinConfig.from(new MapConfig(values));
    values.put("tremplin.privacy.purge-coaching-notes", "false");
    TremplinConfig off = TremplinConfig.from(new MapConfig(values));

    assertThat(defaults.privacy())
        .isEqualTo(new TremplinConfig.PrivacyConfig(true, new RetentionPolicy(2)));
    assertThat(five.privacy())
        .isEqualTo(new TremplinConfig.PrivacyConfig(true, new RetentionPolicy(5)));
    assertThat(off.privacy().purgeCoachingNotes()).isFalse();
    assertThat(off.withPlatforms(List.of()).privacy()).isEqualTo(off.privacy());
    assertThat(defaults.withPrivacy(off.privacy()).privacy()).isEqualTo(off.privacy());
  }

  @Test
  void aRetentionOutsideOneToFiftyYearsOrNotABooleanIsRefusedNamingItsKey() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("tremplin.privacy.coaching-notes-years", "0"),
            Map.entry("tremplin.privacy.coaching-notes-years", "51"),
            Map.entry("tremplin.privacy.coaching-notes-years", "deux"),
            Map.entry("tremplin.privacy.purge-coaching-notes", "oui"))) {
      Map<String, String> config = new HashMap<>(values);
      config.put(bad.getKey(), bad.getValue());

      assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(config)))
          .as(bad.toString())
          .isInstanceOf(ConfigurationException.class)
          .extracting(e -> ((ConfigurationException) e).key())
          .isEqualTo(bad.getKey());
    }
  }

  @Test
  void readsHostPortAndSkew() {
    values.put("tremplin.http.host", "0.0.0.0");
    values.put("tremplin.http.port", "9090");
    values.put("tremplin.lti.clock-skew", "PT5S");

    TremplinConfig config = TremplinConfig.from(new MapConfig(values));

    assertThat(config.http()).isEqualTo(new TremplinConfig.HttpConfig("0.0.0.0", 9090));
    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void namesTheMissingKey() {
    values.remove("tremplin.lti.platform.moodle.client-id");

    assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(values)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tremplin.lti.platform.moodle.client-id")
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("tremplin.lti.platform.moodle.client-id");
  }

  @Test
  void namesTheMissingBaseUrl() {
    values.remove("tremplin.base-url");

    assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(values)))
        .hasMessageContaining("tremplin.base-url");
  }

  @Test
  void namesMalformedValues() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("tremplin.http.port", "eighty"),
            Map.entry("tremplin.http.port", "70000"),
            Map.entry("tremplin.lti.clock-skew", "60"),
            Map.entry("tremplin.lti.platform.moodle.auto-deployments", "yes"),
            Map.entry("tremplin.lti.platform.moodle.jwks-url", "not a url"),
            Map.entry("tremplin.lti.platform.moodle.auth-url", "ftp://moodle.example.org/auth"),
            Map.entry("tremplin.base-url", "tremplin.example.org"),
            Map.entry("tremplin.datasource.url", "postgres://db/tremplin"),
            Map.entry("tremplin.lti.platform.moodle.role-mapping", "Mentor=GURU"),
            Map.entry("tremplin.lti.platform.moodle.role-mapping", "Mentor"),
            Map.entry("tremplin.lti.platform.moodle.role-mapping", "membership#Mentor=COACH"),
            Map.entry("tremplin.zone", "Paris"),
            Map.entry("tremplin.zone", "CET+1"))) {
      Map<String, String> copy = new HashMap<>(minimal());
      copy.put(bad.getKey(), bad.getValue());
      assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(copy)))
          .as(bad.toString())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(bad.getKey());
    }
  }

  @Test
  void theDatabaseDefaultsToAnH2FileUnderDataAndHidesItsPassword() {
    TremplinConfig defaults = TremplinConfig.from(new MapConfig(values));
    values.put("tremplin.datasource.url", "jdbc:postgresql://db:5432/tremplin");
    values.put("tremplin.datasource.username", "tremplin");
    values.put("tremplin.datasource.password", "s3cret");

    TremplinConfig pg = TremplinConfig.from(new MapConfig(values));

    assertThat(defaults.datasource())
        .isEqualTo(new TremplinConfig.DataSourceConfig("jdbc:h2:file:./data/tremplin", "sa", ""));
    assertThat(pg.datasource())
        .isEqualTo(
            new TremplinConfig.DataSourceConfig(
                "jdbc:postgresql://db:5432/tremplin", "tremplin", "s3cret"));
    assertThat(pg.datasource().toString()).doesNotContain("s3cret");
    assertThat(pg.toString()).doesNotContain("s3cret");
  }

  @Test
  void aRegistrationKeyIsOptionalAndNeverShown() {
    assertThat(TremplinConfig.from(new MapConfig(values)).registrationKey()).isEmpty();
    values.put("tremplin.lti.registration-key", " k3y-for-lms-admins ");

    TremplinConfig config = TremplinConfig.from(new MapConfig(values));

    assertThat(config.registrationKey()).contains("k3y-for-lms-admins");
    assertThat(config.toString()).doesNotContain("k3y-for-lms-admins");
  }

  @Test
  void registrationIsClosedAndRefusesPrivateAddressesUnlessConfigured() {
    assertThat(TremplinConfig.from(new MapConfig(values)).registration())
        .isEqualTo(org.tremplin.lti.registration.RegistrationPolicy.closed());
    values.put("tremplin.lti.registration.allowed-hosts", "*.MoodleCloud.com, lms.example.org");
    values.put("tremplin.lti.registration.open", "true");
    values.put("tremplin.lti.registration.allow-private-addresses", "true");

    org.tremplin.lti.registration.RegistrationPolicy policy =
        TremplinConfig.from(new MapConfig(values)).registration();

    assertThat(policy.allowedHosts()).containsExactly("*.moodlecloud.com", "lms.example.org");
    assertThat(policy.open()).isTrue();
    assertThat(policy.allowPrivateAddresses()).isTrue();
  }

  @Test
  void aMalformedAllowedHostNamesItsKey() {
    values.put("tremplin.lti.registration.allowed-hosts", "https://lms.example.org/");

    assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(values)))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("tremplin.lti.registration.allowed-hosts");
  }

  @Test
  void aPlatformMayOverrideTheRoleMappingOfSomeContextRoles() {
    values.put(
        "tremplin.lti.platform.moodle.role-mapping", "Mentor=TRAINER, ContentDeveloper=manager");

    TremplinConfig config = TremplinConfig.from(new MapConfig(values));

    assertThat(config.platforms().get(0).roleMapping())
        .isEqualTo(Map.of("Mentor", Role.TRAINER, "ContentDeveloper", Role.MANAGER));
    assertThat(config.platforms().get(1).roleMapping()).isEmpty();
  }

  @Test
  void refusesAPlatformWithNeitherDeploymentsNorAutoPolicy() {
    values.remove("tremplin.lti.platform.moodle.deployment-ids");

    assertThatThrownBy(() -> TremplinConfig.from(new MapConfig(values)))
        .hasMessageContaining("tremplin.lti.platform.moodle.deployment-ids");
  }

  /** The smallest MicroProfile Config over a map, for reading string values. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      if (type != String.class) {
        throw new UnsupportedOperationException(type.getName());
      }
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new IllegalArgumentException();
    }
  }
}
