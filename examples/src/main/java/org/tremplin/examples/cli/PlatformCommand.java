package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.school.School;
import org.tremplin.lti.identity.SchoolPlatforms;
import org.tremplin.lti.registration.PlatformRegistration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin platform list}: the LMS platforms the installation knows (configured in {@code
 * tremplin.lti.platforms}, or registered dynamically), their deployments, and the school each
 * serves; a platform that serves no school yet is <em>pending</em> until {@code bind-school}. Not
 * thread-safe (picocli fills its fields).
 */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {PlatformCommand.ListPlatforms.class})
public final class PlatformCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  /** {@code platform list}: one block per platform. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class ListPlatforms implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      Installation installation = Installation.open(configFile, m);
      List<SchoolPlatforms.Listed> all = installation.platforms(m).all();
      List<School> schools = installation.tremplin().schools().list();
      PrintWriter out = spec.commandLine().getOut();
      if (all.isEmpty()) {
        out.println(m.get("platform.none"));
      }
      for (SchoolPlatforms.Listed listed : all) {
        PlatformRegistration r = listed.registration();
        out.println(
            m.get(
                "platform.line",
                r.name(),
                r.issuer(),
                r.clientId(),
                m.get(listed.configured() ? "platform.configured" : "platform.dynamic")));
        String deployments =
            r.deploymentIds().isEmpty()
                ? m.get("platform.deployments.none")
                : String.join(", ", r.deploymentIds().stream().sorted().toList());
        out.println(
            m.get(
                r.autoDeployments() ? "platform.deployments.auto" : "platform.deployments",
                deployments));
        if (listed.serving() instanceof SchoolPlatforms.Serving.Bound b) {
          out.println(m.get("platform.school.bound", name(b.school(), schools)));
        } else if (listed.serving() instanceof SchoolPlatforms.Serving.OnlySchool o) {
          out.println(m.get("platform.school.only", name(o.school(), schools)));
        } else {
          out.println(m.get("platform.school.pending", r.issuer(), r.clientId()));
        }
      }
      return 0;
    }

    private static String name(SchoolId id, List<School> schools) {
      return schools.stream()
          .filter(s -> s.id().equals(id))
          .map(School::name)
          .findFirst()
          .orElse(id.toString());
    }
  }
}
