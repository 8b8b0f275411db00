package org.tremplin.core.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
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
 * enrolments and the learners' names, the current attendance marks since the first day, the
 * evidence, milestones and placement half-days (readiness), the unresolved alerts, and the
 * contracts and PASS IAE of the cohort's learners with their renewals, suspensions and
 * prolongations. The rules are the engine's ({@link RateRule}, {@link ReadinessRule}, {@link
 * RiskRules}, {@link ContractRules}). No access check: the caller checks. Thread-safe.
 */
public final class CohortFiguresQuery {
  private static final String NOT_TEST =
      " and not exists (select 1 from tremplin_test_account t where t.learner_id = l.id)";

  /** The learners of the cohort (any enrolment event), for the per-learner tables' subqueries. */
  private static final String OF_COHORT =
      " in (select e.learner_id from tremplin_enrolment_event e where e.cohort_id = :cohort)";

  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AttendanceSheets sheets;
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
   * @param sheets the attendance sheets
   * @param evidence the evidence and milestones
   * @param templates the programme templates
   * @param catalog the certifications
   * @param alerts the school's thresholds
   * @param contracts the contract and PASS rules
   */
  public CohortFiguresQuery(
      CohortRegistry cohorts,
      LearnerRegistry learners,
      AttendanceSheets sheets,
      EvidenceRecords evidence,
      ProgrammeTemplateService templates,
      CertificationCatalog catalog,
      AlertDesk alerts,
      ContractRules contracts) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.sheets = sheets;
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
    List<AttendanceRecord> marks =
        before.isBefore(first) && recent.last().isBefore(first)
            ? List.of()
            : sheets.current(
                id, new DateRange(min(first, recent.first()), max(before, recent.last())));
    AttendanceFigure recentFigure = attendance(calendar, recent, enrolments, marks, names, last);
    AttendanceFigure sinceStart =
        before.isBefore(first)
            ? new AttendanceFigure(AttendanceRates.empty(DateRange.of(first)), List.of())
            : attendance(calendar, new DateRange(first, before), enrolments, marks, names, last);

    List<CountedLearner> ready = new ArrayList<>();
    List<CountedLearner> onTrack = new ArrayList<>();
    List<CountedLearner> behind = new ArrayList<>();
    ProgrammeTemplate template = templates.get(cohort.template());
    CertificationVersion cert = catalog.version(template.certification());
    Map<LearnerId, List<Evidence>> byLearner = evidence.byCohort(id);
    Map<LearnerId, Set<EvidenceRecords.Milestone>> milestones = evidence.milestonesByLearner(id);
    Map<LearnerId, Integer> placement = sheets.placementHalfDays(id);
    RiskThresholds thresholds = alerts.thresholdsOf(cohort.school());
    BigDecimal elapsed = RiskRules.trainingElapsedShare(calendar, on);
    for (Enrolment e : current) {
      Readiness r =
          ReadinessRule.readiness(
              cert,
              e.learner(),
              byLearner.getOrDefault(e.learner(), List.of()),
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

  private static AttendanceFigure attendance(
      CohortCalendar calendar,
      DateRange period,
      List<Enrolment> enrolments,
      List<AttendanceRecord> marks,
      Map<LearnerId, CountedLearner> names,
      LocalDate cohortLast) {
    Map<LearnerId, List<AttendanceRecord>> byLearner = new HashMap<>();
    for (AttendanceRecord r : marks) {
      if (period.contains(r.halfDay().date())) {
        byLearner.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
      }
    }
    AttendanceRates total = AttendanceRates.empty(period);
    List<LearnerRates> lines = new ArrayList<>();
    for (Enrolment e : enrolments) {
      AttendanceRates rates =
          RateRule.rates(
              calendar,
              period,
              e.periods(cohortLast),
              byLearner.getOrDefault(e.learner(), List.of()));
      if (rates.planned() == 0) {
        continue;
      }
      total = total.plus(rates);
      lines.add(new LearnerRates(names.get(e.learner()), rates));
    }
    lines.sort(Comparator.comparing(LearnerRates::learner, BY_NAME));
    return new AttendanceFigure(total, lines);
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
    Map<LearnerId, List<Suspension>> contractSuspensions = suspensions(h, cohort, "CONTRACT");
    Map<LearnerId, List<Suspension>> passSuspensions = suspensions(h, cohort, "PASS");
    Map<LearnerId, List<ContractAmendment>> renewals = new HashMap<>();
    h.createQuery(
            "select learner_id, signed_on, new_end, weekly_hours from tremplin_contract_renewal"
                + " where learner_id"
                + OF_COHORT
                + " order by learner_id, seq")
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) ->
                Map.entry(
                    learner(rs),
                    new ContractAmendment(
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getObject("new_end", LocalDate.class),
                        rs.getInt("weekly_hours"))))
        .forEach(
            e -> renewals.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<LearnerId, List<PassProlongation>> prolongations = new HashMap<>();
    h.createQuery(
            "select learner_id, days_added, reason from tremplin_pass_prolongation"
                + " where learner_id"
                + OF_COHORT
                + " order by learner_id, seq")
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) ->
                Map.entry(
                    learner(rs),
                    new PassProlongation(rs.getInt("days_added"), rs.getString("reason"))))
        .forEach(
            e ->
                prolongations
                    .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue()));

    List<Ending> endings = new ArrayList<>();
    h.createQuery(
            "select learner_id, structure_kind, starts_on, initial_end, weekly_hours,"
                + " extension_reason from tremplin_insertion_contract where learner_id"
                + OF_COHORT)
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) -> {
              LearnerId l = learner(rs);
              return Map.entry(
                  l,
                  new InsertionContract(
                      StructureKind.valueOf(rs.getString("structure_kind")),
                      rs.getObject("starts_on", LocalDate.class),
                      rs.getObject("initial_end", LocalDate.class),
                      rs.getInt("weekly_hours"),
                      renewals.getOrDefault(l, List.of()),
                      contractSuspensions.getOrDefault(l, List.of()),
                      rs.getString("extension_reason")));
            })
        .forEach(
            e -> {
              if (enrolled.contains(e.getKey())) {
                LocalDate end = contracts.assess(e.getValue(), on).end();
                if (!end.isBefore(on) && !end.isAfter(horizon)) {
                  endings.add(new Ending(names.get(e.getKey()), EndingKind.CONTRACT, end));
                }
              }
            });
    h.createQuery(
            "select learner_id, pass_number, starts_on from tremplin_pass_iae where learner_id"
                + OF_COHORT)
        .bind("cohort", cohort.value())
        .map(
            (rs, ctx) -> {
              LearnerId l = learner(rs);
              return Map.entry(
                  l,
                  new PassIae(
                      rs.getString("pass_number"),
                      rs.getObject("starts_on", LocalDate.class),
                      passSuspensions.getOrDefault(l, List.of()),
                      prolongations.getOrDefault(l, List.of())));
            })
        .forEach(
            e -> {
              if (enrolled.contains(e.getKey())) {
                LocalDate end = contracts.status(e.getValue(), on).end();
                if (!end.isBefore(on) && !end.isAfter(horizon)) {
                  endings.add(new Ending(names.get(e.getKey()), EndingKind.PASS_IAE, end));
                }
              }
            });
    endings.sort(
        Comparator.comparing(Ending::end)
            .thenComparing(Ending::learner, BY_NAME)
            .thenComparing(Ending::kind));
    return endings;
  }

  private static Map<LearnerId, List<Suspension>> suspensions(
      Handle h, CohortId cohort, String subject) {
    Map<LearnerId, List<Suspension>> all = new HashMap<>();
    h.createQuery(
            "select learner_id, first_day, last_day, reason from tremplin_suspension"
                + " where subject = :subject and learner_id"
                + OF_COHORT
                + " order by learner_id, seq")
        .bind("cohort", cohort.value())
        .bind("subject", subject)
        .map(
            (rs, ctx) ->
                Map.entry(
                    learner(rs),
                    new Suspension(
                        new DateRange(
                            rs.getObject("first_day", LocalDate.class),
                            rs.getObject("last_day", LocalDate.class)),
                        rs.getString("reason"))))
        .forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return all;
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
