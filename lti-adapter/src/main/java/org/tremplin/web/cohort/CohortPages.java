package org.tremplin.web.cohort;

import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tremplin.api.LearnerId;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.BlockReadiness;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.PhaseKind;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.roster.RosterLine;
import org.tremplin.api.roster.RosterService;
import org.tremplin.core.Tremplin;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;
import org.tremplin.web.path.PathView;

/**
 * The read pages of a cohort: roster, competency grid, calendar, a learner's file. Each builds one
 * model record and renders its template under {@code src/main/jte/cohort}. Stateless.
 */
final class CohortPages {
  /** The bundle of the cohort pages. */
  static final String BUNDLE = "org.tremplin.web.cohort.CohortMessages";

  /** The navigation's entries, in order: their path under the cohort and their text key. */
  private static final List<String[]> NAV =
      List.of(
          new String[] {"", "nav.roster"},
          new String[] {"/grid", "nav.grid"},
          new String[] {"/assessments/new", "nav.assess"},
          new String[] {"/calendar", "nav.calendar"},
          new String[] {"/grades", "nav.grades"},
          new String[] {"/projects", "nav.projects"},
          new String[] {"/learners/new", "nav.add"});

  private final Tremplin tremplin;
  private final PathView path;
  private final Clock clock;
  private final String base;

  CohortPages(Tremplin tremplin, PathView path, Clock clock, String base) {
    this.tremplin = tremplin;
    this.path = path;
    this.clock = clock;
    this.base = base.endsWith("/") ? base : base + "/";
  }

  /** The way to the application's root from any page (an absolute path). */
  String root() {
    return base;
  }

  /** Texts of a page. */
  Texts texts(CohortContext c) {
    return Texts.of(BUNDLE, c.request().session().locale());
  }

  /** A link under the cohort, e.g. {@code "/grid"}, with the session token. */
  String href(CohortContext c, String under) {
    return CohortResource.link(base, "app/cohorts/" + c.cohort().id().value() + under, c.token());
  }

  /**
   * A form's action under the cohort, e.g. {@code "/assessments"} (the token is a hidden field).
   */
  String action(CohortContext c, String under) {
    return base + "app/cohorts/" + c.cohort().id().value() + under;
  }

  /** The frame of a cohort page. */
  Frame frame(CohortContext c, String current, String titleKey, Object... arguments) {
    Texts t = texts(c);
    String title = t.get(titleKey, arguments);
    String school = tremplin.schools().get(c.cohort().school()).name();
    List<NavLink> nav = new ArrayList<>();
    for (String[] entry : NAV) {
      nav.add(new NavLink(href(c, entry[0]), t.get(entry[1]), entry[0].equals(current)));
    }
    if (c.cohort().id().equals(c.request().session().cohortId())) {
      // the attendance sheet of the course's cohort (issue 12 item 1, /app/attendance)
      nav.add(
          1,
          new NavLink(
              CohortResource.link(base, "app/attendance", c.token()),
              t.get("nav.attendance"),
              false));
    }
    if (c.request()
        .session()
        .actor()
        .flatMap(org.tremplin.web.school.SchoolResource::managedSchool)
        .filter(c.cohort().school()::equals)
        .isPresent()) {
      // the school's manager goes back to the dashboard from any cohort page (h24)
      nav.add(
          new NavLink(
              CohortResource.link(
                  base, "app/school?school=" + c.cohort().school().value(), c.token()),
              t.get("nav.school"),
              false));
    }
    return new Frame(
        Layout.of(t.locale(), title + " — " + c.cohort().name(), school, base),
        t,
        title,
        c.cohort().name(),
        nav,
        c.token());
  }

  /** The roster: one line per learner who ever joined. */
  Response roster(CohortContext c) {
    Frame frame = frame(c, "", "roster.title");
    Texts t = frame.t();
    LocalDate today = LocalDate.now(clock);
    List<RosterRow> rows = new ArrayList<>();
    int active = 0;
    for (RosterLine line : tremplin.roster().roster(c.actor(), c.cohort().id(), today)) {
      Enrolment e = line.enrolment();
      String status;
      String statusCode;
      EnrolmentEvent latest = e.history().get(e.history().size() - 1);
      if (latest.kind() == EnrolmentEventKind.LEFT) {
        status = t.get("roster.status.left", t.date(latest.date()));
        statusCode = "left";
      } else if (latest.date().isAfter(today)) {
        status = t.get("roster.status.upcoming", t.date(latest.date()));
        statusCode = "upcoming";
      } else {
        status = t.get("roster.status.active", t.date(e.history().get(0).date()));
        statusCode = "active";
        active++;
      }
      AttendanceRates rates = line.recentAttendance();
      int recorded = rates.planned() - rates.unrecorded();
      String rate =
          recorded == 0
              ? t.get("roster.rate.none")
              : t.percent(
                  BigDecimal.valueOf(rates.attended())
                      .divide(BigDecimal.valueOf(recorded), 4, RoundingMode.HALF_UP));
      String rateDetail =
          rates.unrecorded() == 0 ? "" : t.get("roster.rate.unrecorded", rates.unrecorded());
      rows.add(
          new RosterRow(
              "learner-" + line.learner().id().value(),
              line.learner().familyName() + " " + line.learner().givenName(),
              href(c, "/learners/" + line.learner().id().value()),
              statusCode,
              status,
              line.contractEnd().map(t::date).orElse(t.get("roster.contract.none")),
              rate,
              rateDetail,
              line.openAlerts(),
              line.openAlerts() == 0
                  ? t.get("roster.alerts.none")
                  : t.get("roster.alerts.count", line.openAlerts())));
    }
    String summary =
        t.get(
            "roster.summary",
            active,
            c.cohort().capacity(),
            t.date(c.cohort().range().first()),
            t.date(c.cohort().range().last()));
    return CohortResource.html(
        200,
        Templates.web()
            .render(
                "cohort/roster.jte",
                new RosterPage(
                    frame,
                    summary,
                    t.get("roster.caption", RosterService.RECENT_WEEKS),
                    rows,
                    href(c, "/learners/new"),
                    href(c, "/assessments/new"))));
  }

  /** The grid: learners × competencies of the certification version. */
  Response grid(CohortContext c) {
    Frame frame = frame(c, "/grid", "grid.title");
    Texts t = frame.t();
    CertificationVersion version = certification(c.cohort());
    List<GridBlock> blocks = new ArrayList<>();
    List<GridColumn> columns = new ArrayList<>();
    for (CompetencyBlock b : version.blocks()) {
      blocks.add(new GridBlock(b.code(), b.title().in(t.locale()), b.competencies().size()));
      for (Competency comp : b.competencies()) {
        columns.add(new GridColumn(comp.code(), comp.title().in(t.locale())));
      }
    }
    Map<LearnerId, Learner> learners = new HashMap<>();
    tremplin.learners().learners(c.actor(), c.cohort().id()).forEach(l -> learners.put(l.id(), l));
    Map<LearnerId, Enrolment> enrolments = new HashMap<>();
    tremplin
        .learners()
        .enrolments(c.actor(), c.cohort().id())
        .forEach(e -> enrolments.put(e.learner(), e));
    List<GridRow> rows = new ArrayList<>();
    for (Readiness r : tremplin.evidence().readiness(c.actor(), c.cohort().id())) {
      Learner learner = learners.get(r.learner());
      if (learner == null) {
        continue;
      }
      Map<String, CompetencyProgress> byCode = new HashMap<>();
      for (BlockReadiness b : r.blocks()) {
        b.competencies().forEach(p -> byCode.put(p.competency(), p));
      }
      String fileHref = href(c, "/learners/" + learner.id().value());
      List<GridCell> cells = new ArrayList<>();
      for (GridColumn col : columns) {
        CompetencyProgress p = byCode.get(col.code());
        CompetencyStatus status = p == null ? CompetencyStatus.NOT_STARTED : p.status();
        int count = p == null ? 0 : p.evidenceCount();
        cells.add(
            new GridCell(
                status.name(),
                t.get("status.short." + status.name()),
                t.get("status." + status.name()),
                count == 0 ? "" : t.get("grid.evidence", count),
                // the evidence behind a cell: the learner's file at that competency
                fileHref + "#competency-" + col.code(),
                t.get(
                    "grid.cell.label",
                    learner.displayName(),
                    col.code(),
                    t.get("status." + status.name()),
                    count)));
      }
      Enrolment e = enrolments.get(learner.id());
      boolean left = e != null && !e.active();
      rows.add(
          new GridRow(
              learner.familyName() + " " + learner.givenName(),
              fileHref,
              left ? t.get("grid.left") : "",
              cells));
    }
    rows.sort(java.util.Comparator.comparing(GridRow::name));
    return CohortResource.html(
        200,
        Templates.web()
            .render(
                "cohort/grid.jte",
                new GridPage(
                    frame,
                    t.get("grid.caption", version.title().in(t.locale()), version.rncp()),
                    blocks,
                    columns,
                    rows,
                    href(c, "/assessments/new"))));
  }

  /** The calendar: phases on real dates, public holidays, closures, placement. */
  Response calendar(CohortContext c) {
    Frame frame = frame(c, "/calendar", "calendar.title");
    Texts t = frame.t();
    CohortCalendar calendar = tremplin.cohorts().calendar(c.actor(), c.cohort().id());
    ProgrammeTemplate template = tremplin.templates().get(c.cohort().template());
    LocalDate today = LocalDate.now(clock);
    List<CalendarPhase> phases = new ArrayList<>();
    for (PhaseSpan p : calendar.phases()) {
      String state =
          p.range().last().isBefore(today)
              ? "done"
              : p.range().first().isAfter(today) ? "upcoming" : "current";
      phases.add(
          new CalendarPhase(
              "phase-" + p.code(),
              p.name().in(t.locale()),
              t.day(p.range().first()),
              t.day(p.range().last()),
              t.get("calendar.days", p.workingDays()),
              p.kind() == PhaseKind.COMPANY_PLACEMENT,
              state,
              t.get("calendar.state." + state)));
    }
    List<CalendarDay> holidays = new ArrayList<>();
    for (PublicHoliday h : calendar.publicHolidays()) {
      if (c.cohort().range().contains(h.date())) {
        holidays.add(new CalendarDay(t.day(h.date()), h.name().in(t.locale())));
      }
    }
    List<CalendarDay> closures = new ArrayList<>();
    for (DateRange r : calendar.closures()) {
      closures.add(
          new CalendarDay(t.get("calendar.closure.range", t.day(r.first()), t.day(r.last())), ""));
    }
    String placement =
        template.placementHours() == 0
            ? t.get("calendar.placement.none")
            : t.get("calendar.placement.hours", template.placementHours());
    String today1 =
        calendar
            .phaseOn(today)
            .map(p -> t.get("calendar.today", t.day(today), p.name().in(t.locale())))
            .orElse(t.get("calendar.today.none", t.day(today)));
    return CohortResource.html(
        200,
        Templates.web()
            .render(
                "cohort/calendar.jte",
                new CalendarPage(
                    frame,
                    t.get(
                        "calendar.summary",
                        t.date(calendar.range().first()),
                        t.date(calendar.range().last()),
                        calendar.workingDayCount(),
                        calendar.plannedHours()),
                    today1,
                    phases,
                    holidays,
                    closures,
                    placement)));
  }

  /** A learner's pedagogical file: their path as staff see it, with every piece of evidence. */
  Response learnerFile(CohortContext c, LearnerId learner) {
    Texts t = texts(c);
    List<NavLink> nav = frame(c, "/learner", "roster.title").nav();
    return CohortResource.html(
        200, path.render(c.actor(), c.cohort().id(), learner, t.locale(), base, nav, false, ""));
  }

  /** 403: the session's grants do not cover this cohort. */
  Response forbidden(Locale locale) {
    Texts t = Texts.of(BUNDLE, locale);
    return CohortResource.html(
        403,
        Templates.web()
            .render(
                "cohort/forbidden.jte",
                new Forbidden(Layout.of(t.locale(), t.get("forbidden.title"), "", base), t)));
  }

  /** The certification version the cohort targets. */
  CertificationVersion certification(Cohort cohort) {
    ProgrammeTemplate template = tremplin.templates().get(cohort.template());
    return tremplin.certifications().version(template.certification());
  }

  /** What every cohort page shows around its content. */
  record Frame(
      Layout layout, Texts t, String title, String cohort, List<NavLink> nav, String token) {}

  /** The 403 page. */
  record Forbidden(Layout layout, Texts t) {}

  /** A line of the roster. */
  record RosterRow(
      String id,
      String name,
      String href,
      String statusCode,
      String status,
      String contractEnd,
      String rate,
      String rateDetail,
      int alerts,
      String alertsText) {}

  /** The roster page. */
  record RosterPage(
      Frame frame,
      String summary,
      String caption,
      List<RosterRow> rows,
      String addHref,
      String assessHref) {}

  /** A block heading over its competencies' columns. */
  record GridBlock(String code, String title, int span) {}

  /** A competency column. */
  record GridColumn(String code, String title) {}

  /** A cell: status code, short and long label, evidence count text, link, accessible label. */
  record GridCell(
      String status, String shortLabel, String label, String evidence, String href, String aria) {}

  /** A learner's row. */
  record GridRow(String name, String href, String note, List<GridCell> cells) {}

  /** The grid page. */
  record GridPage(
      Frame frame,
      String caption,
      List<GridBlock> blocks,
      List<GridColumn> columns,
      List<GridRow> rows,
      String assessHref) {}

  /** A phase of the calendar. */
  record CalendarPhase(
      String id,
      String name,
      String first,
      String last,
      String days,
      boolean placement,
      String state,
      String stateLabel) {}

  /** A day or a range with its name. */
  record CalendarDay(String when, String name) {}

  /** The calendar page. */
  record CalendarPage(
      Frame frame,
      String summary,
      String today,
      List<CalendarPhase> phases,
      List<CalendarDay> holidays,
      List<CalendarDay> closures,
      String placement) {}
}
