package org.tremplin.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.web.config.ConfigurationException;
import org.tremplin.web.config.TremplinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin serve}: the LTI endpoints on Jersey/Grizzly, configured by system properties,
 * environment variables and an optional {@code tremplin.properties} (keys in ARCHITECTURE.md).
 * Prints the URL, then serves until Ctrl-C, when it stops cleanly. A missing or bad key exits with
 * code 2 and one line naming it. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws InterruptedException {
    Messages m = lang.messages();
    TremplinConfig config;
    try {
      config = TremplinConfig.from(TremplinServer.config(configFile));
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
    TremplinServer server = TremplinServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "tremplin-shutdown"));
    spec.commandLine().getOut().println(m.get("serve.listening", server.uri(), config.baseUrl()));
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
