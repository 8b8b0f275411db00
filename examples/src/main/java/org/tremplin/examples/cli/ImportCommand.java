package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.imports.ImportService;
import org.tremplin.api.school.School;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin import learners|attendance|exits --school ID|NAME [--dry-run] FILE}: imports a
 * school's CSV file into the configured database (docs/imports.md). Prints what was created,
 * updated and unchanged; a file with a bad row is refused whole, every bad row listed with its line
 * and reason, and the run exits with code 2 (a dry run too, so that a script can check a file
 * first). The operator acts as a manager of the school. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      ImportCommand.Learners.class,
      ImportCommand.Attendance.class,
      ImportCommand.Exits.class
    })
public final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  /** What the three subcommands share: the options, the file, the output. */
  abstract static class FileImport implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--school", required = true, paramLabel = "ID|NAME")
    String school = "";

    @Option(names = "--dry-run")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Parameters(index = "0", paramLabel = "FILE")
    Path file = Path.of("import.csv");

    abstract ImportReport run(ImportService imports, Actor actor, School school, byte[] csv);

    @Override
    public Integer call() throws JsonProcessingException {
      Messages m = lang.messages();
      byte[] csv;
      try {
        csv = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UsageException(m.get("import.unreadable", file));
      }
      Installation installation = Installation.open(configFile, m);
      School s = installation.school("--school", school, m);
      Actor actor =
          Actor.of(Installation.operator().id(), Role.MANAGER, new Scope.OfSchool(s.id()));
      ImportReport report = run(installation.tremplin().imports(), actor, s, csv);
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.JSON) {
        out.println(json(report, m));
      } else {
        text(out, report, m);
      }
      out.flush();
      return report.problems().isEmpty() ? 0 : TremplinCli.USAGE;
    }
  }

  /** {@code import learners}: one row per learner. */
  @Command(
      name = "learners",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Learners extends FileImport {
    @Override
    ImportReport run(ImportService imports, Actor actor, School school, byte[] csv) {
      return imports.importLearners(actor, school.id(), csv, dryRun);
    }
  }

  /** {@code import attendance}: one row per half-day, or the weekly grid. */
  @Command(
      name = "attendance",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Attendance extends FileImport {
    @Override
    ImportReport run(ImportService imports, Actor actor, School school, byte[] csv) {
      return imports.importAttendance(actor, school.id(), csv, dryRun);
    }
  }

  /** {@code import exits}: one row per exit. */
  @Command(
      name = "exits",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Exits extends FileImport {
    @Override
    ImportReport run(ImportService imports, Actor actor, School school, byte[] csv) {
      return imports.importExits(actor, school.id(), csv, dryRun);
    }
  }

  /** The reason of a problem in the run's language, naming the value. */
  static String reason(ImportProblem p, Messages m) {
    return m.get("import.reason." + p.reason().name(), p.value());
  }

  static void text(PrintWriter out, ImportReport report, Messages m) {
    for (ImportProblem p : report.problems()) {
      String where =
          p.column().isEmpty()
              ? m.get("import.where.line", p.line())
              : m.get("import.where.column", p.line(), p.column());
      out.println(where + reason(p, m));
    }
    out.println(
        m.get(
            "import.counts",
            m.get("import.kind." + report.kind().name()),
            report.rows(),
            report.created(),
            report.updated(),
            report.unchanged()));
    if (!report.problems().isEmpty()) {
      out.println(m.get("import.refused", report.problems().size()));
    } else if (report.dryRun()) {
      out.println(m.get("import.dryRun"));
    } else {
      out.println(m.get("import.done"));
    }
  }

  static String json(ImportReport report, Messages m) throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", report.kind().name());
    doc.put("dryRun", report.dryRun());
    doc.put("applied", report.applied());
    doc.put("rows", report.rows());
    doc.put("created", report.created());
    doc.put("updated", report.updated());
    doc.put("unchanged", report.unchanged());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (ImportProblem p : report.problems()) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("line", p.line());
      problem.put("column", p.column());
      problem.put("reason", p.reason().name());
      problem.put("value", p.value());
      problem.put("message", reason(p, m));
      problems.add(problem);
    }
    doc.put("problems", problems);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }
}
