package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin school add|list}: the schools of the configured database ({@code
 * tremplin.datasource.*}, as {@code serve} reads it), while {@code serve} runs or not (ADR 0011).
 * Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "school",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {SchoolCommand.Add.class, SchoolCommand.ListSchools.class})
public final class SchoolCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  /** {@code school add --name NAME --departement NN}: creates a school and prints its id. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Add implements Callable<Integer> {
    /** Longest school name (the domain's limit). */
    static final int MAX_NAME = 200;

    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--name", required = true)
    String name = "";

    @Option(names = "--departement", required = true, paramLabel = "NN")
    String departement = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      String wanted = name.strip();
      if (wanted.isEmpty() || wanted.length() > MAX_NAME) {
        throw new UsageException(m.get("school.badName", name, MAX_NAME));
      }
      Departement dept;
      try {
        dept = Departement.of(departement.strip());
      } catch (TremplinException e) {
        throw new UsageException(m.get("error.departement", departement));
      }
      Installation installation = Installation.open(configFile, m);
      boolean taken =
          installation.tremplin().schools().list().stream()
              .anyMatch(
                  s ->
                      s.name()
                          .strip()
                          .toLowerCase(Locale.ROOT)
                          .equals(wanted.toLowerCase(Locale.ROOT)));
      if (taken) {
        throw new UsageException(m.get("school.nameTaken", wanted));
      }
      School school;
      try {
        school = installation.tremplin().schools().create(Installation.operator(), wanted, dept);
      } catch (TremplinException e) {
        if (e.code() == ErrorCode.INVALID_ARGUMENT) {
          throw new UsageException(m.get("school.badName", name, MAX_NAME));
        }
        throw e;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(m.get("school.added", school.name(), school.departement().code(), school.id()));
      return 0;
    }
  }

  /** {@code school list}: every school, one per line: id, département, name. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class ListSchools implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      List<School> schools = Installation.open(configFile, m).tremplin().schools().list();
      PrintWriter out = spec.commandLine().getOut();
      if (schools.isEmpty()) {
        out.println(m.get("school.none"));
      }
      for (School s : schools) {
        out.println(m.get("school.line", s.id(), s.departement().code(), s.name()));
      }
      return 0;
    }
  }
}
