package org.tremplin.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tremplin.api.school.School;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin bind-school}: attaches an LMS platform (issuer, client id) to the school its
 * courses belong to, in the configured database ({@code tremplin.datasource.*}). A platform
 * registered dynamically serves no school until then (ADR 0004). The school is named by its id or
 * by its exact name. Works while {@code serve} runs (ADR 0011). Not thread-safe (picocli fills its
 * fields).
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
    Installation installation = Installation.open(configFile, m);
    School chosen = installation.school("--school", school, m);
    installation
        .platforms(m)
        .bind(Installation.operator(), issuer.strip(), clientId.strip(), chosen.id());
    spec.commandLine()
        .getOut()
        .println(m.get("bindSchool.done", issuer.strip(), clientId.strip(), chosen.name()));
    return 0;
  }
}
