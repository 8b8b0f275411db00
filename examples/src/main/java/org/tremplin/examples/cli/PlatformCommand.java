package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.school.School;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.registration.JdbiRegistrations;
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
      List<PlatformRegistration> configured = installation.configuredPlatforms(m);
      JdbiRegistrations registrations = installation.registrations(m);
      LtiDirectory directory = installation.directory();
      List<School> schools = installation.tremplin().schools().list();
      List<PlatformRegistration> all = registrations.all();
      PrintWriter out = spec.commandLine().getOut();
      if (all.isEmpty()) {
        out.println(m.get("platform.none"));
      }
      for (PlatformRegistration listed : all) {
        PlatformRegistration r =
            registrations.find(listed.issuer(), listed.clientId()).orElse(listed);
        boolean isConfigured =
            configured.stream()
                .anyMatch(c -> c.issuer().equals(r.issuer()) && c.clientId().equals(r.clientId()));
        out.println(
            m.get(
                "platform.line",
                r.name(),
                r.issuer(),
                r.clientId(),
                m.get(isConfigured ? "platform.configured" : "platform.dynamic")));
        String deployments =
            r.deploymentIds().isEmpty()
                ? m.get("platform.deployments.none")
                : String.join(", ", r.deploymentIds().stream().sorted().toList());
        out.println(
            m.get(
                r.autoDeployments() ? "platform.deployments.auto" : "platform.deployments",
                deployments));
        Optional<SchoolId> bound = directory.schoolOf(r.issuer(), r.clientId());
        if (bound.isPresent()) {
          out.println(m.get("platform.school.bound", name(bound.get(), schools)));
        } else if (isConfigured && schools.size() == 1) {
          out.println(m.get("platform.school.only", schools.get(0).name()));
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
