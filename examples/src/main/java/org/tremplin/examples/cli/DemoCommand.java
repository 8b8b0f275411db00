package org.tremplin.examples.cli;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jspecify.annotations.Nullable;
import org.tremplin.examples.demo.DemoCheck;
import org.tremplin.examples.demo.DemoServer;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.web.config.ConfigurationException;
import org.tremplin.web.config.TremplinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin demo}: the tool with the demo school seeded (first start only) in an H2 file
 * database under {@code --data} (default {@code ./data}) and the demo LMS at {@code <base>demo}.
 * Defaults: {@code tremplin.base-url=http://localhost:<port>/}, port 8080, host 127.0.0.1; every
 * key can be set as for {@code serve} (system properties, environment, {@code
 * tremplin.properties}), and {@code --port} / {@code --data} win over them. Prints the URL to open,
 * then serves until Ctrl-C. With {@code --check} it launches once per role over HTTP against
 * itself, prints one line per role, then runs the LTI Advantage cycle ({@link DemoCheck#cycle}:
 * roster read, activity placed, launched, assessed, graded) with one line per step by name, stops,
 * and exits 0 only if every launch landed on its role's page and no step failed. A taken port exits
 * with code 2. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class DemoCommand implements Callable<Integer> {
  /** Ordinal of the demo's defaults: below every configuration source. */
  static final int DEFAULTS_ORDINAL = 50;

  /** Ordinal of the command-line options: above every configuration source. */
  static final int OPTIONS_ORDINAL = 600;

  /** Ordinal of the user's configuration (system properties, environment, file). */
  static final int USER_ORDINAL = 300;

  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Option(names = "--port", paramLabel = "N")
  @Nullable Integer port;

  @Option(names = "--data", paramLabel = "DIR")
  @Nullable Path data;

  @Option(names = "--check")
  boolean check;

  @Override
  public Integer call() throws InterruptedException {
    Messages m = lang.messages();
    if (port != null && (port < 0 || port > 65535)) {
      throw new UsageException(m.get("demo.badPort", String.valueOf(port)));
    }
    Path dataDir = (data == null ? Path.of("data") : data).toAbsolutePath().normalize();
    TremplinConfig config;
    try {
      config = TremplinConfig.from(config(dataDir));
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
    String host = config.http().host();
    int listen = config.http().port();
    if (listen != 0 && !free(host, listen)) {
      throw new UsageException(m.get("demo.portTaken", String.valueOf(listen), host));
    }
    DemoServer demo;
    try {
      demo = DemoServer.start(config, dataDir);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new UsageException(m.get("demo.portTaken", String.valueOf(listen), host));
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(m.get(check ? "demo.checking" : "demo.open", demo.home()));
    out.flush();
    if (check) {
      try (demo) {
        return check(demo, m, out);
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  stopped.countDown();
                },
                "tremplin-demo-shutdown"));
    stopped.await();
    return 0;
  }

  private static int check(DemoServer demo, Messages m, PrintWriter out) {
    DemoCheck checker = new DemoCheck(demo, m.locale().getLanguage());
    List<DemoCheck.Result> results = checker.run();
    boolean allPassed = true;
    for (DemoCheck.Result r : results) {
      String role = m.get("demo.role." + r.role().key());
      if (r.ok()) {
        out.println(
            m.get(
                "demo.check.ok",
                role,
                r.user().name(),
                r.landedOn(),
                String.join(", ", r.roles()),
                r.cohort()));
      } else {
        allPassed = false;
        out.println(
            m.get("demo.check.failed", role, r.user().name(), r.landedOn(), r.failure().get()));
      }
    }
    out.flush();
    for (DemoCheck.Step step : checker.cycle()) {
      allPassed &= step.ok();
      out.println(
          m.get(
              "demo.check.step." + step.status().name().toLowerCase(java.util.Locale.ROOT),
              step.name(),
              step.detail()));
      out.flush();
    }
    return allPassed ? 0 : TremplinCli.FAILURE;
  }

  /**
   * The configuration: the demo's defaults, under the user's sources ({@link
   * TremplinServer#config}), under the options.
   */
  private Config config(Path dataDir) {
    Config user = TremplinServer.config(configFile);
    String dataUrl = "jdbc:h2:file:" + dataDir.resolve("tremplin");
    Map<String, String> options = new LinkedHashMap<>();
    if (port != null) {
      options.put("tremplin.http.port", String.valueOf(port));
    }
    if (data != null) {
      options.put("tremplin.datasource.url", dataUrl);
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("tremplin.datasource.url", dataUrl);
    Config withoutBase = build(user, defaults, options);
    int effectivePort =
        withoutBase
            .getOptionalValue("tremplin.http.port", String.class)
            .flatMap(DemoCommand::parsePort)
            .orElse(TremplinConfig.HttpConfig.DEFAULT_PORT);
    defaults.put("tremplin.base-url", "http://localhost:" + effectivePort + "/");
    return build(user, defaults, options);
  }

  private static Config build(
      Config user, Map<String, String> defaults, Map<String, String> options) {
    return new SmallRyeConfigBuilder()
        .withSources(
            new PropertiesConfigSource(defaults, "demo defaults", DEFAULTS_ORDINAL),
            new Delegating(user),
            new PropertiesConfigSource(options, "demo options", OPTIONS_ORDINAL))
        .build();
  }

  private static java.util.Optional<Integer> parsePort(String text) {
    try {
      return java.util.Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty(); // TremplinConfig names the key
    }
  }

  private static boolean free(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The user's configuration (system properties, environment, file) as one source. */
  private record Delegating(Config config) implements ConfigSource {
    @Override
    public Set<String> getPropertyNames() {
      return Set.of();
    }

    @Override
    public @Nullable String getValue(String propertyName) {
      return config.getOptionalValue(propertyName, String.class).orElse(null);
    }

    @Override
    public String getName() {
      return "system properties, environment, tremplin.properties";
    }

    @Override
    public int getOrdinal() {
      return USER_ORDINAL;
    }
  }
}
