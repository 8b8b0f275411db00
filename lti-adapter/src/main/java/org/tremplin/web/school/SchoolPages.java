package org.tremplin.web.school;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tremplin.api.access.Role;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.dashboard.AttendanceFigure;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.dashboard.Ending;
import org.tremplin.api.dashboard.ExitTargets;
import org.tremplin.api.dashboard.LearnerRates;
import org.tremplin.api.dashboard.SchoolDashboard;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.Rate;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;

/**
 * Renders the dashboard, the pages behind its figures and their CSV downloads. Every table is built
 * once ({@link Table}) and either rendered or written as CSV (UTF-8 with a byte-order mark for
 * spreadsheets; {@code ;} in French, {@code ,} in English). Stateless.
 */
final class SchoolPages {
  private SchoolPages() {}

  /** The figures of a cohort a page can open, by their address segment. */
  enum FigureKind {
    ENROLLED("enrolled"),
    RECENT("recent"),
    SINCE_START("since-start"),
    READY("ready"),
    ON_TRACK("on-track"),
    BEHIND("behind"),
    ALERTS("alerts"),
    ENDING("ending");

    final String slug;

    FigureKind(String slug) {
      this.slug = slug;
    }

    static Optional<FigureKind> of(String slug) {
      for (FigureKind k : values()) {
        if (k.slug.equals(slug)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** The dashboard page ({@code roles}: the session's manager or administrator roles, shown). */
  record DashboardPage(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      List<Role> roles,
      String asOf,
      boolean noCohort,
      Chart attendanceChart,
      Table attendance,
      Table path,
      String exitsTitle,
      String noExit,
      Chart exitsChart,
      Table rates,
      Table exits) {}

  /** The learners behind one figure. */
  record FigurePage(
      Layout layout, Texts t, List<NavLink> nav, String title, String count, Table table) {}

  /** A refusal or a missing page. */
  record MessagePage(Layout layout, String title, String text) {}

  // ---------------------------------------------------------------- dashboard

  static DashboardPage dashboard(Who w, SchoolDashboard d, BigDecimal minAttendance) {
    Texts t = w.t();
    Chart.Builder bars = new Chart.Builder();
    List<Table.Row> attendanceRows = new ArrayList<>();
    List<Table.Row> pathRows = new ArrayList<>();
    for (CohortFigures f : d.cohorts()) {
      Cohort c = f.cohort();
      AttendanceRates recent = f.recentAttendance().total();
      bars.bar(
          c.name(),
          recent.planned() == 0 ? t.get("school.chart.noData") : t.percent(recent.attendanceRate()),
          recent.planned() == 0 ? Optional.empty() : Optional.of(recent.attendanceRate()),
          Optional.of(minAttendance));
      Table.Cell name = new Table.Cell(c.name(), w.href("app/cohorts/" + c.id().value()));
      attendanceRows.add(
          new Table.Row(
              "cohort-" + c.id().value(),
              List.of(
                  name,
                  Table.Cell.of(
                      t.get(
                          "school.rate.range",
                          t.date(c.range().first()),
                          t.date(c.range().last()))),
                  figure(w, f, FigureKind.ENROLLED, f.enrolled().count() + " / " + c.capacity()),
                  figure(w, f, FigureKind.RECENT, rate(t, recent)),
                  figure(
                      w, f, FigureKind.SINCE_START, rate(t, f.attendanceSinceStart().total())))));
      pathRows.add(
          new Table.Row(
              "",
              List.of(
                  name,
                  figure(w, f, FigureKind.READY, f.ready()),
                  figure(w, f, FigureKind.ON_TRACK, f.onTrack()),
                  figure(w, f, FigureKind.BEHIND, f.behind()),
                  figure(w, f, FigureKind.ALERTS, f.openAlerts()),
                  figure(w, f, FigureKind.ENDING, String.valueOf(f.endingSoon().size())))));
    }
    Table attendance =
        new Table(
            "cohorts",
            t.get("school.attendance.caption"),
            List.of(
                t.get("school.col.cohort"),
                t.get("school.col.dates"),
                t.get("school.col.fill"),
                t.get("school.col.recent"),
                t.get("school.col.sinceStart")),
            attendanceRows,
            w.page("app/school?format=csv&table=cohorts"));
    Table path =
        new Table(
            "path",
            t.get("school.path.caption"),
            List.of(
                t.get("school.col.cohort"),
                t.get("school.col.ready"),
                t.get("school.col.onTrack"),
                t.get("school.col.behind"),
                t.get("school.col.alerts"),
                t.get("school.col.ending")),
            pathRows,
            w.page("app/school?format=csv&table=path"));

    int year = d.exits().year();
    ExitTargets targets = d.targets();
    Rate dynamic = d.exits().dynamicExits();
    Rate durable = d.exits().durableExits();
    Chart exitsChart =
        new Chart.Builder()
            .bar(
                t.get("school.rate.dynamic"),
                chartText(t, dynamic),
                fraction(dynamic),
                Optional.of(percentFraction(targets.dynamicPercent())))
            .bar(
                t.get("school.rate.durable"),
                chartText(t, durable),
                fraction(durable),
                Optional.of(percentFraction(targets.durablePercent())))
            .build(
                "exits-chart",
                t.get("school.chart.exits.title", String.valueOf(year)),
                t.get("school.chart.exits.desc"));
    Table rates =
        new Table(
            "rates",
            t.get("school.exits.rates.caption", String.valueOf(year)),
            List.of(
                t.get("school.col.rate"),
                t.get("school.col.count"),
                t.get("school.col.target"),
                t.get("school.col.status")),
            List.of(
                rateRow(t, "school.rate.dynamic", dynamic, targets.dynamicPercent()),
                rateRow(t, "school.rate.durable", durable, targets.durablePercent())),
            w.page("app/school?format=csv&table=rates"));
    List<Table.Row> exitRows = new ArrayList<>();
    for (ExitCategory category : ExitCategory.values()) {
      Figure f = d.exits().exitsByCategory().get(category);
      exitRows.add(
          new Table.Row(
              "",
              List.of(
                  Table.Cell.of(t.get("school.exit." + category.name())),
                  new Table.Cell(
                      String.valueOf(f.count()),
                      w.page("app/school/exits/" + category.name().toLowerCase(Locale.ROOT))))));
    }
    Table exits =
        new Table(
            "exits",
            t.get("school.exits.caption", String.valueOf(year)),
            List.of(t.get("school.col.category"), t.get("school.col.count")),
            exitRows,
            w.page("app/school?format=csv&table=exits"));
    return new DashboardPage(
        layout(w, t.get("school.title")),
        t,
        nav(w, "dashboard"),
        w.actor().grants().stream()
            .map(org.tremplin.api.access.Grant::role)
            .filter(r -> r == Role.MANAGER || r == Role.ADMIN)
            .distinct()
            .toList(),
        t.get("school.asOf", t.day(d.on())),
        d.cohorts().isEmpty(),
        bars.build(
            "attendance-chart",
            t.get("school.chart.attendance.title"),
            t.get("school.chart.attendance.desc", t.percent(minAttendance))),
        attendance,
        path,
        t.get("school.exits.title", String.valueOf(year)),
        d.exits().leavers().count() == 0 ? t.get("school.exits.empty", String.valueOf(year)) : "",
        exitsChart,
        rates,
        exits);
  }

  /** The dashboard's table named {@code table}, if it has one by that name. */
  static Optional<Table> table(DashboardPage page, String table) {
    return List.of(page.attendance(), page.path(), page.rates(), page.exits()).stream()
        .filter(x -> x.id().equals(table))
        .findFirst();
  }

  private static Table.Cell figure(Who w, CohortFigures f, FigureKind kind, Figure figure) {
    return figure(w, f, kind, String.valueOf(figure.count()));
  }

  private static Table.Cell figure(Who w, CohortFigures f, FigureKind kind, String text) {
    return new Table.Cell(
        text, w.page("app/school/cohorts/" + f.cohort().id().value() + "/" + kind.slug));
  }

  private static String rate(Texts t, AttendanceRates r) {
    return r.planned() == 0 ? "—" : t.percent(r.attendanceRate());
  }

  private static Optional<BigDecimal> fraction(Rate r) {
    return r.percent().map(SchoolPages::percentFraction);
  }

  private static BigDecimal percentFraction(BigDecimal percent) {
    return percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
  }

  private static String rateText(Texts t, Rate r) {
    return r.percent()
        .map(p -> t.get("school.rate.value", t.percent(percentFraction(p)), r.count(), r.outOf()))
        .orElse(t.get("school.rate.none"));
  }

  private static String chartText(Texts t, Rate r) {
    return r.percent().isEmpty() ? t.get("school.chart.noData") : rateText(t, r);
  }

  private static Table.Row rateRow(Texts t, String key, Rate r, BigDecimal target) {
    String status =
        r.percent()
            .map(
                p ->
                    p.compareTo(target) >= 0
                        ? t.get("school.target.met")
                        : t.get("school.target.missed"))
            .orElse(t.get("school.target.unknown"));
    return new Table.Row(
        "",
        List.of(
            Table.Cell.of(t.get(key)),
            Table.Cell.of(rateText(t, r)),
            Table.Cell.of(t.get("school.target.value", t.percent(percentFraction(target)))),
            Table.Cell.of(status)));
  }

  // ---------------------------------------------------------------- figures

  static FigurePage figure(Who w, CohortFigures f, FigureKind kind) {
    Texts t = w.t();
    String label = t.get("school.figure." + kind.slug);
    String name = t.get("school.col.learner");
    List<Table.Row> rows = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    headers.add(name);
    int counted;
    switch (kind) {
      case RECENT, SINCE_START -> {
        AttendanceFigure a =
            kind == FigureKind.RECENT ? f.recentAttendance() : f.attendanceSinceStart();
        headers.addAll(
            List.of(
                t.get("school.col.planned"),
                t.get("school.col.attended"),
                t.get("school.col.justified"),
                t.get("school.col.unjustified"),
                t.get("school.col.rate")));
        for (LearnerRates l : a.learners()) {
          AttendanceRates r = l.rates();
          rows.add(
              row(
                  w,
                  l.learner(),
                  String.valueOf(r.planned()),
                  String.valueOf(r.attended()),
                  String.valueOf(r.justifiedAbsences()),
                  String.valueOf(r.unjustifiedAbsences()),
                  rate(t, r)));
        }
        counted = a.learners().size();
      }
      case ALERTS -> {
        headers.add(t.get("school.col.alerts"));
        Map<CountedLearner, Integer> alerts = new LinkedHashMap<>();
        f.openAlerts().learners().forEach(l -> alerts.merge(l, 1, Integer::sum));
        alerts.forEach((l, n) -> rows.add(row(w, l, String.valueOf(n))));
        counted = alerts.size();
      }
      case ENDING -> {
        headers.addAll(List.of(t.get("school.col.what"), t.get("school.col.end")));
        for (Ending e : f.endingSoon()) {
          rows.add(row(w, e.learner(), t.get("school.ending." + e.kind().name()), t.date(e.end())));
        }
        counted = f.endingSoon().size();
      }
      default -> {
        Figure figure =
            switch (kind) {
              case READY -> f.ready();
              case ON_TRACK -> f.onTrack();
              case BEHIND -> f.behind();
              default -> f.enrolled();
            };
        figure.learners().forEach(l -> rows.add(row(w, l)));
        counted = figure.count();
      }
    }
    String title = t.get("school.figure.title", label, f.cohort().name());
    Table table =
        new Table(
            "learners",
            title,
            headers,
            rows,
            w.page(
                "app/school/cohorts/" + f.cohort().id().value() + "/" + kind.slug + "?format=csv"));
    return new FigurePage(
        layout(w, title),
        t,
        nav(w, ""),
        title,
        counted == 0 ? t.get("school.figure.empty") : t.get("school.figure.count", counted),
        table);
  }

  static FigurePage exits(
      Who w,
      SchoolDashboard d,
      ExitCategory category,
      Map<org.tremplin.api.CohortId, String> names) {
    Texts t = w.t();
    String year = String.valueOf(d.exits().year());
    Figure figure = d.exits().exitsByCategory().get(category);
    List<Table.Row> rows = new ArrayList<>();
    for (CountedLearner l : figure.learners()) {
      rows.add(row(w, l, names.getOrDefault(l.cohort(), "—")));
    }
    String title = t.get("school.exitFigure.title", t.get("school.exit." + category.name()), year);
    Table table =
        new Table(
            "learners",
            title,
            List.of(t.get("school.col.learner"), t.get("school.col.cohort")),
            rows,
            w.page("app/school/exits/" + category.name().toLowerCase(Locale.ROOT) + "?format=csv"));
    return new FigurePage(
        layout(w, title),
        t,
        nav(w, ""),
        title,
        figure.count() == 0
            ? t.get("school.figure.empty")
            : t.get("school.figure.count", figure.count()),
        table);
  }

  private static Table.Row row(Who w, CountedLearner learner, String... cells) {
    List<Table.Cell> all = new ArrayList<>();
    all.add(new Table.Cell(learner.displayName(), w.learnerHref(learner.learner())));
    for (String c : cells) {
      all.add(Table.Cell.of(c));
    }
    return new Table.Row("learner-" + learner.learner().value(), all);
  }

  // ---------------------------------------------------------------- shared

  static Layout layout(Who w, String title) {
    return Layout.of(w.t().locale(), title, w.schoolName(), w.root());
  }

  /** The school pages' navigation, {@code current} marked. */
  static List<NavLink> nav(Who w, String current) {
    Texts t = w.t();
    List<NavLink> links = new ArrayList<>(school(w, current));
    // a manager who is also a trainer or a coach reaches those pages from their home (h24)
    if (w.request().session().roles().stream()
        .anyMatch(r -> r != org.tremplin.api.access.Role.MANAGER)) {
      links.add(new NavLink(w.href("app/home?view=roles"), t.get("school.nav.roles"), false));
    }
    return List.copyOf(links);
  }

  private static List<NavLink> school(Who w, String current) {
    Texts t = w.t();
    return List.of(
        new NavLink(
            w.page("app/school"), t.get("school.nav.dashboard"), current.equals("dashboard")),
        new NavLink(
            w.page("app/school/cohorts/new"), t.get("school.nav.cohort"), current.equals("cohort")),
        new NavLink(
            w.page("app/school/learners/new"),
            t.get("school.nav.learner"),
            current.equals("learner")),
        new NavLink(
            w.page("app/school/referents"),
            t.get("school.nav.referents"),
            current.equals("referents")),
        new NavLink(
            w.page("app/school/funder"), t.get("school.nav.funder"), current.equals("funder")),
        new NavLink(
            w.page("app/school/thresholds"),
            t.get("school.nav.thresholds"),
            current.equals("thresholds")));
  }

  static Response render(int status, String template, Object model) {
    return Pages.html(status, Templates.web().render(template, model));
  }

  static Response forbidden(Locale locale, String root) {
    Texts t = Texts.of(Who.BUNDLE, locale);
    return render(
        403,
        "school/message.jte",
        new MessagePage(
            Layout.of(t.locale(), t.get("school.forbidden.title"), "", root),
            t.get("school.forbidden.title"),
            t.get("school.forbidden.text")));
  }

  static Response notFound(Who w) {
    return render(
        404,
        "school/message.jte",
        new MessagePage(
            layout(w, w.t().get("school.notFound")),
            w.t().get("school.notFound"),
            w.t().get("school.notFound")));
  }

  /** A table as a CSV download: UTF-8 with a byte-order mark, {@code ;} in French. */
  static Response csv(Table table, String file, Locale locale) {
    boolean french = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(french ? ';' : ',')
            .setRecordSeparator("\r\n")
            .get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(table.headers());
      for (Table.Row row : table.rows()) {
        printer.printRecord(row.cells().stream().map(Table.Cell::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Pages.secure(
            Response.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\""))
        .build();
  }
}
