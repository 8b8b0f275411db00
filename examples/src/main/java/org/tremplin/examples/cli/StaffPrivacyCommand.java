package org.tremplin.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.lti.LtiException;
import org.tremplin.web.privacy.StaffErasure;
import org.tremplin.web.privacy.StaffMember;
import org.tremplin.web.privacy.StaffPrivacy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin privacy staff find|export|erase}: a staff person's request about their personal
 * data (a trainer, coach or manager who is not a learner; ADR 0026), answered by the operator as a
 * network administrator through {@link StaffPrivacy}. The adapter's refusals are usage errors (exit
 * 2) in the run's language. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "staff",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      StaffPrivacyCommand.Find.class,
      StaffPrivacyCommand.Export.class,
      StaffPrivacyCommand.Erase.class
    })
public final class StaffPrivacyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  private static StaffPrivacy staff(Installation installation) {
    return new StaffPrivacy(installation.tremplin(), installation.clock());
  }

  /** The adapter's refusal in the run's language, as a usage error. */
  private static UsageException refused(LtiException e, String person, Messages m) {
    return switch (e.code()) {
      case LTI_PERSON_NOT_FOUND -> new UsageException(m.get("privacy.staff.notFound", person));
      case LTI_PERSON_IS_LEARNER -> new UsageException(m.get("privacy.staff.learner", person));
      case LTI_PERSON_IS_REFERENT -> new UsageException(m.get("privacy.staff.referent", person));
      default -> throw e;
    };
  }

  /** {@code privacy staff find --text TEXT}: the staff persons a name or an e-mail matches. */
  @Command(
      name = "find",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Find implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--text", required = true, paramLabel = "TEXT")
    String text = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      if (text.isBlank()) {
        throw new UsageException(m.get("privacy.staff.blankText"));
      }
      Installation installation = Installation.open(configFile, m);
      PrintWriter out = spec.commandLine().getOut();
      var found = staff(installation).find(Installation.operator(), text);
      if (found.isEmpty()) {
        out.println(m.get("privacy.staff.none", text.strip()));
      }
      for (StaffMember s : found) {
        out.println(
            m.get(
                "privacy.staff.line",
                s.personId(),
                s.name().isEmpty() ? m.get("privacy.staff.nameless") : s.name(),
                s.emails().isEmpty() ? "—" : String.join(", ", s.emails()),
                m.number(s.coachOf().size())));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code privacy staff export --person ID [--out FILE]}: what the tool holds, as JSON. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--person", required = true, paramLabel = "ID")
    String person = "";

    @Option(names = "--out", paramLabel = "FILE")
    @Nullable Path out;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() throws IOException {
      Messages m = lang.messages();
      PrivacyCommand.checkOut(out, m);
      Installation installation = Installation.open(configFile, m);
      String document;
      try {
        document = staff(installation).export(Installation.operator(), person.strip());
      } catch (LtiException e) {
        throw refused(e, person.strip(), m);
      }
      PrivacyCommand.deliver(spec.commandLine().getOut(), out, document, m);
      return 0;
    }
  }

  /**
   * {@code privacy staff erase --person ID --confirm ID}: erases the staff person, irreversibly,
   * only when {@code --confirm} repeats the id.
   */
  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Erase implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--person", required = true, paramLabel = "ID")
    String person = "";

    @Option(names = "--confirm", required = true, paramLabel = "ID")
    String confirm = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      String id = person.strip();
      if (id.isEmpty() || !confirm.strip().equals(id)) {
        throw new UsageException(m.get("privacy.staff.notConfirmed", id));
      }
      Installation installation = Installation.open(configFile, m);
      StaffErasure erasure;
      try {
        erasure = staff(installation).erase(Installation.operator(), id);
      } catch (LtiException e) {
        throw refused(e, id, m);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          m.get(
              "privacy.staff.erased", id, m.instant(erasure.at(), installation.clock().getZone())));
      for (Map.Entry<String, Integer> kind : erasure.deleted().entrySet()) {
        out.println(m.get("privacy.erased.section", kind.getKey(), m.number(kind.getValue())));
      }
      for (ApiTokenId token : erasure.revokedTokens()) {
        out.println(m.get("privacy.staff.revoked", token.toString()));
      }
      out.flush();
      return 0;
    }
  }
}
