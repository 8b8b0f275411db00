package org.tremplin.web.path;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockReadiness;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.CompetencyStatus;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.MissingItem;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.Phase;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.Unit;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;

/**
 * Builds and renders a learner's path (the page {@code path/path.jte}) from the engine, read as the
 * given actor: the learner themself, or a trainer, coach or manager of their cohort (the
 * pedagogical file: every piece of evidence is listed, and no coaching data unless the actor may
 * read it). A learner who left sees their path as it stood on their last day. Stateless and
 * thread-safe.
 */
public final class PathView {
  /** Most calendars kept (a school has a few cohorts at a time). */
  private static final int MAX_CALENDARS = 256;

  /** The bundle of these pages. */
  static final String BUNDLE = "org.tremplin.web.path.PathMessages";

  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Calendars by cohort (the record, closures included: a changed cohort is another key); a
   * calendar is no one's personal data.
   */
  private final Map<Cohort, CohortCalendar> calendars =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Over this engine, "today" from this clock (in its zone).
   *
   * @param tremplin the engine
   * @param clock the clock read for "now"
   */
  public PathView(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The page as HTML.
   *
   * @param actor who reads
   * @param cohortId the cohort
   * @param learnerId whose path
   * @param locale the page's language
   * @param root the way from the page's address back to the application's root
   * @param nav the links above the page (empty for none)
   * @param ownPath whether the reader is the learner ("Mon parcours") or staff (the learner's file)
   * @param ownName the learner's name as their launch gave it (for their own path; may be empty)
   * @return the page as HTML
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED} when the actor may not read it
   */
  public String render(
      Actor actor,
      CohortId cohortId,
      LearnerId learnerId,
      Locale locale,
      String root,
      List<NavLink> nav,
      boolean ownPath,
      String ownName) {
    return Templates.web()
        .render(
            "path/path.jte",
            model(actor, cohortId, learnerId, locale, root, nav, ownPath, ownName));
  }

  /** The page's model (see {@link #render}). */
  Page model(
      Actor actor,
      CohortId cohortId,
      LearnerId learnerId,
      Locale locale,
      String root,
      List<NavLink> nav,
      boolean ownPath,
      String ownName) {
    Texts t = Texts.of(BUNDLE, locale);
    // the reads of the learner check the actor; the cohort's facts and calendar are no one's
    // personal data, and a learner's grant covers only themself, not the cohort
    Enrolment enrolment = tremplin.learners().enrolment(actor, cohortId, learnerId);
    // a learner's grant covers their own path, not the school's register: their name comes from
    // the launch; staff read it from the cohort's list
    String name =
        ownPath
            ? ownName
            : tremplin.learners().learners(actor, cohortId).stream()
                .filter(l -> l.id().equals(learnerId))
                .map(Learner::displayName)
                .findFirst()
                .orElse("");
    Cohort cohort = LaunchIdentities.cohort(tremplin, cohortId);
    ProgrammeTemplate template = tremplin.templates().get(cohort.template());
    if (calendars.size() > MAX_CALENDARS) {
      calendars.clear();
    }
    CohortCalendar calendar =
        calendars.computeIfAbsent(
            cohort,
            c ->
                tremplin
                    .calendars()
                    .calendar(
                        c.range(),
                        tremplin.schools().get(c.school()).departement(),
                        c.closures(),
                        template));
    CertificationVersion certification =
        tremplin.certifications().version(template.certification());
    String school = tremplin.schools().get(cohort.school()).name();
    LocalDate today = LocalDate.now(clock);
    LocalDate last = cohort.range().last();
    List<DateRange> periods = enrolment.periods(last);
    LocalDate start = periods.isEmpty() ? cohort.range().first() : periods.get(0).first();
    // a learner who left sees the path as it stood on their last day
    LocalDate exit = null;
    if (!enrolment.active()) {
      exit = enrolment.history().get(enrolment.history().size() - 1).date();
    }
    LocalDate asOf = exit != null && exit.minusDays(1).isBefore(today) ? exit.minusDays(1) : today;

    String title = ownPath ? t.get("path.title") : t.get("path.file.title", name);
    Layout layout = Layout.of(t.locale(), title, school, root);
    String intro =
        t.get(
            "path.intro",
            cohort.name(),
            t.date(cohort.range().first()),
            t.date(cohort.range().last()));
    String left = exit == null ? null : t.get("path.left", t.date(exit));

    // timeline
    Map<String, LocalDate> phaseEnds = new HashMap<>();
    List<PhaseRow> phases = new ArrayList<>();
    Optional<PhaseSpan> current = calendar.phaseOn(asOf);
    for (PhaseSpan span : calendar.phases()) {
      phaseEnds.put(span.code(), span.range().last());
      String state;
      if (span.range().last().isBefore(asOf)) {
        state = "done";
      } else if (span.range().first().isAfter(asOf)) {
        state = "upcoming";
      } else {
        state = "current";
      }
      phases.add(
          new PhaseRow(
              span.code(),
              span.name().in(t.locale()),
              t.get("path.phase.dates", t.date(span.range().first()), t.date(span.range().last())),
              state,
              t.get("path.phase." + state),
              state.equals("current")
                  ? t.get(exit == null ? "path.today" : "path.lastDay", t.day(asOf))
                  : ""));
    }
    String where;
    if (asOf.isBefore(cohort.range().first())) {
      where = t.get("path.where.before", t.day(cohort.range().first()));
    } else if (asOf.isAfter(last)) {
      where = t.get("path.where.after");
    } else {
      long week = (asOf.toEpochDay() - cohort.range().first().toEpochDay()) / 7 + 1;
      where =
          current
              .map(p -> t.get("path.where", week, p.name().in(t.locale())))
              .orElse(t.get("path.where.between", week));
    }

    // competencies
    Map<String, LocalDate> competencyDue = dueDates(template, phaseEnds, last);
    List<Evidence> evidence = tremplin.evidence().evidence(actor, cohortId, learnerId);
    // readiness carries every block competency's progress: one evaluation of the rule, not two
    Readiness readiness = tremplin.evidence().readiness(actor, cohortId, learnerId);
    Map<String, CompetencyProgress> progress = new HashMap<>();
    readiness.blocks().forEach(b -> b.competencies().forEach(p -> progress.put(p.competency(), p)));
    Map<String, AssessmentResult> latestOnCriterion = new HashMap<>();
    Map<String, Evidence> latestOnCompetency = new HashMap<>();
    for (Evidence e : evidence) { // oldest first: the later wins
      if (e.target() instanceof EvidenceTarget.OnCriterion c) {
        latestOnCriterion.put(c.criterion(), e.result());
      }
      latestOnCompetency.merge(
          e.target().competency(), e, (a, b) -> b.assessedOn().isBefore(a.assessedOn()) ? a : b);
    }
    List<BlockRow> blocks = new ArrayList<>();
    for (CompetencyBlock block : certification.blocks()) {
      List<CompetencyRow> rows = new ArrayList<>();
      int acquired = 0;
      for (Competency c : block.competencies()) {
        CompetencyProgress p = progress.get(c.code());
        CompetencyStatus status = p == null ? CompetencyStatus.NOT_STARTED : p.status();
        if (status == CompetencyStatus.ACQUIRED) {
          acquired++;
        }
        List<String> missing = new ArrayList<>();
        if (status != CompetencyStatus.ACQUIRED) {
          for (PerformanceCriterion criterion : c.criteria()) {
            if (latestOnCriterion.get(criterion.code()) != AssessmentResult.ACQUIRED) {
              missing.add(criterion.code() + " — " + criterion.title().in(t.locale()));
            }
          }
        }
        Evidence latest = latestOnCompetency.get(c.code());
        rows.add(
            new CompetencyRow(
                c.code(),
                c.title().in(t.locale()),
                status.name(),
                t.get("status." + status.name()),
                p == null || p.criteriaTotal() == 0
                    ? ""
                    : t.get("path.criteria", p.criteriaAcquired(), p.criteriaTotal()),
                latest == null
                    ? t.get("path.evidence.none")
                    : t.get(
                        "path.evidence.latest",
                        t.date(latest.assessedOn()),
                        t.get("source." + latest.source().name()),
                        t.get("result." + latest.result().name())),
                missing,
                status == CompetencyStatus.ACQUIRED
                    ? ""
                    : t.get("path.due", t.date(competencyDue.getOrDefault(c.code(), last)))));
      }
      blocks.add(
          new BlockRow(
              block.code(),
              block.title().in(t.locale()),
              t.get("path.block.acquired", acquired, block.competencies().size()),
              rows));
    }

    // attendance
    LocalDate monthStart = asOf.withDayOfMonth(1);
    LocalDate attendanceEnd = asOf.isAfter(last) ? last : asOf;
    AttendanceCard month =
        attendance(
            t,
            actor,
            cohortId,
            learnerId,
            monthStart.isBefore(start) ? start : monthStart,
            attendanceEnd,
            t.get(
                "path.attendance.month",
                asOf.getMonth().getDisplayName(java.time.format.TextStyle.FULL, t.locale())
                    + " "
                    + asOf.getYear()));
    AttendanceCard since =
        attendance(
            t,
            actor,
            cohortId,
            learnerId,
            start,
            attendanceEnd,
            t.get("path.attendance.since", t.date(start)));

    // next coaching appointment: its date and time, never a note
    String meeting = ownPath ? nextMeeting(t, actor, cohortId, learnerId, exit) : null;

    // readiness checklist
    List<CheckRow> checklist = new ArrayList<>();
    for (BlockReadiness b : readiness.blocks()) {
      String blockTitle =
          certification.block(b.block()).map(x -> x.title().in(t.locale())).orElse(b.block());
      List<MissingItem> missing = b.missing();
      long notAcquired =
          missing.stream().filter(m -> m instanceof MissingItem.CompetencyNotAcquired).count();
      checklist.add(
          new CheckRow(
              notAcquired == 0,
              t.get(
                  "ready.competencies",
                  b.block(),
                  blockTitle,
                  b.acquired(),
                  b.competencies().size()),
              notAcquired == 0
                  ? ""
                  : t.get("path.due", t.date(latestDue(b, competencyDue, last)))));
      boolean ecf =
          missing.stream().noneMatch(m -> m instanceof MissingItem.InTrainingAssessmentMissing);
      checklist.add(
          new CheckRow(
              ecf, t.get("ready.ecf", b.block()), ecf ? "" : t.get("path.due", t.date(last))));
      boolean dp =
          missing.stream().noneMatch(m -> m instanceof MissingItem.PortfolioSectionMissing);
      checklist.add(
          new CheckRow(
              dp, t.get("ready.dp", b.block()), dp ? "" : t.get("path.due", t.date(last))));
    }
    boolean placement =
        readiness
                .placementHoursDone()
                .compareTo(BigDecimal.valueOf(readiness.placementHoursRequired()))
            >= 0;
    LocalDate placementDue =
        template.phases().stream()
            .filter(p -> p.kind() == org.tremplin.api.programme.PhaseKind.COMPANY_PLACEMENT)
            .map(p -> phaseEnds.get(p.code()))
            .filter(d -> d != null)
            .findFirst()
            .orElse(last);
    checklist.add(
        new CheckRow(
            placement,
            t.get(
                "ready.placement",
                t.number(readiness.placementHoursDone()),
                readiness.placementHoursRequired()),
            placement ? "" : t.get("path.due", t.date(placementDue))));
    long done = checklist.stream().filter(CheckRow::done).count();
    String readySummary =
        readiness.ready()
            ? t.get("ready.all")
            : t.get("ready.summary", done, checklist.size(), t.date(last));

    // the pedagogical file lists every piece of evidence
    List<EvidenceRow> evidenceRows = new ArrayList<>();
    if (!ownPath) {
      List<Evidence> newestFirst = new ArrayList<>(evidence);
      newestFirst.sort(
          Comparator.comparing(Evidence::assessedOn)
              .thenComparing(Evidence::recordedAt)
              .reversed());
      for (Evidence e : newestFirst) {
        String target =
            e.target() instanceof EvidenceTarget.OnCriterion c
                ? c.criterion()
                : e.target().competency();
        evidenceRows.add(
            new EvidenceRow(
                "evidence-" + e.id().value(),
                t.date(e.assessedOn()),
                target,
                t.get("source." + e.source().name()),
                t.get("result." + e.result().name()),
                e.comment()));
      }
    }
    return new Page(
        layout,
        t,
        title,
        ownPath ? (name.isBlank() ? t.get("path.title") : t.get("path.hello", name)) : name,
        intro,
        left,
        where,
        phases,
        blocks,
        month,
        since,
        meeting,
        ownPath,
        checklist,
        readySummary,
        evidenceRows,
        nav,
        projects(t, actor, cohortId, learnerId));
  }

  /** One line per real project the learner is in (DOMAIN.md, Real projects), newest first. */
  private List<String> projects(Texts t, Actor actor, CohortId cohort, LearnerId learner) {
    return tremplin.projects().projectsOf(actor, cohort, learner).stream()
        .map(
            p ->
                p.status() instanceof org.tremplin.api.project.ProjectStatus.Delivered d
                    ? t.get("path.project.delivered", p.title(), p.client().name(), t.date(d.on()))
                    : t.get("path.project.inProgress", p.title(), p.client().name()))
        .toList();
  }

  private AttendanceCard attendance(
      Texts t,
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      LocalDate first,
      LocalDate last,
      String title) {
    if (last.isBefore(first)) {
      return new AttendanceCard(title, t.get("path.attendance.none"), "", "");
    }
    AttendanceRates rates =
        tremplin.attendance().learnerRates(actor, cohort, learner, new DateRange(first, last));
    if (rates.planned() == 0) {
      return new AttendanceCard(title, t.get("path.attendance.none"), "", "");
    }
    int recorded = rates.planned() - rates.unrecorded();
    return new AttendanceCard(
        title,
        recorded == 0
            ? t.get("path.attendance.none")
            : t.percent(
                BigDecimal.valueOf(rates.attended())
                    .divide(BigDecimal.valueOf(recorded), 4, java.math.RoundingMode.HALF_UP)),
        t.get("path.attendance.detail", rates.attended(), recorded, rates.justifiedAbsences()),
        t.get("path.attendance.unjustified", rates.unjustifiedAbsences()));
  }

  private @Nullable String nextMeeting(
      Texts t, Actor actor, CohortId cohort, LearnerId learner, @Nullable LocalDate exit) {
    if (exit != null) {
      return null;
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Paris")));
    for (CoachingMeeting m : tremplin.coaching().meetings(actor, cohort, learner)) {
      if (m.status() instanceof MeetingStatus.Planned && !m.plannedAt().isBefore(now)) {
        return t.get(
            "path.meeting.next",
            t.day(m.plannedAt().toLocalDate()),
            DateTimeFormatter.ofPattern(t.lang().equals("fr") ? "H' h 'mm" : "h:mm a", t.locale())
                .format(m.plannedAt()));
      }
    }
    return t.get("path.meeting.none");
  }

  /** Each competency is due by the end of the last phase whose units work on it. */
  private static Map<String, LocalDate> dueDates(
      ProgrammeTemplate template, Map<String, LocalDate> phaseEnds, LocalDate last) {
    Map<String, LocalDate> due = new LinkedHashMap<>();
    for (Phase phase : template.phases()) {
      LocalDate end = phaseEnds.getOrDefault(phase.code(), last);
      for (Unit unit : phase.units()) {
        for (String code : unit.competencies()) {
          due.merge(code, end, (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    return due;
  }

  private static LocalDate latestDue(
      BlockReadiness block, Map<String, LocalDate> due, LocalDate last) {
    return block.competencies().stream()
        .map(c -> due.getOrDefault(c.competency(), last))
        .max(Comparator.naturalOrder())
        .orElse(last);
  }

  /** A phase of the timeline; {@code state} is done, current or upcoming. */
  record PhaseRow(
      String code, String name, String dates, String state, String stateLabel, String today) {}

  /** A competency with its status, latest evidence and what is missing. */
  record CompetencyRow(
      String code,
      String title,
      String status,
      String statusLabel,
      String criteria,
      String latest,
      List<String> missing,
      String due) {}

  /** A block of competencies. */
  record BlockRow(String code, String title, String acquired, List<CompetencyRow> competencies) {}

  /** Attendance over a period: rate, detail, unjustified absences. */
  record AttendanceCard(String title, String rate, String detail, String unjustified) {}

  /** A line of the readiness checklist. */
  record CheckRow(boolean done, String text, String due) {}

  /** A piece of evidence in the learner's file. */
  record EvidenceRow(
      String id, String date, String target, String source, String result, String comment) {}

  /** The page; {@code left} and {@code meeting} are null when they do not apply. */
  record Page(
      Layout layout,
      Texts t,
      String title,
      String heading,
      String intro,
      @Nullable String left,
      String where,
      List<PhaseRow> phases,
      List<BlockRow> blocks,
      AttendanceCard month,
      AttendanceCard since,
      @Nullable String meeting,
      boolean ownPath,
      List<CheckRow> checklist,
      String readySummary,
      List<EvidenceRow> evidence,
      List<NavLink> nav,
      List<String> projects) {}
}
