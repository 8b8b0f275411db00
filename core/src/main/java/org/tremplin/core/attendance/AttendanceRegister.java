package org.tremplin.core.attendance;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.AttendanceService;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.event.AttendanceRecorded;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.core.attendance.AttendanceSheets.Line;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;

/**
 * The attendance sheet service. Every entry is checked against the cohort calendar, the clock and
 * the learner's enrolment before anything is written; a batch is written in one transaction.
 * Thread-safe.
 */
public final class AttendanceRegister implements AttendanceService {
  /** Largest batch accepted in one call (a cohort of 24 over 10 months is about 10,000). */
  public static final int MAX_BATCH = 20_000;

  private final Database database;
  private final AttendanceSheets sheets;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final EventOutbox events;
  private final Clock clock;

  /**
   * A register on its store and the services it checks against.
   *
   * @param database the database (unit of work)
   * @param sheets the sheets
   * @param cohorts the cohorts
   * @param learners the learners
   * @param access the access rules every call is checked against
   * @param events the event outbox
   * @param clock the clock read for "now"
   */
  public AttendanceRegister(
      Database database,
      AttendanceSheets sheets,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      AccessRules access,
      EventOutbox events,
      Clock clock) {
    this.events = events;
    this.database = database;
    this.sheets = sheets;
    this.cohorts = cohorts;
    this.learners = learners;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public AttendanceRecord record(Actor actor, CohortId cohort, AttendanceEntry entry) {
    return recordAll(actor, cohort, List.of(TremplinException.required(entry, "entry"))).get(0);
  }

  @Override
  public List<AttendanceRecord> recordAll(
      Actor actor, CohortId cohortId, List<AttendanceEntry> entries) {
    TremplinException.required(entries, "entries");
    TremplinException.check(!entries.isEmpty(), "no attendance entry to record");
    TremplinException.check(
        entries.size() <= MAX_BATCH,
        "a batch holds at most " + MAX_BATCH + " entries, got " + entries.size());
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.ATTENDANCE_WRITE, CohortRegistry.target(cohort));
    String by = actor.id();
    CohortCalendar calendar = cohorts.calendarOf(cohortId);
    LocalDate today = LocalDate.now(clock);
    Set<Line> seen = new HashSet<>();
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;
    for (AttendanceEntry e : entries) {
      TremplinException.required(e, "entry");
      LocalDate day = e.halfDay().date();
      checkDay(calendar, cohort, day, today);
      if (!seen.add(new Line(e.learner(), e.halfDay()))) {
        throw new TremplinException(
            ErrorCode.ATTENDANCE_DUPLICATE_IN_BATCH,
            "learner " + e.learner() + " appears twice for " + e.halfDay() + " in the batch");
      }
      first = day.isBefore(first) ? day : first;
      last = day.isAfter(last) ? day : last;
    }
    DateRange span = new DateRange(first, last);
    Instant now = clock.instant();
    List<AttendanceRecord> records = new ArrayList<>(entries.size());
    for (AttendanceEntry e : entries) {
      records.add(
          new AttendanceRecord(cohortId, e.learner(), e.halfDay(), 1, e.mark(), by, now, ""));
    }
    try {
      List<AttendanceRecord> written =
          database.inTransaction(
              h -> {
                // One connection: enrolment, existing lines and the batch in the same transaction.
                Map<LearnerId, List<DateRange>> enrolled = enrolledPeriods(cohort);
                for (AttendanceEntry e : entries) {
                  checkEnrolled(enrolled, e.learner(), e.halfDay().date());
                }
                Set<Line> existing = sheets.recordedLines(cohortId, span);
                for (AttendanceEntry e : entries) {
                  if (existing.contains(new Line(e.learner(), e.halfDay()))) {
                    throw alreadyRecorded(e.learner(), e.halfDay());
                  }
                }
                sheets.append(records);
                publish(cohortId, records);
                return List.copyOf(records);
              });
      return written;
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.ATTENDANCE_ALREADY_RECORDED,
            "some of these half-days were recorded meanwhile; nothing was written",
            e);
      }
      throw e;
    }
  }

  @Override
  public AttendanceRecord correct(
      Actor actor, CohortId cohortId, AttendanceEntry entry, String reason) {
    TremplinException.required(entry, "entry");
    TremplinException.requiredText(reason, "reason for the correction");
    TremplinException.check(reason.length() <= 500, "reason is longer than 500 characters");
    access.check(
        actor, Operation.ATTENDANCE_WRITE, CohortRegistry.target(cohorts.cohort(cohortId)));
    String by = actor.id();
    Line line = new Line(entry.learner(), entry.halfDay());
    try {
      AttendanceRecord corrected =
          database.inTransaction(
              h -> {
                List<AttendanceRecord> versions = sheets.versions(cohortId, line);
                if (versions.isEmpty()) {
                  throw new TremplinException(
                      ErrorCode.ATTENDANCE_NOT_RECORDED,
                      "learner "
                          + entry.learner()
                          + " has no record for "
                          + entry.halfDay()
                          + "; record it before correcting it");
                }
                AttendanceRecord latest = versions.get(versions.size() - 1);
                TremplinException.check(
                    !latest.mark().equals(entry.mark()),
                    "the correction does not change the mark of " + entry.halfDay());
                AttendanceRecord next =
                    new AttendanceRecord(
                        cohortId,
                        entry.learner(),
                        entry.halfDay(),
                        latest.version() + 1,
                        entry.mark(),
                        by,
                        clock.instant(),
                        reason.strip());
                sheets.append(List.of(next));
                publish(cohortId, List.of(next));
                return next;
              });
      return corrected;
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.ATTENDANCE_ALREADY_RECORDED,
            entry.halfDay() + " was corrected meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  @Override
  public List<AttendanceRecord> sheet(Actor actor, CohortId cohort, LocalDate day) {
    TremplinException.required(day, "day");
    checkCohortRead(actor, cohort);
    return database.read(h -> sheets.current(cohort, DateRange.of(day)));
  }

  @Override
  public List<AttendanceRecord> current(Actor actor, CohortId cohort, DateRange period) {
    TremplinException.required(period, "period");
    checkCohortRead(actor, cohort);
    return database.read(h -> sheets.current(cohort, period));
  }

  @Override
  public List<AttendanceRecord> history(
      Actor actor, CohortId cohort, LearnerId learner, HalfDay halfDay) {
    checkLearnerRead(actor, cohort, learner);
    Line line =
        new Line(
            TremplinException.required(learner, "learner"),
            TremplinException.required(halfDay, "half-day"));
    return database.read(h -> sheets.versions(cohort, line));
  }

  @Override
  public AttendanceRates learnerRates(
      Actor actor, CohortId cohortId, LearnerId learner, DateRange period) {
    TremplinException.required(period, "period");
    Cohort cohort = checkLearnerRead(actor, cohortId, learner);
    CohortCalendar calendar = cohorts.calendarOf(cohortId);
    return database.read(
        h ->
            RateRule.rates(
                calendar,
                period,
                learners.enrolmentOf(cohortId, learner).periods(cohort.range().last()),
                sheets.current(cohortId, learner, period)));
  }

  @Override
  public AttendanceRates cohortRates(Actor actor, CohortId cohortId, DateRange period) {
    TremplinException.required(period, "period");
    Cohort cohort = checkCohortRead(actor, cohortId);
    CohortCalendar calendar = cohorts.calendarOf(cohortId);
    record Snapshot(List<AttendanceRecord> records, List<Enrolment> enrolments) {}
    Snapshot snapshot =
        database.read(
            h -> new Snapshot(sheets.current(cohortId, period), learners.enrolmentsOf(cohortId)));
    Map<LearnerId, List<AttendanceRecord>> byLearner = new HashMap<>();
    snapshot
        .records()
        .forEach(r -> byLearner.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r));
    AttendanceRates total = AttendanceRates.empty(period);
    for (Enrolment e : snapshot.enrolments()) {
      total =
          total.plus(
              RateRule.rates(
                  calendar,
                  period,
                  e.periods(cohort.range().last()),
                  byLearner.getOrDefault(e.learner(), List.of())));
    }
    return total;
  }

  private Map<LearnerId, List<DateRange>> enrolledPeriods(Cohort cohort) {
    Map<LearnerId, List<DateRange>> periods = new HashMap<>();
    for (Enrolment e : learners.enrolmentsOf(cohort.id())) {
      periods.put(e.learner(), e.periods(cohort.range().last()));
    }
    return periods;
  }

  /** Stores the event in the caller's transaction. */
  private void publish(CohortId cohort, List<AttendanceRecord> written) {
    Set<LearnerId> touched = new HashSet<>();
    written.forEach(r -> touched.add(r.learner()));
    events.append(new AttendanceRecorded(cohort, touched));
  }

  private Cohort checkCohortRead(Actor actor, CohortId cohortId) {
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.ATTENDANCE_READ, CohortRegistry.target(cohort));
    return cohort;
  }

  private Cohort checkLearnerRead(Actor actor, CohortId cohortId, LearnerId learner) {
    TremplinException.required(learner, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.ATTENDANCE_READ, CohortRegistry.target(cohort, learner));
    return cohort;
  }

  private static void checkDay(
      CohortCalendar calendar, Cohort cohort, LocalDate day, LocalDate today) {
    if (!calendar.isWorkingDay(day)) {
      throw new TremplinException(
          ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR,
          day
              + " is not a working day of cohort "
              + cohort.id()
              + ": "
              + whyNotWorking(calendar, day));
    }
    if (day.isAfter(today)) {
      throw new TremplinException(
          ErrorCode.ATTENDANCE_IN_FUTURE, day + " is in the future (today is " + today + ")");
    }
  }

  private static String whyNotWorking(CohortCalendar calendar, LocalDate day) {
    if (!calendar.range().contains(day)) {
      return "outside the cohort dates " + calendar.range();
    }
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return "it is a " + day.getDayOfWeek();
    }
    for (PublicHoliday h : calendar.publicHolidays()) {
      if (h.date().equals(day)) {
        return "public holiday " + h.code();
      }
    }
    return "the school is closed";
  }

  private static void checkEnrolled(
      Map<LearnerId, List<DateRange>> enrolled, LearnerId learner, LocalDate day) {
    List<DateRange> periods = enrolled.get(learner);
    if (periods == null || periods.stream().noneMatch(p -> p.contains(day))) {
      throw new TremplinException(
          ErrorCode.LEARNER_NOT_ENROLLED,
          "learner " + learner + " is not enrolled in the cohort on " + day);
    }
  }

  private static TremplinException alreadyRecorded(LearnerId learner, HalfDay halfDay) {
    return new TremplinException(
        ErrorCode.ATTENDANCE_ALREADY_RECORDED,
        "learner " + learner + " already has a mark for " + halfDay + "; use a correction");
  }
}
