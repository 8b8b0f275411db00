package org.tremplin.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.web.config.TremplinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin bind-school}: attaches an LMS platform (issuer, client id) to the school its
 * courses belong to, in the configured database ({@code tremplin.datasource.*}). A platform
 * registered dynamically serves no school until then (ADR 0004). The school is named by its id or
 * by its exact name. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "bind-school",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class BindSchoolCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--issuer", required = true)
  String issuer = "";

  @Option(names = "--client-id", required = true)
  String clientId = "";

  @Option(names = "--school", required = true)
  String school = "";

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() {
    Messages m = lang.messages();
    Config config = TremplinServer.config(configFile);
    String url =
        config
            .getOptionalValue("tremplin.datasource.url", String.class)
            .orElse(TremplinConfig.DataSourceConfig.DEFAULT_URL);
    String user =
        config
            .getOptionalValue("tremplin.datasource.username", String.class)
            .orElse(url.startsWith("jdbc:h2:") ? "sa" : "");
    String password =
        config.getOptionalValue("tremplin.datasource.password", String.class).orElse("");
    DataSource dataSource = Tremplin.dataSource(url, user, password);
    Tremplin tremplin = Tremplin.create(dataSource, Clock.systemUTC());
    List<School> matching =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    s.id().value().toString().equalsIgnoreCase(school.strip())
                        || s.name()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .equals(school.strip().toLowerCase(Locale.ROOT)))
            .toList();
    if (matching.size() != 1) {
      throw new UsageException(
          m.get(matching.isEmpty() ? "bindSchool.unknown" : "bindSchool.ambiguous", school));
    }
    School chosen = matching.get(0);
    new LtiDirectory(LtiSchema.install(tremplin), Clock.systemUTC())
        .bindSchool(issuer.strip(), clientId.strip(), chosen.id());
    spec.commandLine()
        .getOut()
        .println(m.get("bindSchool.done", issuer.strip(), clientId.strip(), chosen.name()));
    return 0;
  }
}
