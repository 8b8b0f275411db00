package org.tremplin.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.SchoolPlatforms;
import org.tremplin.lti.registration.JdbiRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.web.config.ConfigurationException;
import org.tremplin.web.config.TremplinConfig;
import org.tremplin.web.form.WebSchema;

/**
 * The configured installation the set-up subcommands work on: the database of {@code
 * tremplin.datasource.*} (read from the same sources, in the same order, as {@code serve}),
 * migrated, with the web pages' and the LTI adapter's tables and personal-data sections. An H2 file
 * database is opened in H2's automatic mixed mode (core's URL normalisation), so this works while
 * {@code serve} holds the file (ADR 0011). Not thread-safe.
 */
final class Installation {
  private final Config config;
  private final Tremplin tremplin;
  private final UnitOfWork database;
  private final Clock clock;

  private Installation(Config config, Tremplin tremplin, UnitOfWork database, Clock clock) {
    this.config = config;
    this.tremplin = tremplin;
    this.database = database;
    this.clock = clock;
  }

  /**
   * The system clock in the configured schools' zone ({@code tremplin.zone}, ADR 0024), as {@code
   * serve} runs on; a bad zone is a usage error naming the key.
   */
  static Clock clock(Path configFile, Messages m) {
    return clock(TremplinServer.config(configFile), m);
  }

  private static Clock clock(Config config, Messages m) {
    try {
      return Clock.system(TremplinConfig.zoneFrom(config));
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
  }

  /** The clock the installation runs on (the schools' zone). */
  Clock clock() {
    return clock;
  }

  /** Opens (and migrates) the configured database; a bad key is a usage error naming it. */
  static Installation open(Path configFile, Messages m) {
    Config config = TremplinServer.config(configFile);
    TremplinConfig.DataSourceConfig datasource;
    try {
      datasource = TremplinConfig.datasourceFrom(config);
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
    Clock clock = clock(config, m);
    Tremplin tremplin =
        Tremplin.create(
            Tremplin.dataSource(datasource.url(), datasource.username(), datasource.password()),
            clock);
    // The web pages' tables and personal-data sections first, as serve installs them: an erasure
    // from the command line must erase what the pages keep, before the LMS accounts they are found
    // through (ADR 0023).
    WebSchema.install(tremplin);
    return new Installation(config, tremplin, LtiSchema.install(tremplin), clock);
  }

  /**
   * The operator at the console: a network administrator, recorded as {@code cli:<login>} (whoever
   * can run the jar on the configured database owns it anyway).
   */
  static Actor operator() {
    String login =
        System.getProperty("user.name", "operator").replaceAll("[^A-Za-z0-9._-]", "").strip();
    String id = "cli:" + (login.isEmpty() ? "operator" : login);
    return Actor.of(id.length() > 100 ? id.substring(0, 100) : id, Role.ADMIN, new Scope.Network());
  }

  Tremplin tremplin() {
    return tremplin;
  }

  LtiDirectory directory() {
    return new LtiDirectory(database, clock);
  }

  /** Every platform with the school it serves, and the binding of one (shared with the pages). */
  SchoolPlatforms platforms(Messages m) {
    List<PlatformRegistration> configured = configuredPlatforms(m);
    return new SchoolPlatforms(
        registrations(m),
        (issuer, client) ->
            configured.stream()
                .anyMatch(c -> c.issuer().equals(issuer) && c.clientId().equals(client)),
        directory(),
        tremplin().schools());
  }

  /** The platforms of the configuration; a bad platform key is a usage error. */
  List<PlatformRegistration> configuredPlatforms(Messages m) {
    try {
      return TremplinConfig.platformsFrom(config);
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
  }

  /** Configured and dynamically registered platforms; a bad platform key is a usage error. */
  JdbiRegistrations registrations(Messages m) {
    return new JdbiRegistrations(database, configuredPlatforms(m), clock);
  }

  /**
   * The one school whose id or exact name (case and surrounding spaces ignored) is {@code given},
   * else a usage error naming {@code option} and the value.
   */
  School school(String option, String given, Messages m) {
    String wanted = given.strip().toLowerCase(Locale.ROOT);
    List<School> matching =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    s.id().value().toString().equalsIgnoreCase(wanted)
                        || s.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
            .toList();
    if (matching.size() != 1) {
      throw new UsageException(
          m.get(
              matching.isEmpty() ? "setup.schoolUnknown" : "setup.schoolAmbiguous", option, given));
    }
    return matching.get(0);
  }
}
