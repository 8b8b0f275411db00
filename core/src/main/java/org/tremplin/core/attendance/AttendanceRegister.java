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
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.AttendanceService;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.learner.LearnerService;
import org.tremplin.core.attendance.AttendanceSheets.Line;
import org.tremplin.core.internal.Database;

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
  private final CohortService cohorts;
  private final LearnerService learners;
  private final Clock clock;

  /** A register on its store and the services it checks against. */
  public AttendanceRegister(
      Database database,
      AttendanceSheets sheets,
      CohortService cohorts,
      LearnerService learners,
      Clock clock) {
    this.database = database;
    this.sheets = sheets;
    this.cohorts = cohorts;
    this.learners = learners;
    this.clock = clock;
  }

  @Override
  public AttendanceRecord record(CohortId cohort, AttendanceEntry entry, String by) {
    return recordAll(cohort, List.of(TremplinException.required(entry, "entry")), by).get(0);
  }

  @Override
  public List<AttendanceRecord> recordAll(
      CohortId cohortId, List<AttendanceEntry> entries, String by) {
    TremplinException.required(entries, "entries");
    TremplinException.requiredText(by, "recordedBy");
    TremplinException.check(!entries.isEmpty(), "no attendance entry to record");
    TremplinException.check(
        entries.size() <= MAX_BATCH,
        "a batch holds at most " + MAX_BATCH + " entries, got " + entries.size());
    Cohort cohort = cohorts.get(cohortId);
    CohortCalendar calendar = cohorts.calendar(cohortId);
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
      return database.inTransaction(
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
            return List.copyOf(records);
          });
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
      CohortId cohortId, AttendanceEntry entry, String by, String reason) {
    TremplinException.required(entry, "entry");
    TremplinException.requiredText(by, "recordedBy");
    TremplinException.requiredText(reason, "reason for the correction");
    TremplinException.check(reason.length() <= 500, "reason is longer than 500 characters");
    cohorts.get(cohortId);
    Line line = new Line(entry.learner(), entry.halfDay());
    try {
      return database.inTransaction(
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
            return next;
          });
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
  public List<AttendanceRecord> sheet(CohortId cohort, LocalDate day) {
    TremplinException.required(day, "day");
    cohorts.get(cohort);
    return database.read(h -> sheets.current(cohort, DateRange.of(day)));
  }

  @Override
  public List<AttendanceRecord> current(CohortId cohort, DateRange period) {
    TremplinException.required(period, "period");
    cohorts.get(cohort);
    return database.read(h -> sheets.current(cohort, period));
  }

  @Override
  public List<AttendanceRecord> history(CohortId cohort, LearnerId learner, HalfDay halfDay) {
    cohorts.get(cohort);
    Line line =
        new Line(
            TremplinException.required(learner, "learner"),
            TremplinException.required(halfDay, "half-day"));
    return database.read(h -> sheets.versions(cohort, line));
  }

  @Override
  public AttendanceRates learnerRates(CohortId cohortId, LearnerId learner, DateRange period) {
    TremplinException.required(period, "period");
    Cohort cohort = cohorts.get(cohortId);
    CohortCalendar calendar = cohorts.calendar(cohortId);
    return database.read(
        h ->
            RateRule.rates(
                calendar,
                period,
                learners.enrolment(cohortId, learner).periods(cohort.range().last()),
                sheets.current(cohortId, learner, period)));
  }

  @Override
  public AttendanceRates cohortRates(CohortId cohortId, DateRange period) {
    TremplinException.required(period, "period");
    Cohort cohort = cohorts.get(cohortId);
    CohortCalendar calendar = cohorts.calendar(cohortId);
    record Snapshot(List<AttendanceRecord> records, List<Enrolment> enrolments) {}
    Snapshot snapshot =
        database.read(
            h -> new Snapshot(sheets.current(cohortId, period), learners.enrolments(cohortId)));
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
    for (Enrolment e : learners.enrolments(cohort.id())) {
      periods.put(e.learner(), e.periods(cohort.range().last()));
    }
    return periods;
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
