package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.CompetencyEvidenced;
import org.tremplin.api.project.CountedProject;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report projects}: a school's real projects over a period (delivered, in progress
 * at its end, delivered by client kind and for QPV-based clients, competencies evidenced) on the
 * configured database, as JSON or CSV; {@code --details} lists the projects and team members each
 * figure counts. Read as the school's manager (learners by name), like {@code report yearly}. Not
 * thread-safe (picocli fills its fields).
 */
@Command(
    name = "projects",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class ProjectsReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--school", required = true, paramLabel = "ID|NAME")
  String school = "";

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
  String from = "";

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
  String to = "";

  @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json")
  ReportFormat format = ReportFormat.JSON;

  @Option(names = "--details")
  boolean details;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws IOException {
    Messages m = lang.messages();
    DateRange period = period(m);
    Tremplin tremplin = YearlyReportCommand.open(configFile, m);
    School chosen = YearlyReportCommand.school(tremplin, school, m);
    ProjectsReport report =
        tremplin
            .projectsReport()
            .projects(ReportReader.MANAGER.actor(chosen.id()), chosen.id(), period);
    PrintWriter out = spec.commandLine().getOut();
    if (format == ReportFormat.JSON) {
      out.println(json(chosen, report, details));
    } else {
      csv(out, report, details, m);
    }
    out.flush();
    return 0;
  }

  private DateRange period(Messages m) {
    LocalDate first = day("--from", from, m);
    LocalDate last = day("--to", to, m);
    if (last.isBefore(first)) {
      throw new UsageException(m.get("report.projects.error.period", from, to));
    }
    return new DateRange(first, last);
  }

  private static LocalDate day(String option, String text, Messages m) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(m.get("report.projects.error.date", option, text));
    }
  }

  private static String json(School school, ProjectsReport r, boolean details)
      throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("school", Map.of("id", school.id().value().toString(), "name", school.name()));
    doc.put("from", r.period().first().toString());
    doc.put("to", r.period().last().toString());
    doc.put("delivered", projects(r.delivered(), details));
    doc.put("inProgress", projects(r.inProgress(), details));
    Map<String, Object> kinds = new LinkedHashMap<>();
    for (ClientKind k : ClientKind.values()) {
      kinds.put(k.name(), projects(r.deliveredByKind().get(k), details));
    }
    doc.put("deliveredByClientKind", kinds);
    doc.put("deliveredForQpvClients", projects(r.deliveredForQpvClients(), details));
    Map<String, Object> competencies = new LinkedHashMap<>();
    for (CompetencyEvidenced c : r.competencies()) {
      Map<String, Object> row = projects(c.projects(), details);
      row.put("learners", c.learners().count());
      if (details) {
        row.put(
            "learnerDetails",
            c.learners().learners().stream().map(ProjectsReportCommand::learner).toList());
      }
      competencies.put(c.competency(), row);
    }
    doc.put("competencies", competencies);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private static Map<String, Object> projects(List<CountedProject> list, boolean details) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", list.size());
    if (details) {
      out.put(
          "projects",
          list.stream()
              .map(
                  p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("project", p.id().value().toString());
                    row.put("cohort", p.cohort().value().toString());
                    row.put("title", p.title());
                    row.put("client", p.client());
                    row.put("clientKind", p.kind().name());
                    row.put("qpvBased", p.qpvBased());
                    row.put("team", p.team().stream().map(ProjectsReportCommand::learner).toList());
                    return row;
                  })
              .toList());
    }
    return out;
  }

  private static Map<String, Object> learner(CountedLearner l) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("learner", l.learner().value().toString());
    out.put("cohort", l.cohort().value().toString());
    out.put("name", l.displayName());
    return out;
  }

  private static void csv(PrintWriter out, ProjectsReport r, boolean details, Messages m)
      throws IOException {
    boolean french = m.locale().getLanguage().equals("fr");
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(french ? ';' : ',')
            .setRecordSeparator("\n")
            .setHeader(
                m.get("report.csv.code"),
                m.get("report.csv.indicator"),
                m.get("report.csv.value"),
                m.get("report.projects.csv.project"),
                m.get("report.projects.csv.client"),
                m.get("report.csv.learner"),
                m.get("report.csv.cohort"),
                m.get("report.csv.name"))
            .get();
    CSVPrinter printer = new CSVPrinter(out, format);
    rows(printer, "delivered", m.get("report.projects.delivered"), r.delivered(), details);
    rows(printer, "inProgress", m.get("report.projects.inProgress"), r.inProgress(), details);
    for (ClientKind k : ClientKind.values()) {
      rows(
          printer,
          "delivered." + k.name(),
          m.get("report.projects.byKind", m.get("report.projects.kind." + k.name())),
          r.deliveredByKind().get(k),
          details);
    }
    rows(
        printer,
        "delivered.qpv",
        m.get("report.projects.qpv"),
        r.deliveredForQpvClients(),
        details);
    for (CompetencyEvidenced c : r.competencies()) {
      String code = "competency." + c.competency();
      String label = m.get("report.projects.competency", c.competency());
      printer.printRecord(code, label, c.learners().count(), "", "", "", "", "");
      if (details) {
        for (CountedProject p : c.projects()) {
          for (CountedLearner l : p.team()) {
            record(printer, code, label, p, l);
          }
        }
      }
    }
    printer.flush();
  }

  private static void rows(
      CSVPrinter printer, String code, String label, List<CountedProject> list, boolean details)
      throws IOException {
    printer.printRecord(code, label, list.size(), "", "", "", "", "");
    if (!details) {
      return;
    }
    for (CountedProject p : list) {
      if (p.team().isEmpty()) {
        record(printer, code, label, p, null);
      }
      for (CountedLearner l : p.team()) {
        record(printer, code, label, p, l);
      }
    }
  }

  private static void record(
      CSVPrinter printer, String code, String label, CountedProject p, @Nullable CountedLearner l)
      throws IOException {
    printer.printRecord(
        code,
        label,
        1,
        p.title(),
        p.client(),
        l == null ? "" : l.learner().value().toString(),
        p.cohort().value().toString(),
        l == null ? "" : l.displayName());
  }
}
