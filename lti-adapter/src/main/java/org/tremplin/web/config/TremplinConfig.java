package org.tremplin.web.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.tremplin.api.access.Role;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.RegistrationPolicy;

/**
 * The tool's configuration, read once from MicroProfile Config (keys in ARCHITECTURE.md). Values
 * are read as strings and parsed here, so every error names its key whatever the Config
 * implementation. Immutable.
 *
 * @param baseUrl {@code tremplin.base-url}: the tool's public URL
 * @param http {@code tremplin.http.host} / {@code tremplin.http.port}
 * @param platforms {@code tremplin.lti.platforms} and their {@code tremplin.lti.platform.<name>.*}
 * @param clockSkew {@code tremplin.lti.clock-skew}, ISO-8601, default {@code PT60S}
 * @param datasource {@code tremplin.datasource.url} / {@code .username} / {@code .password}
 * @param registration who may use {@code /lti/register} and where it may connect: {@code
 *     tremplin.lti.registration-key} (only URLs carrying {@code key=<it>} are served; never shown
 *     by {@code toString}), {@code tremplin.lti.registration.allowed-hosts}, {@code
 *     tremplin.lti.registration.open}, {@code tremplin.lti.registration.allow-private-addresses};
 *     closed by default (docs/operations.md)
 * @param frameAncestors {@code tremplin.lti.frame-ancestors}: origins allowed to frame the tool
 *     besides the registered platforms' own ({@code scheme://host[:port]}, e.g. a Canvas
 *     institution's domain); empty by default
 * @param apiRateLimit {@code tremplin.api.rate-limit}: requests per minute per API token on each
 *     node, default {@value #DEFAULT_API_RATE_LIMIT}; 0 turns the limit off (docs/api.md)
 * @param zone {@code tremplin.zone}: the time zone in which the schools' days turn (what "today" is
 *     for a mark, an assessment or a meeting), default {@code Europe/Paris} (ADR 0024)
 * @param privacy {@code tremplin.privacy.purge-coaching-notes} and {@code
 *     tremplin.privacy.coaching-notes-years}: whether the nodes apply the retention rule to every
 *     school once a day, and after how many years from the exit (ADR 0025)
 */
public record TremplinConfig(
    URI baseUrl,
    HttpConfig http,
    List<PlatformRegistration> platforms,
    Duration clockSkew,
    DataSourceConfig datasource,
    RegistrationPolicy registration,
    List<String> frameAncestors,
    int apiRateLimit,
    ZoneId zone,
    PrivacyConfig privacy) {

  /** The schools' zone when {@code tremplin.zone} is not set: metropolitan France. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

  /**
   * With the default privacy settings ({@link PrivacyConfig#DEFAULT}: coaching notes purged two
   * years after the exit, once a day).
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   * @param registration the registration
   * @param frameAncestors the frame ancestors
   * @param apiRateLimit requests per minute per API token, 0 for no limit
   * @param zone the schools' time zone
   */
  public TremplinConfig(
      URI baseUrl,
      HttpConfig http,
      List<PlatformRegistration> platforms,
      Duration clockSkew,
      DataSourceConfig datasource,
      RegistrationPolicy registration,
      List<String> frameAncestors,
      int apiRateLimit,
      ZoneId zone) {
    this(
        baseUrl,
        http,
        platforms,
        clockSkew,
        datasource,
        registration,
        frameAncestors,
        apiRateLimit,
        zone,
        PrivacyConfig.DEFAULT);
  }

  /**
   * In the default zone ({@link #DEFAULT_ZONE}).
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   * @param registration the registration
   * @param frameAncestors the frame ancestors
   * @param apiRateLimit requests per minute per API token, 0 for no limit
   */
  public TremplinConfig(
      URI baseUrl,
      HttpConfig http,
      List<PlatformRegistration> platforms,
      Duration clockSkew,
      DataSourceConfig datasource,
      RegistrationPolicy registration,
      List<String> frameAncestors,
      int apiRateLimit) {
    this(
        baseUrl,
        http,
        platforms,
        clockSkew,
        datasource,
        registration,
        frameAncestors,
        apiRateLimit,
        DEFAULT_ZONE);
  }

  /** Requests per minute per API token when {@code tremplin.api.rate-limit} is not set. */
  public static final int DEFAULT_API_RATE_LIMIT = 600;

  /**
   * With the default API rate limit ({@value #DEFAULT_API_RATE_LIMIT} requests per minute per
   * token).
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   * @param registration the registration
   * @param frameAncestors the frame ancestors
   */
  public TremplinConfig(
      URI baseUrl,
      HttpConfig http,
      List<PlatformRegistration> platforms,
      Duration clockSkew,
      DataSourceConfig datasource,
      RegistrationPolicy registration,
      List<String> frameAncestors) {
    this(
        baseUrl,
        http,
        platforms,
        clockSkew,
        datasource,
        registration,
        frameAncestors,
        DEFAULT_API_RATE_LIMIT);
  }

  /**
   * With no extra frame ancestors.
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   * @param registration the registration
   */
  public TremplinConfig(
      URI baseUrl,
      HttpConfig http,
      List<PlatformRegistration> platforms,
      Duration clockSkew,
      DataSourceConfig datasource,
      RegistrationPolicy registration) {
    this(baseUrl, http, platforms, clockSkew, datasource, registration, List.of());
  }

  /**
   * With dynamic registration closed ({@link RegistrationPolicy#closed()}).
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   */
  public TremplinConfig(
      URI baseUrl,
      HttpConfig http,
      List<PlatformRegistration> platforms,
      Duration clockSkew,
      DataSourceConfig datasource) {
    this(baseUrl, http, platforms, clockSkew, datasource, RegistrationPolicy.closed());
  }

  /**
   * This configuration with these platforms instead of its own (every other setting kept).
   *
   * @param platforms the statically configured platforms
   * @return the new configuration
   */
  public TremplinConfig withPlatforms(List<PlatformRegistration> platforms) {
    return new TremplinConfig(
        baseUrl,
        http,
        platforms,
        clockSkew,
        datasource,
        registration,
        frameAncestors,
        apiRateLimit,
        zone,
        privacy);
  }

  /**
   * This configuration with these privacy settings instead of its own (every other setting kept).
   *
   * @param privacy the retention settings
   * @return the new configuration
   */
  public TremplinConfig withPrivacy(PrivacyConfig privacy) {
    return new TremplinConfig(
        baseUrl,
        http,
        platforms,
        clockSkew,
        datasource,
        registration,
        frameAncestors,
        apiRateLimit,
        zone,
        privacy);
  }

  /**
   * The system clock in the schools' zone: its instants are the machine's, its days are the
   * schools' ({@link java.time.LocalDate#now(Clock)} turns at midnight in {@link #zone}, not at
   * midnight UTC).
   *
   * @return the clock an installation runs on
   */
  public Clock clock() {
    return Clock.system(zone);
  }

  /**
   * The registration key, if the installation has one ({@code tremplin.lti.registration-key}).
   *
   * @return the registration key, if the installation has one ({@code
   *     tremplin.lti.registration-key})
   */
  public Optional<String> registrationKey() {
    return registration.key();
  }

  /** Path of the redirect URI (the launch endpoint) under the base URL. */
  public static final String LAUNCH_PATH = "lti/launch";

  /** Default accepted clock skew. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /**
   * Validates and copies.
   *
   * @param baseUrl the tool's public base URL
   * @param http the http
   * @param platforms the platforms
   * @param clockSkew the clock skew
   * @param datasource the datasource
   * @param registration the registration
   * @param frameAncestors the frame ancestors
   * @param apiRateLimit requests per minute per API token, 0 for no limit
   * @param zone the schools' time zone
   * @param privacy the retention settings
   */
  public TremplinConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(datasource, "datasource");
    Objects.requireNonNull(registration, "registration");
    platforms = List.copyOf(platforms);
    frameAncestors = List.copyOf(frameAncestors);
    if (apiRateLimit < 0) {
      throw new ConfigurationException("tremplin.api.rate-limit", "cannot be negative");
    }
    if (!baseUrl.toString().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
  }

  /**
   * Where the server listens.
   *
   * @param host {@code tremplin.http.host}, default {@code 127.0.0.1}
   * @param port {@code tremplin.http.port}, default 8080
   */
  public record HttpConfig(String host, int port) {
    /** Default host: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Default port. */
    public static final int DEFAULT_PORT = 8080;

    /**
     * Checks the port range.
     *
     * @param host the host
     * @param port the port
     */
    public HttpConfig {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  /**
   * The database the tool keeps its state in (and the domain data, when it runs alone).
   *
   * @param url {@code tremplin.datasource.url}, default {@link #DEFAULT_URL}
   * @param username {@code tremplin.datasource.username}, default {@code sa} for H2, else empty
   * @param password {@code tremplin.datasource.password}, default empty; never shown by {@code
   *     toString}
   */
  public record DataSourceConfig(String url, String username, String password) {
    /** Default database: an H2 file under {@code ./data}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tremplin";

    /**
     * Requires a JDBC URL.
     *
     * @param url the URL
     * @param username the username
     * @param password the password
     */
    public DataSourceConfig {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("not a JDBC URL: " + url);
      }
    }

    /**
     * Whether this is an H2 database (embedded).
     *
     * @return whether this is an H2 database (embedded)
     */
    public boolean isH2() {
      return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
      return "DataSourceConfig[url=" + url + ", username=" + username + ", password=***]";
    }
  }

  /**
   * What the nodes do with personal data past its retention period.
   *
   * @param purgeCoachingNotes {@code tremplin.privacy.purge-coaching-notes}, default {@code true}:
   *     whether each node applies the retention rule to every school once a day (idempotent, so
   *     several nodes may; ADR 0025)
   * @param retention {@code tremplin.privacy.coaching-notes-years}, 1 to 50, default 2: the
   *     coaching notes of a learner are purged this many years after their exit
   */
  public record PrivacyConfig(boolean purgeCoachingNotes, RetentionPolicy retention) {
    /** Purged two years after the exit, as core's reference data says (docs/domain-rules.md). */
    public static final PrivacyConfig DEFAULT = new PrivacyConfig(true, new RetentionPolicy(2));

    /**
     * Validates.
     *
     * @param purgeCoachingNotes whether the nodes purge
     * @param retention after how long
     */
    public PrivacyConfig {
      Objects.requireNonNull(retention, "retention");
    }
  }

  @Override
  public String toString() {
    return "TremplinConfig[baseUrl="
        + baseUrl
        + ", http="
        + http
        + ", platforms="
        + platforms
        + ", clockSkew="
        + clockSkew
        + ", datasource="
        + datasource
        + ", registration="
        + registration
        + "]";
  }

  /**
   * The tool's URLs: the base URL and the redirect URI {@code <base>lti/launch}.
   *
   * @return the tool's URLs: the base URL and the redirect URI {@code <base>lti/launch}
   */
  public ToolUrls toolUrls() {
    return new ToolUrls(baseUrl, baseUrl + LAUNCH_PATH);
  }

  /**
   * Reads the configuration.
   *
   * @param config the configuration
   * @return the tremplin config
   * @throws ConfigurationException naming the first missing or malformed key
   */
  public static TremplinConfig from(Config config) {
    Reader r = new Reader(config);
    URI baseUrl = r.httpUrl("tremplin.base-url");
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new ConfigurationException("tremplin.base-url", "must have no query nor fragment");
    }
    String host = r.optional("tremplin.http.host").orElse(HttpConfig.DEFAULT_HOST);
    int port = r.port("tremplin.http.port");
    Duration skew = r.duration("tremplin.lti.clock-skew", DEFAULT_CLOCK_SKEW);
    List<PlatformRegistration> platforms = new ArrayList<>();
    for (String name : r.list("tremplin.lti.platforms")) {
      platforms.add(r.platform(name));
    }
    List<String> frameAncestors = r.list("tremplin.lti.frame-ancestors");
    for (String origin : frameAncestors) {
      if (!isOrigin(origin)) {
        throw new ConfigurationException(
            "tremplin.lti.frame-ancestors", "not an origin (scheme://host[:port]): " + origin);
      }
    }
    return new TremplinConfig(
        baseUrl,
        new HttpConfig(host, port),
        platforms,
        skew,
        r.datasource(),
        r.registration(),
        frameAncestors,
        r.rateLimit("tremplin.api.rate-limit"),
        r.zone(),
        r.privacy());
  }

  /**
   * The schools' zone alone ({@code tremplin.zone}), read as {@link #from} reads it: for the
   * command line's subcommands, which need no base URL.
   *
   * @param config the configuration
   * @return the zone, {@link #DEFAULT_ZONE} when the key is not set
   * @throws ConfigurationException when the key names no time zone
   */
  public static ZoneId zoneFrom(Config config) {
    return new Reader(config).zone();
  }

  /**
   * The database keys alone ({@code tremplin.datasource.*}), read as {@link #from} reads them: for
   * the command line's set-up subcommands, which need no base URL.
   *
   * @param config the configuration
   * @return the database keys alone ({@code tremplin.datasource.*}), read as {@link #from} reads
   *     them: for the command line's set-up subcommands, which need no base URL
   * @throws ConfigurationException naming a malformed key
   */
  public static DataSourceConfig datasourceFrom(Config config) {
    return new Reader(config).datasource();
  }

  /**
   * The statically configured platforms alone ({@code tremplin.lti.platforms} and their keys), read
   * as {@link #from} reads them.
   *
   * @param config the configuration
   * @return the statically configured platforms alone ({@code tremplin.lti.platforms} and their
   *     keys), read as {@link #from} reads them
   * @throws ConfigurationException naming the first missing or malformed key
   */
  public static List<PlatformRegistration> platformsFrom(Config config) {
    Reader r = new Reader(config);
    List<PlatformRegistration> platforms = new ArrayList<>();
    for (String name : r.list("tremplin.lti.platforms")) {
      platforms.add(r.platform(name));
    }
    return List.copyOf(platforms);
  }

  private static final java.util.regex.Pattern ORIGIN =
      java.util.regex.Pattern.compile(
          "https?://(\\*\\.)?[a-z0-9.-]+(:[0-9]{1,5})?", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Whether the text is an origin a {@code frame-ancestors} source may name: {@code
   * http(s)://host[:port]}, the host optionally {@code *.}-prefixed; nothing else (no path, no
   * separator that would end the directive).
   *
   * @param text the candidate
   * @return whether it is one
   */
  public static boolean isOrigin(String text) {
    return ORIGIN.matcher(text).matches();
  }

  /** Reads and parses single keys, each error naming its key. */
  private record Reader(Config config) {

    Optional<String> optional(String key) {
      return config
          .getOptionalValue(key, String.class)
          .map(String::strip)
          .filter(v -> !v.isEmpty());
    }

    String required(String key) {
      return optional(key).orElseThrow(() -> new ConfigurationException(key, "missing"));
    }

    URI httpUrl(String key) {
      String value = required(key);
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        throw new ConfigurationException(key, "not a URL");
      }
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new ConfigurationException(key, "must be an absolute http(s) URL");
      }
      return uri;
    }

    PrivacyConfig privacy() {
      boolean purge =
          optional("tremplin.privacy.purge-coaching-notes").isEmpty()
              || bool("tremplin.privacy.purge-coaching-notes");
      Optional<String> years = optional("tremplin.privacy.coaching-notes-years");
      if (years.isEmpty()) {
        return new PrivacyConfig(purge, PrivacyConfig.DEFAULT.retention());
      }
      try {
        int value = Integer.parseInt(years.get());
        if (value >= 1 && value <= 50) {
          return new PrivacyConfig(purge, new RetentionPolicy(value));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigurationException(
          "tremplin.privacy.coaching-notes-years", "must be a number of years from 1 to 50");
    }

    ZoneId zone() {
      Optional<String> value = optional("tremplin.zone");
      if (value.isEmpty()) {
        return DEFAULT_ZONE;
      }
      try {
        return ZoneId.of(value.get());
      } catch (DateTimeException e) {
        throw new ConfigurationException(
            "tremplin.zone",
            "not a time zone (a region id such as Europe/Paris or Indian/Reunion)");
      }
    }

    int rateLimit(String key) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return DEFAULT_API_RATE_LIMIT;
      }
      try {
        int limit = Integer.parseInt(value.get());
        if (limit >= 0) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigurationException(key, "must be a number of requests per minute (0: none)");
    }

    int port(String key) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return HttpConfig.DEFAULT_PORT;
      }
      try {
        int port = Integer.parseInt(value.get());
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigurationException(key, "must be a port number (0 to 65535)");
    }

    Duration duration(String key, Duration fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        Duration duration = Duration.parse(value.get());
        if (!duration.isNegative()) {
          return duration;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new ConfigurationException(key, "must be a non-negative ISO-8601 duration, e.g. PT60S");
    }

    boolean bool(String key) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return false;
      }
      return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new ConfigurationException(key, "must be true or false");
      };
    }

    List<String> list(String key) {
      return optional(key).stream()
          .flatMap(v -> Arrays.stream(v.split(",")))
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .distinct()
          .toList();
    }

    RegistrationPolicy registration() {
      List<String> hosts = list("tremplin.lti.registration.allowed-hosts");
      try {
        return new RegistrationPolicy(
            optional("tremplin.lti.registration-key"),
            hosts,
            bool("tremplin.lti.registration.open"),
            bool("tremplin.lti.registration.allow-private-addresses"));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("tremplin.lti.registration.allowed-hosts", e.getMessage());
      }
    }

    DataSourceConfig datasource() {
      String url = optional("tremplin.datasource.url").orElse(DataSourceConfig.DEFAULT_URL);
      if (!url.startsWith("jdbc:")) {
        throw new ConfigurationException(
            "tremplin.datasource.url", "must be a JDBC URL, e.g. " + DataSourceConfig.DEFAULT_URL);
      }
      String user =
          optional("tremplin.datasource.username").orElse(url.startsWith("jdbc:h2:") ? "sa" : "");
      String password =
          config.getOptionalValue("tremplin.datasource.password", String.class).orElse("");
      return new DataSourceConfig(url, user, password);
    }

    PlatformRegistration platform(String name) {
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new ConfigurationException(
            "tremplin.lti.platforms", "platform names use letters, digits, '-' and '_' only");
      }
      String prefix = "tremplin.lti.platform." + name + ".";
      Set<String> deployments = new LinkedHashSet<>(list(prefix + "deployment-ids"));
      boolean auto = bool(prefix + "auto-deployments");
      if (deployments.isEmpty() && !auto) {
        throw new ConfigurationException(
            prefix + "deployment-ids", "missing (or set " + prefix + "auto-deployments=true)");
      }
      return new PlatformRegistration(
          name,
          required(prefix + "issuer"),
          required(prefix + "client-id"),
          httpUrl(prefix + "auth-url"),
          httpUrl(prefix + "token-url"),
          httpUrl(prefix + "jwks-url"),
          deployments,
          auto,
          roleMapping(prefix + "role-mapping"));
    }

    /** {@code Mentor=COACH, TeachingAssistant=LEARNER}: principal context role names → roles. */
    java.util.Map<String, Role> roleMapping(String key) {
      java.util.Map<String, Role> mapping = new java.util.LinkedHashMap<>();
      for (String entry : list(key)) {
        int eq = entry.indexOf('=');
        String name = eq < 0 ? "" : entry.substring(0, eq).strip();
        String role = eq < 0 ? "" : entry.substring(eq + 1).strip();
        if (!name.matches("[A-Za-z]+")) {
          throw new ConfigurationException(
              key, "entries are ContextRole=ROLE, e.g. Mentor=COACH; got '" + entry + "'");
        }
        try {
          mapping.put(name, Role.valueOf(role.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(
              key, "unknown role '" + role + "' (LEARNER, TRAINER, COACH, MANAGER or ADMIN)");
        }
      }
      return mapping;
    }
  }
}
