package org.tremplin.core.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.certification.CertificationCatalog;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.dashboard.AttendanceFigure;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.dashboard.Ending;
import org.tremplin.api.dashboard.EndingKind;
import org.tremplin.api.dashboard.LearnerRates;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.roster.RosterService;
import org.tremplin.core.alert.AlertDesk;
import org.tremplin.core.alert.RiskRules;
import org.tremplin.core.attendance.AttendanceSheets;
import org.tremplin.core.attendance.RateRule;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.evidence.EvidenceRecords;
import org.tremplin.core.evidence.ReadinessRule;
import org.tremplin.core.learner.LearnerRegistry;

/**
 * One cohort's figures on a day, in a fixed number of queries whatever the cohort's size: the
 * enrolments and the learners' names, the current attendance marks counted per learner by the
 * database (both windows in one aggregate, {@link RateRule}'s counting; the planned half-days come
 * from the calendar), the evidence, milestones and placement half-days (readiness), the unresolved
 * alerts, and the contracts and PASS IAE of the cohort's learners with their renewals, suspensions
 * and prolongations. The rules are the engine's ({@link RateRule}, {@link ReadinessRule}, {@link
 * RiskRules}, {@link ContractRules}). No access check: the caller checks. Thread-safe.
 */
public final class CohortFiguresQuery {
  private static final String NOT_TEST =
      " and not exists (select 1 from tremplin_test_account t where t.learner_id = l.id)";

  /** The learners of the cohort (any enrolment event), for the per-learner tables' subqueries. */
  private static final String OF_COHORT =
      " in (select e.learner_id from tremplin_enrolment_event e where e.cohort_id = :cohort)";

  /** The enrolled periods bound to the counting query come in multiples of this. */
  private static final int PERIOD_SLOTS = 16;

  /** The days off bound to the counting query come in multiples of this. */
  private static final int DAY_OFF_SLOTS = 32;

  private static final UUID NO_LEARNER = new UUID(0L, 0L);

  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final EvidenceRecords evidence;
  private final ProgrammeTemplateService templates;
  private final CertificationCatalog catalog;
  private final AlertDesk alerts;
  private final ContractRules contracts;

  /**
   * A query over these stores and rules.
   *
   * @param cohorts the cohorts (calendars)
   * @param learners the enrolments
   * @param evidence the evidence and milestones
   * @param templates the programme templates
   * @param catalog the certifications
   * @param alerts the school's thresholds
   * @param contracts the contract and PASS rules
   */
  public CohortFiguresQuery(
      CohortRegistry cohorts,
      LearnerRegistry learners,
      EvidenceRecords evidence,
      ProgrammeTemplateService templates,
      CertificationCatalog catalog,
      AlertDesk alerts,
      ContractRules contracts) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.evidence = evidence;
    this.templates = templates;
    this.catalog = catalog;
    this.alerts = alerts;
    this.contracts = contracts;
  }

  /**
   * The cohort's figures on a day, read on this handle.
   *
   * @param h the handle
   * @param cohort the cohort
   * @param on the day
   * @return the figures
   */
  CohortFigures run(Handle h, Cohort cohort, LocalDate on) {
    CohortId id = cohort.id();
    LocalDate last = cohort.range().last();
    Map<LearnerId, CountedLearner> names = names(h, id);
    List<Enrolment> enrolments =
        learners.enrolmentsOf(id).stream().filter(e -> names.containsKey(e.learner())).toList();
    List<Enrolment> current = enrolments.stream().filter(e -> e.enrolledOn(on, last)).toList();

    CohortCalendar calendar = cohorts.calendarOf(id);
    DateRange recent = new DateRange(on.minusWeeks(RosterService.RECENT_WEEKS), on.minusDays(1));
    LocalDate first = cohort.range().first();
    LocalDate before = on.minusDays(1).isBefore(last) ? on.minusDays(1) : last;
    Optional<DateRange> since =
        before.isBefore(first) ? Optional.empty() : Optional.of(new DateRange(first, before));
    List<MonthRow> months = months(h, id);
    Map<LearnerId, Counts> counts = counts(h, cohort, calendar, enrolments, recent, since, months);
    AttendanceFigure recentFigure =
        attendance(calendar, recent, enrolments, counts, 0, names, last);
    AttendanceFigure sinceStart =
        since.isEmpty()
            ? new AttendanceFigure(AttendanceRates.empty(DateRange.of(first)), List.of())
            : attendance(calendar, since.get(), enrolments, counts, 1, names, last);

    List<CountedLearner> ready = new ArrayList<>();
    List<CountedLearner> onTrack = new ArrayList<>();
    List<CountedLearner> behind = new ArrayList<>();
    ProgrammeTemplate template = templates.get(cohort.template());
    CertificationVersion cert = catalog.version(template.certification());
    Map<LearnerId, List<Evidence>> evidenceOf = evidence.byCohort(id);
    Map<LearnerId, Set<EvidenceRecords.Milestone>> milestones = evidence.milestonesByLearner(id);
    Map<LearnerId, Integer> placement = new HashMap<>();
    months.forEach(m -> placement.merge(m.learner(), m.placement(), Integer::sum));
    RiskThresholds thresholds = alerts.thresholdsOf(cohort.school());
    BigDecimal elapsed = RiskRules.trainingElapsedShare(calendar, on);
    for (Enrolment e : current) {
      Readiness r =
          ReadinessRule.readiness(
              cert,
              e.learner(),
              evidenceOf.getOrDefault(e.learner(), List.of()),
              milestones.getOrDefault(e.learner(), Set.of()),
              template.placementHours(),
              placement.getOrDefault(e.learner(), 0));
      CountedLearner learner = names.get(e.learner());
      if (r.ready()) {
        ready.add(learner);
      } else if (RiskRules.readinessBehind(
          RiskRules.acquiredShare(
              r.blocks().stream().flatMap(b -> b.competencies().stream()).toList()),
          elapsed,
          thresholds)) {
        behind.add(learner);
      } else {
        onTrack.add(learner);
      }
    }

    return new CohortFigures(
        cohort,
        on,
        new Figure(sorted(current.stream().map(e -> names.get(e.learner())).toList())),
        recentFigure,
        sinceStart,
        new Figure(sorted(ready)),
        new Figure(sorted(onTrack)),
        new Figure(sorted(behind)),
        new Figure(openAlerts(h, id)),
        endings(h, id, current, names, on));
  }

  /** Names of the cohort's learners (test accounts left out), by id. */
  private static Map<LearnerId, CountedLearner> names(Handle h, CohortId cohort) {
    Map<LearnerId, CountedLearner> names = new LinkedHashMap<>();
    h.createQuery(
            "select distinct l.id as learner_id, l.given_name, l.family_name"
                + " from tremplin_learner l where l.id"
                + OF_COHORT
                + NOT_TEST)
        .bind("cohort", cohort.value())
        .map((rs, ctx) -> counted(cohort, rs))
        .forEach(c -> names.put(c.learner(), c));
    return names;
  }

  /**
   * A learner's current marks of one month in the cohort: their counts, placement half-days, and
   * the bitmask of the month's days that hold a mark (bit 0: the 1st).
   */
  private record MonthRow(
      LearnerId learner, LocalDate month, Window counts, int placement, int days) {}

  /**
   * The cohort's read-side counts per learner and month (core V31, ADR 0020), read once: the
   * placement half-days (the same as {@link AttendanceSheets#placementHalfDays}) and the whole
   * months of the "since the start" window ({@link #monthly}).
   */
  private static List<MonthRow> months(Handle h, CohortId cohort) {
    return h.createQuery(
            "select learner_id, month_start, attended, justified, unjustified, late_minutes,"
                + " placement, days from tremplin_attendance_month where cohort_id = :cohort")
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) ->
                new MonthRow(
                    learner(rs),
                    rs.getObject("month_start", LocalDate.class),
                    new Window(
                        rs.getInt("attended"),
                        rs.getInt("justified"),
                        rs.getInt("unjustified"),
                        rs.getInt("late_minutes")),
                    rs.getInt("placement"),
                    rs.getInt("days")))
        .list();
  }

  private static List<CountedLearner> openAlerts(Handle h, CohortId cohort) {
    return h.createQuery(
            "select a.learner_id, l.given_name, l.family_name from tremplin_alert a"
                + " join tremplin_learner l on l.id = a.learner_id"
                + " where a.cohort_id = :cohort and a.status <> :resolved"
                + NOT_TEST
                + " order by l.family_name, l.given_name, a.learner_id, a.raised_on")
        .bind("cohort", cohort.value())
        .bind("resolved", AlertStatus.RESOLVED.name())
        .map((rs, ctx) -> counted(cohort, rs))
        .list();
  }

  /**
   * A learner's current marks counted by what they count for, in one window: attended, justified
   * and unjustified absences, late minutes.
   */
  private record Window(int attended, int justified, int unjustified, int late) {
    static final Window NONE = new Window(0, 0, 0, 0);

    Window plus(Window o) {
      return new Window(
          attended + o.attended,
          justified + o.justified,
          unjustified + o.unjustified,
          late + o.late);
    }
  }

  /** A learner's counts in the recent window (index 0) and since the start (index 1). */
  private record Counts(Window[] windows) {}

  /**
   * Per learner, the current marks on the calendar's working days inside the learner's enrolled
   * periods, counted in each window ({@link RateRule}'s counting, done by the database). The whole
   * months before the current one come from the read-side counts ({@link #monthly}) for each
   * learner whose months are exact, the whole window from the marks for the others (one more
   * statement, over those learners alone); the rest is counted from the marks: one scan of the
   * cohort's marks over both windows, each version counting +1 and each version a correction
   * superseded (the one just below it: versions are contiguous) -1, so no probe per mark for a
   * newer version; the enrolled periods join as a {@code values} table and the days off (weekends,
   * holidays, closures) are left out by list.
   */
  private static Map<LearnerId, Counts> counts(
      Handle h,
      Cohort cohort,
      CohortCalendar calendar,
      List<Enrolment> enrolments,
      DateRange recent,
      Optional<DateRange> since,
      List<MonthRow> rows) {
    if (since.isPresent()) {
      LocalDate first = since.get().first();
      LocalDate monthOfLast = since.get().last().withDayOfMonth(1);
      if (monthOfLast.isAfter(first)) {
        Monthly months =
            monthly(
                cohort, calendar, enrolments, new DateRange(first, monthOfLast.minusDays(1)), rows);
        Map<LearnerId, Counts> counts =
            marks(
                h,
                cohort,
                calendar,
                enrolments,
                recent,
                Optional.of(new DateRange(monthOfLast, since.get().last())));
        months
            .exact()
            .forEach(
                (learner, w) -> {
                  Counts c = counts.get(learner);
                  Window recentWindow = c == null ? Window.NONE : c.windows()[0];
                  Window s = c == null ? Window.NONE : c.windows()[1];
                  counts.put(learner, new Counts(new Window[] {recentWindow, s.plus(w)}));
                });
        if (!months.inexact().isEmpty()) {
          // only these learners' marks since the start: one more statement, a few learners
          months.inexact().forEach(counts::remove);
          counts.putAll(
              marks(
                  h,
                  cohort,
                  calendar,
                  enrolments.stream().filter(e -> months.inexact().contains(e.learner())).toList(),
                  recent,
                  since));
        }
        return counts;
      }
    }
    return marks(h, cohort, calendar, enrolments, recent, since);
  }

  /**
   * Whole months' counts per learner, for the learners whose months are exact; the others are
   * counted from their marks.
   */
  private record Monthly(Map<LearnerId, Window> exact, Set<LearnerId> inexact) {}

  /**
   * The learners' counts over whole months from the read-side {@code tremplin_attendance_month}
   * (core V31, ADR 0020), in {@code months} (from a cohort's first day to the end of a month):
   * exact for a learner with no mark on a day outside their planned days of those months (a day
   * off, or outside their enrolled periods: a leave recorded after the marks), which the months'
   * bitmasks of marked days tell; the other learners are listed as inexact, and the caller counts
   * their marks themselves.
   */
  private static Monthly monthly(
      Cohort cohort,
      CohortCalendar calendar,
      List<Enrolment> enrolments,
      DateRange months,
      List<MonthRow> rows) {
    Map<LearnerId, List<DateRange>> periods = new HashMap<>();
    Set<LearnerId> inexact = new java.util.HashSet<>();
    for (Enrolment e : enrolments) {
      if (periods.put(e.learner(), e.periods(cohort.range().last())) != null) {
        inexact.add(e.learner());
      }
    }
    Map<LocalDate, Integer> plannedByMonth = new HashMap<>();
    Map<LearnerId, Window> result = new HashMap<>();
    LocalDate from = months.first().withDayOfMonth(1);
    for (MonthRow row : rows) {
      List<DateRange> enrolled = periods.get(row.learner());
      LocalDate month = row.month();
      if (enrolled == null
          || inexact.contains(row.learner())
          || month.isBefore(from)
          || month.isAfter(months.last())) {
        continue; // not counted (a test account, never enrolled), counted otherwise, or outside
      }
      int planned = plannedByMonth.computeIfAbsent(month, m -> workingDays(calendar, m, months));
      int enrolledDays = 0;
      for (int d = 1; d <= month.lengthOfMonth(); d++) {
        LocalDate day = month.withDayOfMonth(d);
        for (DateRange p : enrolled) {
          if (p.contains(day)) {
            enrolledDays |= 1 << (d - 1);
            break;
          }
        }
      }
      if ((row.days() & ~(planned & enrolledDays)) != 0) {
        inexact.add(row.learner());
        result.remove(row.learner());
        continue;
      }
      result.merge(row.learner(), row.counts(), Window::plus);
    }
    return new Monthly(result, inexact);
  }

  /** The bitmask of the month's working days inside {@code within} (bit 0: the 1st). */
  private static int workingDays(CohortCalendar calendar, LocalDate month, DateRange within) {
    int mask = 0;
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      LocalDate day = month.withDayOfMonth(d);
      if (within.contains(day) && calendar.isWorkingDay(day)) {
        mask |= 1 << (d - 1);
      }
    }
    return mask;
  }

  /**
   * Per learner, the current marks on the calendar's working days inside the learner's enrolled
   * periods, counted in each window from the marks themselves (see {@link #counts}).
   */
  private static Map<LearnerId, Counts> marks(
      Handle h,
      Cohort cohort,
      CohortCalendar calendar,
      List<Enrolment> enrolments,
      DateRange recent,
      Optional<DateRange> since) {
    LocalDate from = max(cohort.range().first(), recent.first());
    LocalDate to = recent.last();
    if (since.isPresent()) {
      from = min(from, since.get().first());
      to = max(to, since.get().last());
    }
    to = min(to, cohort.range().last());
    List<Object[]> bound = new ArrayList<>();
    for (Enrolment e : enrolments) {
      for (DateRange p : e.periods(cohort.range().last())) {
        if (!p.last().isBefore(from) && !p.first().isAfter(to)) {
          bound.add(new Object[] {e.learner().value(), p.first(), p.last()});
        }
      }
    }
    Map<LearnerId, Counts> result = new HashMap<>();
    if (to.isBefore(from) || bound.isEmpty()) {
      return result;
    }
    List<LocalDate> off = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (!calendar.isWorkingDay(d)) {
        off.add(d);
      }
    }
    // Padded to a few shapes, so that the statement's text repeats from one cohort to the next
    // (Jdbi parses, and PostgreSQL plans, each new text): periods that match no mark, a day off
    // listed twice.
    while (bound.size() % PERIOD_SLOTS != 0) {
      bound.add(new Object[] {NO_LEARNER, LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1)});
    }
    if (off.isEmpty()) {
      off.add(from.minusDays(1));
    }
    while (off.size() % DAY_OFF_SLOTS != 0) {
      off.add(off.get(0));
    }
    List<String> periods = new ArrayList<>();
    for (int i = 0; i < bound.size(); i++) {
      periods.add(
          "(cast(:pl" + i + " as uuid), cast(:pf" + i + " as date), cast(:pt" + i + " as date))");
    }
    String window =
        "sum(case when m.half_day_date between :%1$sf and :%1$st then %2$s else 0 end) as %1$s_%3$s";
    StringBuilder sums = new StringBuilder();
    for (String w : List.of("r", "s")) {
      sums.append(", ").append(String.format(window, w, "m.wt * m.attended", "att"));
      sums.append(", ").append(String.format(window, w, "m.wt * m.justified", "jus"));
      sums.append(", ").append(String.format(window, w, "m.wt * m.unjustified", "unj"));
      sums.append(", ").append(String.format(window, w, "m.wt * m.late_minutes", "late"));
    }
    String marks =
        "select %1$s.learner_id, %1$s.half_day_date, %1$s.late_minutes, %2$s as wt, "
            + category("%1$s", Mark.Counts.ATTENDED)
            + " as attended, "
            + category("%1$s", Mark.Counts.JUSTIFIED_ABSENCE)
            + " as justified, "
            + category("%1$s", Mark.Counts.UNJUSTIFIED_ABSENCE)
            + " as unjustified";
    Query q =
        h.createQuery(
                "select m.learner_id"
                    + sums
                    + " from ("
                    + String.format(marks, "a", "1")
                    + " from tremplin_attendance a where a.cohort_id = :cohort"
                    + " and a.half_day_date between :from and :to"
                    + " union all "
                    + String.format(marks, "p", "-1")
                    + " from tremplin_attendance k join tremplin_attendance p"
                    + " on p.cohort_id = k.cohort_id and p.half_day_date = k.half_day_date"
                    + " and p.part = k.part and p.learner_id = k.learner_id"
                    + " and p.version = k.version - 1"
                    + " where k.cohort_id = :cohort and k.version > 1"
                    + " and k.half_day_date between :from and :to) m"
                    + " join (values "
                    + String.join(", ", periods)
                    + ") e (learner_id, first_day, last_day) on e.learner_id = m.learner_id"
                    + " and m.half_day_date between e.first_day and e.last_day"
                    + " where m.half_day_date not in (<off>)"
                    + " group by m.learner_id")
            .bind("cohort", cohort.id().value())
            .bind("from", from)
            .bind("to", to)
            .bind("rf", recent.first())
            .bind("rt", recent.last())
            .bind("sf", since.map(DateRange::first).orElse(LocalDate.MAX))
            .bind("st", since.map(DateRange::last).orElse(LocalDate.MIN));
    for (int i = 0; i < bound.size(); i++) {
      q.bind("pl" + i, bound.get(i)[0])
          .bind("pf" + i, bound.get(i)[1])
          .bind("pt" + i, bound.get(i)[2]);
    }
    q.bindList("off", off);
    q.map(
            (rs, ctx) -> {
              Window[] w = new Window[2];
              int i = 0;
              for (String name : List.of("r", "s")) {
                w[i++] =
                    new Window(
                        rs.getInt(name + "_att"),
                        rs.getInt(name + "_jus"),
                        rs.getInt(name + "_unj"),
                        rs.getInt(name + "_late"));
              }
              return Map.entry(learner(rs), new Counts(w));
            })
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** 1 when the mark of the row {@code alias} counts as {@code counts}, else 0 (SQL). */
  private static String category(String alias, Mark.Counts counts) {
    String names =
        Arrays.stream(Mark.values())
            .filter(m -> m.counts() == counts)
            .map(m -> "'" + m.name() + "'")
            .collect(Collectors.joining(", "));
    return "case when " + alias + ".mark in (" + names + ") then 1 else 0 end";
  }

  private static AttendanceFigure attendance(
      CohortCalendar calendar,
      DateRange period,
      List<Enrolment> enrolments,
      Map<LearnerId, Counts> counts,
      int window,
      Map<LearnerId, CountedLearner> names,
      LocalDate cohortLast) {
    AttendanceRates total = AttendanceRates.empty(period);
    List<LearnerRates> lines = new ArrayList<>();
    NavigableSet<LocalDate> days = calendar.workingDaysIn(period);
    for (Enrolment e : enrolments) {
      List<DateRange> periods = e.periods(cohortLast);
      int plannedDays = 0;
      for (LocalDate day : days) {
        for (DateRange p : periods) {
          if (p.contains(day)) {
            plannedDays++;
            break;
          }
        }
      }
      if (plannedDays == 0) {
        continue;
      }
      Counts c = counts.get(e.learner());
      Window w = c == null ? Window.NONE : c.windows()[window];
      AttendanceRates rates =
          new AttendanceRates(
              period, 2 * plannedDays, w.attended(), w.justified(), w.unjustified(), w.late());
      total = total.plus(rates);
      lines.add(new LearnerRates(names.get(e.learner()), rates));
    }
    lines.sort(Comparator.comparing(LearnerRates::learner, BY_NAME));
    return new AttendanceFigure(total, lines);
  }

  /**
   * The contracts, renewals, suspensions, PASS IAE and prolongations of a cohort's learners, in one
   * statement: one row per stored row, its table told by {@code k}, in each learner's order.
   */
  private static final String INSERTION_ROWS =
      "with c as (select distinct learner_id from tremplin_enrolment_event where cohort_id = :cohort)"
          + " select 'C' as k, x.learner_id, 0 as seq, x.structure_kind as s1,"
          + " x.extension_reason as s2, x.starts_on as d1, x.initial_end as d2, x.weekly_hours as n"
          + " from tremplin_insertion_contract x join c on c.learner_id = x.learner_id"
          + " union all select 'R', x.learner_id, x.seq, cast(null as varchar(8)),"
          + " cast(null as varchar(500)), x.signed_on, x.new_end, x.weekly_hours"
          + " from tremplin_contract_renewal x join c on c.learner_id = x.learner_id"
          + " union all select 'S', x.learner_id, x.seq, x.subject, x.reason, x.first_day,"
          + " x.last_day, cast(null as integer)"
          + " from tremplin_suspension x join c on c.learner_id = x.learner_id"
          + " union all select 'I', x.learner_id, 0, x.pass_number, cast(null as varchar(500)),"
          + " x.starts_on, cast(null as date), cast(null as integer)"
          + " from tremplin_pass_iae x join c on c.learner_id = x.learner_id"
          + " union all select 'P', x.learner_id, x.seq, cast(null as varchar(8)), x.reason,"
          + " cast(null as date), cast(null as date), x.days_added"
          + " from tremplin_pass_prolongation x join c on c.learner_id = x.learner_id"
          + " order by 2, 1, 3";

  /** One learner's contract and PASS rows, gathered from {@link #INSERTION_ROWS}. */
  private static final class InsertionRows {
    @Nullable String contractStructure;
    @Nullable String contractReason;
    @Nullable LocalDate contractStart;
    @Nullable LocalDate contractEnd;
    int weeklyHours;
    @Nullable String passNumber;
    @Nullable LocalDate passStart;
    final List<ContractAmendment> renewals = new ArrayList<>();
    final List<Suspension> contractSuspensions = new ArrayList<>();
    final List<Suspension> passSuspensions = new ArrayList<>();
    final List<PassProlongation> prolongations = new ArrayList<>();
  }

  /** Contracts and PASS IAE of the enrolled learners ending within 45 days, soonest first. */
  private List<Ending> endings(
      Handle h,
      CohortId cohort,
      List<Enrolment> current,
      Map<LearnerId, CountedLearner> names,
      LocalDate on) {
    Set<LearnerId> enrolled = new java.util.HashSet<>();
    current.forEach(e -> enrolled.add(e.learner()));
    LocalDate horizon = on.plusDays(CohortFigures.ENDING_WITHIN_DAYS);
    Map<LearnerId, InsertionRows> byLearner = new LinkedHashMap<>();
    h.createQuery(INSERTION_ROWS)
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) -> {
              LearnerId l = learner(rs);
              if (!enrolled.contains(l)) {
                return l;
              }
              InsertionRows r = byLearner.computeIfAbsent(l, k -> new InsertionRows());
              LocalDate d1 = rs.getObject("d1", LocalDate.class);
              LocalDate d2 = rs.getObject("d2", LocalDate.class);
              switch (rs.getString("k")) {
                case "C" -> {
                  r.contractStructure = rs.getString("s1");
                  r.contractReason = rs.getString("s2");
                  r.contractStart = d1;
                  r.contractEnd = d2;
                  r.weeklyHours = rs.getInt("n");
                }
                case "R" -> r.renewals.add(new ContractAmendment(d1, d2, rs.getInt("n")));
                case "S" -> {
                  Suspension s = new Suspension(new DateRange(d1, d2), rs.getString("s2"));
                  ("CONTRACT".equals(rs.getString("s1")) // SuspensionRows.Subject
                          ? r.contractSuspensions
                          : r.passSuspensions)
                      .add(s);
                }
                case "I" -> {
                  r.passNumber = rs.getString("s1");
                  r.passStart = d1;
                }
                default ->
                    r.prolongations.add(new PassProlongation(rs.getInt("n"), rs.getString("s2")));
              }
              return l;
            })
        .forEach(l -> {});

    List<Ending> endings = new ArrayList<>();
    byLearner.forEach(
        (l, r) -> {
          if (r.contractStructure != null
              && r.contractReason != null
              && r.contractStart != null
              && r.contractEnd != null) {
            LocalDate end =
                contracts
                    .assess(
                        new InsertionContract(
                            StructureKind.valueOf(r.contractStructure),
                            r.contractStart,
                            r.contractEnd,
                            r.weeklyHours,
                            r.renewals,
                            r.contractSuspensions,
                            r.contractReason),
                        on)
                    .end();
            if (!end.isBefore(on) && !end.isAfter(horizon)) {
              endings.add(new Ending(names.get(l), EndingKind.CONTRACT, end));
            }
          }
          if (r.passNumber != null && r.passStart != null) {
            LocalDate end =
                contracts
                    .status(
                        new PassIae(r.passNumber, r.passStart, r.passSuspensions, r.prolongations),
                        on)
                    .end();
            if (!end.isBefore(on) && !end.isAfter(horizon)) {
              endings.add(new Ending(names.get(l), EndingKind.PASS_IAE, end));
            }
          }
        });
    endings.sort(
        Comparator.comparing(Ending::end)
            .thenComparing(Ending::learner, BY_NAME)
            .thenComparing(Ending::kind));
    return endings;
  }

  private static final Comparator<CountedLearner> BY_NAME =
      Comparator.comparing(CountedLearner::displayName, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(c -> c.learner().value());

  private static List<CountedLearner> sorted(List<CountedLearner> list) {
    return list.stream().sorted(BY_NAME).toList();
  }

  private static LearnerId learner(ResultSet rs) throws SQLException {
    return new LearnerId(rs.getObject("learner_id", UUID.class));
  }

  private static CountedLearner counted(CohortId cohort, ResultSet rs) throws SQLException {
    return new CountedLearner(
        cohort, learner(rs), rs.getString("given_name") + " " + rs.getString("family_name"));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
