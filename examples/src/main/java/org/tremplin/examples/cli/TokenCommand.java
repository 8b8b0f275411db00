package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.api.token.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin token create|list|revoke}: API tokens of the configured database, for systems
 * that call the REST API (ADR 0011). {@code create} prints the token once; Tremplin keeps only a
 * hash of it. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand implements Runnable {
  /** Where a date given to {@code --expires} ends: the schools' time zone. */
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  /** The roles a token may carry. */
  enum TokenRole {
    ADMIN,
    MANAGER,
    TRAINER,
    COACH
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,5})([dhDH])");

  /**
   * When a token given {@code --expires text} stops being accepted: a date is the end of that day
   * in the clock's zone (the schools'); a duration ({@code 90d}, {@code 12h}, ISO-8601 {@code
   * P90D}, {@code PT12H}) runs from now. A usage error when it is neither, or not in the future.
   */
  static Instant expiry(String text, Clock clock, Messages m) {
    String given = text.strip();
    Instant now = clock.instant();
    Instant at;
    Matcher shortForm = SHORT_DURATION.matcher(given);
    try {
      if (shortForm.matches()) {
        long n = Long.parseLong(shortForm.group(1));
        at =
            now.plus(
                shortForm.group(2).equalsIgnoreCase("d")
                    ? Duration.ofDays(n)
                    : Duration.ofHours(n));
      } else if (given.toUpperCase(Locale.ROOT).startsWith("P")) {
        at = now.plus(parseDuration(given));
      } else {
        at = LocalDate.parse(given).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new UsageException(m.get("token.badExpiry", text));
    }
    if (!at.isAfter(now)) {
      throw new UsageException(m.get("token.pastExpiry", text));
    }
    return at;
  }

  private static Duration parseDuration(String iso) {
    return Duration.parse(iso.toUpperCase(Locale.ROOT)); // P90D, PT12H, P1DT2H
  }

  /** A token's role, with the coach it acts as for a COACH token (ADR 0017). */
  static String roleText(ApiToken token, Messages m) {
    String role = token.grant().role().name();
    return token.person().isEmpty() ? role : m.get("token.role.person", role, token.person());
  }

  /** How a token's scope reads. */
  static String scopeText(Scope scope, List<School> schools, Messages m) {
    if (scope instanceof Scope.OfSchool s) {
      return schools.stream()
          .filter(x -> x.id().equals(s.school()))
          .findFirst()
          .map(x -> m.get("token.scope.school", x.name()))
          .orElse(m.get("token.scope.school", s.school()));
    }
    return m.get("token.scope.network");
  }

  /** How a token's state reads on {@code clock} (its instant, and its zone for the times). */
  static String stateText(ApiToken token, Clock clock, Messages m) {
    if (token.revokedAt() != null) {
      return m.get("token.state.revoked", m.instant(token.revokedAt(), clock.getZone()));
    }
    if (token.expiresAt() != null) {
      return m.get(
          token.activeAt(clock.instant()) ? "token.state.expires" : "token.state.expired",
          m.instant(token.expiresAt(), clock.getZone()));
    }
    return m.get("token.state.active");
  }

  /**
   * {@code token create --school ID|NAME|--network --role ROLE [--person ACTOR-ID] [--expires
   * DATE|DURATION] [--label TEXT]}; a COACH token is of one school and names its coach with {@code
   * --person} (ADR 0017).
   */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--school", paramLabel = "ID|NAME")
    @Nullable String school;

    @Option(names = "--network")
    boolean network;

    @Option(names = "--role", required = true, paramLabel = "ROLE")
    TokenRole role = TokenRole.ADMIN;

    @Option(names = "--person", paramLabel = "ACTOR-ID")
    String person = "";

    @Option(names = "--expires", paramLabel = "DATE|DURATION")
    @Nullable String expires;

    @Option(names = "--label", paramLabel = "TEXT")
    String label = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      if ((school == null) == !network) {
        throw new UsageException(m.get("token.scopeRequired"));
      }
      if ((role == TokenRole.COACH) == person.isBlank()
          || (role == TokenRole.COACH && network)
          || person.strip().length() > 200) {
        throw new UsageException(m.get("token.coach.person"));
      }
      if (label.strip().length() > 200) {
        throw new UsageException(m.get("token.badLabel"));
      }
      Clock clock = Installation.clock(configFile, m);
      Instant expiresAt = expires == null ? null : expiry(expires, clock, m);
      Installation installation = Installation.open(configFile, m);
      Scope scope =
          school == null
              ? new Scope.Network()
              : new Scope.OfSchool(installation.school("--school", school, m).id());
      IssuedToken issued =
          installation
              .tremplin()
              .tokens()
              .create(
                  Installation.operator(),
                  new Grant(Role.valueOf(role.name()), scope),
                  person.strip(),
                  label,
                  expiresAt);
      List<School> schools = installation.tremplin().schools().list();
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          m.get(
              "token.created",
              issued.token().id(),
              roleText(issued.token(), m),
              scopeText(scope, schools, m),
              stateText(issued.token(), clock, m)));
      out.println(issued.secret());
      out.println(m.get("token.once"));
      return 0;
    }
  }

  /** {@code token list [--school ID|NAME]}: the tokens (never their secrets), newest first. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--school", paramLabel = "ID|NAME")
    @Nullable String school;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      Installation installation = Installation.open(configFile, m);
      Scope scope =
          school == null
              ? new Scope.Network()
              : new Scope.OfSchool(installation.school("--school", school, m).id());
      List<ApiToken> tokens = installation.tremplin().tokens().list(Installation.operator(), scope);
      List<School> schools = installation.tremplin().schools().list();
      PrintWriter out = spec.commandLine().getOut();
      if (tokens.isEmpty()) {
        out.println(m.get("token.none"));
      }
      for (ApiToken t : tokens) {
        out.println(
            m.get(
                "token.line",
                t.id(),
                roleText(t, m),
                scopeText(t.grant().scope(), schools, m),
                stateText(t, installation.clock(), m),
                t.label()));
      }
      return 0;
    }
  }

  /** {@code token revoke ID}: the token is refused from now on, on every node. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Parameters(index = "0", paramLabel = "ID")
    String id = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      ApiTokenId tokenId;
      try {
        tokenId = ApiTokenId.parse(id);
      } catch (TremplinException e) {
        throw new UsageException(m.get("token.badId", id));
      }
      Installation installation = Installation.open(configFile, m);
      ApiToken revoked;
      try {
        revoked = installation.tremplin().tokens().revoke(Installation.operator(), tokenId);
      } catch (TremplinException e) {
        if (e.code() == ErrorCode.TOKEN_NOT_FOUND) {
          throw new UsageException(m.get("token.unknown", id));
        }
        throw e;
      }
      spec.commandLine()
          .getOut()
          .println(
              m.get(
                  "token.revoked",
                  revoked.id(),
                  m.instant(
                      java.util.Objects.requireNonNull(revoked.revokedAt()),
                      installation.clock().getZone())));
      return 0;
    }
  }
}
