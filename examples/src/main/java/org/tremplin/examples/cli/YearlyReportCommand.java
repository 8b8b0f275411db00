package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;
import org.tremplin.api.access.Actor;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.report.LearnerHours;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.examples.server.TremplinServer;
import org.tremplin.web.config.ConfigurationException;
import org.tremplin.web.config.TremplinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report yearly}: a school's yearly review (entries, leavers, exits by category,
 * dynamic and durable exit rates, average path length, attended hours per learner per month) on the
 * configured database ({@code tremplin.datasource.*}), as JSON or CSV; {@code --details} lists the
 * learners each figure counts. The school is named by its id or exact name. Reads as the school's
 * manager (names) or, with {@code --as admin}, as a network administrator (pseudonymous references
 * only). Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "yearly",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class YearlyReportCommand implements Callable<Integer> {
  /** The actor that looks up schools and cohorts for a report run: a network administrator. */
  static final Actor OPERATOR = ReportReader.NETWORK_ADMIN;

  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--school", required = true, paramLabel = "ID|NAME")
  String school = "";

  @Option(names = "--year", required = true, paramLabel = "YYYY")
  String year = "";

  @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json")
  ReportFormat format = ReportFormat.JSON;

  @Option(names = "--details")
  boolean details;

  @Option(names = "--as", paramLabel = "manager|admin", defaultValue = "manager")
  ReportReader reader = ReportReader.MANAGER;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws IOException {
    Messages m = lang.messages();
    int y = year(year, m);
    Tremplin tremplin = open(configFile, m);
    School chosen = school(tremplin, school, m);
    YearlyReview review =
        tremplin.reports().yearlyReview(reader.actor(chosen.id()), chosen.id(), y);
    PrintWriter out = spec.commandLine().getOut();
    if (format == ReportFormat.JSON) {
      out.println(json(chosen, review, details));
    } else {
      csv(out, review, details, m);
    }
    out.flush();
    return 0;
  }

  static int year(String text, Messages m) {
    try {
      int y = Integer.parseInt(text.strip());
      if (y >= 2000 && y <= 2100) {
        return y;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(m.get("report.error.year", text));
  }

  /** Tremplin on the configured database, as {@code serve} would open it. */
  static Tremplin open(Path configFile, Messages m) {
    Config config = TremplinServer.config(configFile);
    TremplinConfig.DataSourceConfig datasource;
    try {
      datasource = TremplinConfig.datasourceFrom(config);
    } catch (ConfigurationException e) {
      throw new UsageException(m.get("serve.badConfig", e.getMessage()));
    }
    return Tremplin.create(
        Tremplin.dataSource(datasource.url(), datasource.username(), datasource.password()),
        Installation.clock(configFile, m));
  }

  /** The school with this id or exact name (case and spaces around ignored). */
  static School school(Tremplin tremplin, String given, Messages m) {
    String wanted = given.strip().toLowerCase(Locale.ROOT);
    List<School> matching =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    s.id().value().toString().equalsIgnoreCase(wanted)
                        || s.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
            .toList();
    if (matching.size() != 1) {
      throw new UsageException(
          m.get(
              matching.isEmpty() ? "report.error.schoolUnknown" : "report.error.schoolAmbiguous",
              given));
    }
    return matching.get(0);
  }

  private static String json(School school, YearlyReview r, boolean details)
      throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("school", Map.of("id", school.id().value().toString(), "name", school.name()));
    doc.put("year", r.year());
    doc.putAll(review(NetworkView.Review.of(r), details));
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  /** The review's figures as JSON fields (entries to monthly hours). */
  static Map<String, Object> review(NetworkView.Review r, boolean details) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("entries", ReportOutput.figure(r.entries(), details));
    doc.put("leavers", ReportOutput.figure(r.leavers(), details));
    Map<String, Object> categories = new LinkedHashMap<>();
    r.exitsByCategory()
        .forEach((c, f) -> categories.put(c.name(), ReportOutput.figure(f, details)));
    doc.put("exitsByCategory", categories);
    doc.put("dynamicExitRate", ReportOutput.rate(r.dynamicExits()));
    doc.put("durableExitRate", ReportOutput.rate(r.durableExits()));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("count", r.paths().size());
    paths.put("averageDays", r.averagePathDays().orElse(null));
    if (details) {
      List<Object> list = new ArrayList<>();
      for (PathLength p : r.paths()) {
        Map<String, Object> row = ReportOutput.learner(p.learner());
        row.put("joinedOn", p.joinedOn().toString());
        row.put("leftOn", p.leftOn().toString());
        row.put("days", p.days());
        list.add(row);
      }
      paths.put("learners", list);
    }
    doc.put("pathLength", paths);
    List<Object> months = new ArrayList<>();
    for (MonthlyHours mh : r.monthlyHours()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", mh.month().toString());
      row.put("learners", mh.learners().size());
      row.put("totalHours", mh.totalHours());
      row.put("hoursPerLearner", mh.hoursPerLearner().orElse(null));
      if (details) {
        List<Object> list = new ArrayList<>();
        for (LearnerHours h : mh.learners()) {
          Map<String, Object> l = ReportOutput.learner(h.learner());
          l.put("hours", h.hours());
          list.add(l);
        }
        row.put("details", list);
      }
      months.add(row);
    }
    doc.put("monthlyHours", months);
    return doc;
  }

  private static void csv(PrintWriter out, YearlyReview r, boolean details, Messages m)
      throws IOException {
    ReportOutput.CsvRows rows = ReportOutput.csv(out, m);
    review(rows, NetworkView.Review.of(r), details, m);
    rows.printer().flush();
  }

  /** The review's figures as CSV rows. */
  static void review(ReportOutput.CsvRows rows, NetworkView.Review r, boolean details, Messages m)
      throws IOException {
    rows.figure("entries", m.get("report.entries"), r.entries(), details);
    rows.figure("leavers", m.get("report.leavers"), r.leavers(), details);
    for (ExitCategory c : ExitCategory.values()) {
      rows.figure(
          "exits." + c.name(),
          m.get("report.exits", m.get("exit.category." + c.name())),
          r.exitsByCategory().get(c),
          details);
    }
    rows.rate("rate.dynamic", m.get("report.rate.dynamic"), r.dynamicExits());
    rows.rate("rate.durable", m.get("report.rate.durable"), r.durableExits());
    rows.row("path.averageDays", m.get("report.path.average"), r.averagePathDays(), null);
    if (details) {
      for (PathLength p : r.paths()) {
        rows.row(
            "path.averageDays",
            m.get("report.path.average"),
            Optional.of(BigDecimal.valueOf(p.days())),
            p.learner());
      }
    }
    for (MonthlyHours mh : r.monthlyHours()) {
      String code = "hours." + mh.month();
      String label =
          m.get(
              "report.hours",
              mh.month().getMonth().getDisplayName(TextStyle.FULL, m.locale()),
              String.valueOf(mh.month().getYear()));
      rows.row(code, label, mh.hoursPerLearner(), null);
      if (details) {
        for (LearnerHours h : mh.learners()) {
          rows.row(code, label, Optional.of(h.hours()), h.learner());
        }
      }
    }
  }
}
