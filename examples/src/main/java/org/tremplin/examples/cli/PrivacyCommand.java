package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.ErasureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin privacy export|audit|erase}: a learner's request about their personal data,
 * answered by the operator on the configured database through core's {@code PrivacyService}
 * (docs/operations.md, "A learner's request about personal data"). The operator acts as {@code
 * cli:<login>} with the grant core asks for, {@code PERSONAL_DATA_ADMIN} (a manager of the
 * learner's school), so the audit trail names the operator. Not thread-safe (picocli fills its
 * fields).
 */
@Command(
    name = "privacy",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      PrivacyCommand.Export.class,
      PrivacyCommand.Audit.class,
      PrivacyCommand.Erase.class,
      StaffPrivacyCommand.class
    })
public final class PrivacyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  /** A learner id given to {@code option}, else a usage error naming it. */
  static LearnerId learnerId(String option, String given, Messages m) {
    String text = given.strip();
    if (text.length() != 36) {
      throw new UsageException(m.get("privacy.badLearner", option, given));
    }
    try {
      return new LearnerId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new UsageException(m.get("privacy.badLearner", option, given));
    }
  }

  /**
   * The operator acting on a learner's personal data: {@code cli:<login>} as a manager of the
   * learner's school, the narrowest grant that holds {@code PERSONAL_DATA_ADMIN}. An unknown
   * learner is core's {@code LEARNER_NOT_FOUND} (exit 2).
   */
  static Actor operatorFor(Installation installation, LearnerId learner) {
    String id = Installation.operator().id();
    Learner found =
        installation
            .tremplin()
            .learners()
            .get(Actor.of(id, Role.MANAGER, new Scope.Network()), learner);
    return Actor.of(id, Role.MANAGER, new Scope.OfSchool(found.school()));
  }

  /**
   * Writes a file whole or not at all: into a temporary file beside it, then moved over it (an
   * atomic move where the file system has one), so a reader never sees half an export.
   */
  static void writeAtomically(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Refuses an {@code --out} whose folder does not exist or that is a folder itself. */
  static void checkOut(@Nullable Path out, Messages m) {
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent) || Files.isDirectory(out)) {
        throw new UsageException(m.get("privacy.badOut", out));
      }
    }
  }

  /** An export on standard output, or written whole to {@code out} and said so. */
  static void deliver(PrintWriter stdout, @Nullable Path out, String document, Messages m)
      throws IOException {
    if (out == null) {
      stdout.println(document);
    } else {
      writeAtomically(out, document + "\n");
      stdout.println(m.get("privacy.written", out));
    }
    stdout.flush();
  }

  /** {@code privacy export --learner ID [--out FILE]}: everything held about the learner, JSON. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--learner", required = true, paramLabel = "ID")
    String learner = "";

    @Option(names = "--out", paramLabel = "FILE")
    @Nullable Path out;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() throws IOException {
      Messages m = lang.messages();
      LearnerId id = learnerId("--learner", learner, m);
      checkOut(out, m);
      Installation installation = Installation.open(configFile, m);
      String document = installation.tremplin().privacy().export(operatorFor(installation, id), id);
      deliver(spec.commandLine().getOut(), out, document, m);
      return 0;
    }
  }

  /** {@code privacy audit --learner ID [--format text|json]}: the learner's audit trail. */
  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Audit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--learner", required = true, paramLabel = "ID")
    String learner = "";

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() throws JsonProcessingException {
      Messages m = lang.messages();
      LearnerId id = learnerId("--learner", learner, m);
      Installation installation = Installation.open(configFile, m);
      List<AuditEntry> trail =
          installation.tremplin().privacy().auditTrail(operatorFor(installation, id), id);
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.JSON) {
        out.println(json(trail));
      } else {
        ZoneId zone = installation.clock().getZone();
        for (AuditEntry e : trail) {
          out.println(
              m.get(
                  "privacy.audit.line",
                  m.instant(e.at(), zone),
                  e.actor(),
                  m.get("privacy.action." + e.action().name()),
                  e.what()));
        }
      }
      out.flush();
      return 0;
    }

    /** The trail as JSON: one object per line, oldest first, language-neutral. */
    static String json(List<AuditEntry> trail) throws JsonProcessingException {
      List<Map<String, Object>> lines =
          trail.stream()
              .map(
                  e -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("at", e.at().toString());
                    line.put("actor", e.actor());
                    line.put("action", e.action().name());
                    line.put("what", e.what());
                    return line;
                  })
              .toList();
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(lines);
    }
  }

  /**
   * {@code privacy erase --learner ID --confirm ID}: erases (anonymises) the learner, irreversibly,
   * only when {@code --confirm} repeats the id.
   */
  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Erase implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--learner", required = true, paramLabel = "ID")
    String learner = "";

    @Option(names = "--confirm", required = true, paramLabel = "ID")
    String confirm = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      LearnerId id = learnerId("--learner", learner, m);
      if (!confirm.strip().equalsIgnoreCase(id.value().toString())) {
        throw new UsageException(m.get("privacy.notConfirmed", learner.strip()));
      }
      Installation installation = Installation.open(configFile, m);
      ErasureReport report =
          installation.tremplin().privacy().erase(operatorFor(installation, id), id);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          m.get(
              "privacy.erased",
              id.value().toString(),
              m.instant(report.erasedAt(), installation.clock().getZone())));
      for (Map.Entry<String, Integer> section : new TreeMap<>(report.changed()).entrySet()) {
        out.println(
            m.get("privacy.erased.section", section.getKey(), m.number(section.getValue())));
      }
      out.flush();
      return 0;
    }
  }
}
