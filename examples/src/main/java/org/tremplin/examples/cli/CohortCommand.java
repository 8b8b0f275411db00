package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin cohort open|list}: a school's cohorts in the configured database, opened through
 * the same {@code CohortService.open} as the manager's pages, so that a school can be set up from
 * files alone (docs/imports.md). Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "cohort",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {CohortCommand.Open.class, CohortCommand.ListCohorts.class})
public final class CohortCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }

  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** A date given as {@code yyyy-MM-dd} or {@code dd/MM/yyyy}, or a usage error naming both. */
  static LocalDate date(String option, String text, Messages m) {
    String t = text.strip();
    try {
      return t.contains("/") ? LocalDate.parse(t, FRENCH) : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new UsageException(m.get("cohort.badDate", option, text));
    }
  }

  /**
   * {@code cohort open --school --name --from --to [--template ID[@VERSION]] [--capacity N]
   * [--closure FROM..TO]...}: opens a cohort and prints its id.
   */
  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class Open implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--school", required = true, paramLabel = "ID|NAME")
    String school = "";

    @Option(names = "--name", required = true)
    String name = "";

    @Option(names = "--from", required = true, paramLabel = "DATE")
    String from = "";

    @Option(names = "--to", required = true, paramLabel = "DATE")
    String to = "";

    @Option(names = "--template", paramLabel = "ID[@VERSION]", defaultValue = "ecole-du-web")
    String template = TemplateLibrary.DEFAULT_TEMPLATE_ID;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "12")
    int capacity = 12;

    @Option(names = "--closure", paramLabel = "FROM..TO")
    List<String> closures = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      String wanted = name.strip();
      if (wanted.isEmpty() || wanted.length() > 200) {
        throw new UsageException(m.get("cohort.badName", name));
      }
      LocalDate first = date("--from", from, m);
      LocalDate last = date("--to", to, m);
      if (last.isBefore(first)) {
        throw new UsageException(m.get("cohort.badRange", from, to));
      }
      if (capacity < 1 || capacity > Cohort.MAX_CAPACITY) {
        throw new UsageException(m.get("cohort.badCapacity", capacity, Cohort.MAX_CAPACITY));
      }
      DateRange range = new DateRange(first, last);
      List<DateRange> closureRanges = new ArrayList<>();
      for (String text : closures) {
        String[] bounds = text.contains("..") ? text.split("\\.\\.", 2) : text.split("/", 2);
        if (bounds.length != 2) {
          throw new UsageException(m.get("cohort.badClosure", text));
        }
        LocalDate a = date("--closure", bounds[0], m);
        LocalDate b = date("--closure", bounds[1], m);
        if (b.isBefore(a) || !new DateRange(a, b).overlaps(range)) {
          throw new UsageException(m.get("cohort.badClosure", text));
        }
        closureRanges.add(new DateRange(a, b));
      }
      Installation installation = Installation.open(configFile, m);
      Tremplin tremplin = installation.tremplin();
      School s = installation.school("--school", school, m);
      boolean taken =
          tremplin.cohorts().bySchool(Installation.operator(), s.id()).stream()
              .anyMatch(c -> key(c.name()).equals(key(wanted)));
      if (taken) {
        throw new UsageException(m.get("cohort.nameTaken", wanted, s.name()));
      }
      TemplateRef ref = template(tremplin, m);
      Cohort cohort;
      try {
        cohort =
            tremplin
                .cohorts()
                .open(
                    Installation.operator(),
                    new NewCohort(s.id(), wanted, range, ref, capacity, closureRanges));
      } catch (TremplinException e) {
        throw refused(e, m);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          m.get(
              "cohort.opened",
              cohort.name(),
              m.date(cohort.range().first()),
              m.date(cohort.range().last()),
              cohort.capacity(),
              ref.id(),
              ref.version(),
              cohort.id()));
      return 0;
    }

    private TemplateRef template(Tremplin tremplin, Messages m) {
      String[] parts = template.strip().split("@", 2);
      try {
        if (parts.length == 2) {
          return tremplin
              .templates()
              .get(new TemplateRef(parts[0], Integer.parseInt(parts[1])))
              .ref();
        }
        return tremplin.templates().latest(parts[0]).ref();
      } catch (TremplinException | NumberFormatException e) {
        throw new UsageException(m.get("cohort.templateUnknown", template));
      }
    }

    private UsageException refused(TremplinException e, Messages m) {
      if (e.code() == ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE
          || e.code() == ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR) {
        return new UsageException(m.get("cohort.templateDoesNotFit", template, from, to));
      }
      if (e.code().kind() == ErrorCode.Kind.INVALID
          || e.code().kind() == ErrorCode.Kind.NOT_FOUND) {
        return new UsageException(m.get("cohort.refused", e.code().name()));
      }
      throw e;
    }
  }

  /** {@code cohort list --school}: the school's cohorts, one per line. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = TremplinCli.Version.class)
  public static final class ListCohorts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LanguageOption lang = new LanguageOption();

    @Option(names = "--school", required = true, paramLabel = "ID|NAME")
    String school = "";

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
    Path configFile = Path.of("tremplin.properties");

    @Override
    public Integer call() {
      Messages m = lang.messages();
      Installation installation = Installation.open(configFile, m);
      School s = installation.school("--school", school, m);
      List<Cohort> cohorts =
          installation.tremplin().cohorts().bySchool(Installation.operator(), s.id());
      PrintWriter out = spec.commandLine().getOut();
      if (cohorts.isEmpty()) {
        out.println(m.get("cohort.none", s.name()));
      }
      for (Cohort c : cohorts) {
        out.println(
            m.get(
                "cohort.line",
                c.id(),
                c.range().first().toString(),
                c.range().last().toString(),
                c.capacity(),
                c.name()));
      }
      return 0;
    }
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
