package org.tremplin.core.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.event.AttendanceRecorded;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportProblem.Reason;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.core.attendance.AttendanceSheets;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;

/**
 * An attendance file, long (one row per half-day) or the weekly grid (one column per half-day):
 * every mark is checked against the learner's enrolment and cohort calendar, compared with the
 * sheet, and the new and changed ones are written in one transaction. Thread-safe.
 */
final class AttendanceImport {
  /** The reason stored on a version an import appends to correct a recorded half-day. */
  static final String CORRECTION_REASON = "import";

  /**
   * The values of one file read once each: a year of attendance repeats a few hundred dates, two
   * parts and a dozen marks half a million times. Not thread-safe (one per file).
   */
  private static final class Memo {
    private final Map<String, Optional<LocalDate>> dates = new HashMap<>();
    private final Map<String, Optional<HalfDayPart>> parts = new HashMap<>();
    private final Map<String, Optional<Mark>> marks = new HashMap<>();
    private final Map<String, Optional<Integer>> lates = new HashMap<>();

    Optional<LocalDate> date(String text) {
      return dates.computeIfAbsent(text, Values::date);
    }

    Optional<HalfDayPart> part(String text) {
      return parts.computeIfAbsent(text, Values::part);
    }

    Optional<Mark> mark(String text) {
      return marks.computeIfAbsent(text, Values::mark);
    }

    Optional<Integer> lateMinutesIn(String text) {
      return lates.computeIfAbsent(text, Values::lateMinutesIn);
    }
  }

  /** A grid header: an optional weekday word, a date, a part ("lun. 07/09/2026 matin"). */
  private static final Pattern GRID_HEADER =
      Pattern.compile("(?:\\p{L}+\\.?\\s+)?(\\S+)\\s+(\\S+(?:[\\s-]midi)?)");

  private final Database database;
  private final LearnerReferences references;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final EventOutbox events;
  private final Clock clock;

  AttendanceImport(
      Database database,
      LearnerReferences references,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      AccessRules access,
      EventOutbox events,
      Clock clock) {
    this.database = database;
    this.references = references;
    this.cohorts = cohorts;
    this.learners = learners;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  /** One mark read from the file. */
  private record Read(
      int line,
      String column,
      String dayColumn,
      String referenceColumn,
      String reference,
      HalfDay halfDay,
      AttendanceMark mark) {}

  /** Where a learner is enrolled: each cohort with its enrolled periods. */
  private record Place(Cohort cohort, CohortCalendar calendar, List<DateRange> periods) {}

  ImportReport run(Actor actor, SchoolId school, CsvFile file, boolean dryRun) {
    List<ImportProblem> problems = new ArrayList<>(file.problems());
    if (file.unreadable()) {
      return new ImportReport(ImportReport.Kind.ATTENDANCE, dryRun, 0, 0, 0, 0, problems);
    }
    boolean grid = file.column("date", "jour").isEmpty();
    ImportReport.Kind kind =
        grid ? ImportReport.Kind.ATTENDANCE_GRID : ImportReport.Kind.ATTENDANCE;
    List<Read> reads = grid ? readGrid(file, problems) : readLong(file, problems);
    if (reads == null) {
      return report(kind, dryRun, file, 0, 0, 0, problems);
    }
    Map<String, Learner> learners = learners(references.ofSchool(school), places(school));
    Map<CohortId, LocalDate[]> spans = spans(reads, learners);
    LocalDate first = LocalDate.MAX;
    for (LocalDate[] span : spans.values()) {
      first = span[0].isBefore(first) ? span[0] : first;
    }
    LocalDate firstDay = first;
    boolean write = problems.isEmpty() && !dryRun;
    String by = actor.id();
    Instant now = clock.instant();
    Counted counted =
        database.inTransaction(
            h -> {
              Map<CohortId, Map<AttendanceSheets.Line, AttendanceRecord>> current = current(spans);
              if (!write) {
                return check(actor, now, firstDay, reads, learners, current, problems, null);
              }
              try (MarkStream stream = new MarkStream(h, MarkWriter.Strategy.of(h), by, now)) {
                Counted c = check(actor, now, firstDay, reads, learners, current, problems, stream);
                stream.finish();
                if (problems.isEmpty()) {
                  c.written()
                      .forEach((cohort, l) -> events.append(new AttendanceRecorded(cohort, l)));
                }
                return c;
              }
            });
    return report(
        kind, dryRun, file, counted.created(), counted.updated(), counted.unchanged(), problems);
  }

  /**
   * Checks every mark against the learner's enrolment and cohort calendar and compares it with the
   * sheet; hands each new or changed version to the stream (when writing) until the first bad row,
   * which abandons it.
   */
  private Counted check(
      Actor actor,
      Instant now,
      LocalDate firstDay,
      List<Read> reads,
      Map<String, Learner> learners,
      Map<CohortId, Map<AttendanceSheets.Line, AttendanceRecord>> current,
      List<ImportProblem> problems,
      @Nullable MarkStream stream) {
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    String by = actor.id();
    Set<CohortId> allowed = new HashSet<>();
    Map<CohortId, Set<LearnerId>> written = new LinkedHashMap<>();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Read r : reads) {
      Learner learner = learners.get(r.reference());
      LocalDate day = r.halfDay().date();
      Place place = learner == null ? null : placeOn(learner.places(), day);
      AttendanceSheets.Line line =
          learner == null ? null : new AttendanceSheets.Line(learner.id(), r.halfDay());
      ImportProblem problem;
      if (learner == null || line == null) {
        problem =
            new ImportProblem(r.line(), r.referenceColumn(), Reason.UNKNOWN_LEARNER, r.reference());
      } else if (place == null) {
        problem = new ImportProblem(r.line(), r.dayColumn(), Reason.NOT_ENROLLED, day.toString());
      } else if (!place.calendar().isWorkingDay(day)) {
        problem =
            new ImportProblem(r.line(), r.dayColumn(), Reason.NOT_WORKING_DAY, day.toString());
      } else if (day.isAfter(today)) {
        problem = new ImportProblem(r.line(), r.dayColumn(), Reason.IN_FUTURE, day.toString());
      } else if (!learner.firstTime(r.halfDay(), firstDay)) {
        problem = problem(r, Reason.DUPLICATE_ROW, r.reference() + " " + r.halfDay());
      } else {
        problem = null;
      }
      if (problem != null || line == null || place == null) {
        if (problem != null) {
          problems.add(problem);
        }
        if (stream != null) {
          stream.abandon();
        }
        continue;
      }
      Cohort cohort = place.cohort();
      if (allowed.add(cohort.id())) {
        access.check(actor, Operation.ATTENDANCE_WRITE, CohortRegistry.target(cohort));
      }
      AttendanceRecord stored = current.getOrDefault(cohort.id(), Map.of()).get(line);
      AttendanceRecord version;
      if (stored == null) {
        created++;
        version = version(cohort.id(), line, r.mark(), 1, "", by, now);
      } else if (stored.mark().equals(r.mark())) {
        unchanged++;
        continue;
      } else {
        updated++;
        version =
            version(cohort.id(), line, r.mark(), stored.version() + 1, CORRECTION_REASON, by, now);
      }
      if (stream != null) {
        stream.add(version);
        written.computeIfAbsent(cohort.id(), k -> new HashSet<>()).add(line.learner());
      }
    }
    return new Counted(created, updated, unchanged, written);
  }

  /** The days each cohort's marks of the file span (rows that resolve to a place only). */
  private static Map<CohortId, LocalDate[]> spans(List<Read> reads, Map<String, Learner> learners) {
    Map<CohortId, LocalDate[]> spans = new HashMap<>();
    for (Read r : reads) {
      Learner learner = learners.get(r.reference());
      if (learner == null) {
        continue;
      }
      LocalDate d = r.halfDay().date();
      Place place = placeOn(learner.places(), d);
      if (place == null) {
        continue;
      }
      LocalDate[] span = spans.computeIfAbsent(place.cohort().id(), k -> new LocalDate[] {d, d});
      span[0] = d.isBefore(span[0]) ? d : span[0];
      span[1] = d.isAfter(span[1]) ? d : span[1];
    }
    return spans;
  }

  /** What the file changes, and the learners each cohort's written versions are about. */
  private record Counted(
      int created, int updated, int unchanged, Map<CohortId, Set<LearnerId>> written) {}

  private static AttendanceRecord version(
      CohortId cohort,
      AttendanceSheets.Line line,
      AttendanceMark mark,
      int version,
      String reason,
      String by,
      Instant now) {
    return new AttendanceRecord(
        cohort, line.learner(), line.halfDay(), version, mark, by, now, reason);
  }

  /**
   * The current mark of every half-day recorded in each cohort over the days the file touches in
   * it: one range read per cohort, the newest version kept.
   */
  private Map<CohortId, Map<AttendanceSheets.Line, AttendanceRecord>> current(
      Map<CohortId, LocalDate[]> spans) {
    Map<CohortId, Map<AttendanceSheets.Line, AttendanceRecord>> current = new HashMap<>();
    spans.forEach(
        (cohort, span) -> {
          Map<AttendanceSheets.Line, AttendanceRecord> lines = new HashMap<>();
          for (AttendanceRecord r : references.versions(cohort, new DateRange(span[0], span[1]))) {
            lines.merge(
                new AttendanceSheets.Line(r.learner(), r.halfDay()),
                r,
                (a, b) -> a.version() >= b.version() ? a : b);
          }
          current.put(cohort, lines);
        });
    return current;
  }

  /**
   * A learner the school knows by a reference, with their places, and the half-days of the file
   * already read for them (a bit per half-day from the file's first day). Not thread-safe.
   */
  private static final class Learner {
    private final LearnerId id;
    private final List<Place> places;
    private final BitSet read = new BitSet();

    Learner(LearnerId id, List<Place> places) {
      this.id = id;
      this.places = places;
    }

    LearnerId id() {
      return id;
    }

    List<Place> places() {
      return places;
    }

    /** Whether the half-day (on or after {@code firstDay}) is read for the first time. */
    boolean firstTime(HalfDay halfDay, LocalDate firstDay) {
      int bit =
          Math.toIntExact(2 * (halfDay.date().toEpochDay() - firstDay.toEpochDay()))
              + halfDay.part().ordinal();
      if (read.get(bit)) {
        return false;
      }
      read.set(bit);
      return true;
    }
  }

  /** The school's learners by reference, each once with their places. */
  private static Map<String, Learner> learners(
      Map<String, LearnerReferences.Known> known, Map<LearnerId, List<Place>> places) {
    Map<LearnerId, Learner> byId = new HashMap<>(known.size() * 2);
    Map<String, Learner> byReference = new HashMap<>(known.size() * 2);
    known.forEach(
        (reference, k) ->
            byReference.put(
                reference,
                byId.computeIfAbsent(
                    k.learner(), id -> new Learner(id, places.getOrDefault(id, List.of())))));
    return byReference;
  }

  /** Every learner's places in the school's cohorts. */
  private Map<LearnerId, List<Place>> places(SchoolId school) {
    Map<LearnerId, List<Place>> places = new HashMap<>();
    for (CohortId id : references.cohortsOf(school)) {
      Cohort cohort = cohorts.cohort(id);
      CohortCalendar calendar = cohorts.calendarOf(id);
      for (Enrolment e : learners.enrolmentsOf(id)) {
        places
            .computeIfAbsent(e.learner(), k -> new ArrayList<>(1))
            .add(new Place(cohort, calendar, e.periods(cohort.range().last())));
      }
    }
    return places;
  }

  private static @Nullable Place placeOn(List<Place> places, LocalDate day) {
    for (Place p : places) {
      for (DateRange period : p.periods()) {
        if (period.contains(day)) {
          return p;
        }
      }
    }
    return null;
  }

  private static ImportProblem problem(Read r, Reason reason, String value) {
    return new ImportProblem(r.line(), r.column(), reason, value);
  }

  private static ImportReport report(
      ImportReport.Kind kind,
      boolean dryRun,
      CsvFile file,
      int created,
      int updated,
      int unchanged,
      List<ImportProblem> problems) {
    List<ImportProblem> sorted = new ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparingInt(ImportProblem::line));
    return new ImportReport(kind, dryRun, file.rows().size(), created, updated, unchanged, sorted);
  }

  /** The long shape: reference, date, part, mark, optional late minutes. */
  private static @Nullable List<Read> readLong(CsvFile file, List<ImportProblem> problems) {
    Optional<Integer> ref = file.column("reference", "ref", "matricule", "reference_apprenant");
    Optional<Integer> date = file.column("date", "jour");
    Optional<Integer> part = file.column("part", "demi_journee", "periode", "half_day");
    Optional<Integer> mark = file.column("mark", "marque", "presence", "statut");
    Optional<Integer> late = file.column("late_minutes", "minutes_retard", "retard_minutes");
    if (missing(file, problems, ref, "reference")
        | missing(file, problems, date, "date")
        | missing(file, problems, part, "part")
        | missing(file, problems, mark, "mark")) {
      return null;
    }
    List<Read> reads = new ArrayList<>(file.rows().size());
    Memo memo = new Memo();
    for (CsvFile.Row row : file.rows()) {
      String reference = row.get(ref.get());
      if (reference.isEmpty()) {
        problems.add(new ImportProblem(row.line(), file.name(ref.get()), Reason.MISSING_VALUE, ""));
        continue;
      }
      Optional<LocalDate> day = memo.date(row.get(date.get()));
      if (day.isEmpty()) {
        problems.add(
            new ImportProblem(
                row.line(), file.name(date.get()), Reason.BAD_DATE, row.get(date.get())));
        continue;
      }
      Optional<HalfDayPart> p = memo.part(row.get(part.get()));
      if (p.isEmpty()) {
        problems.add(
            new ImportProblem(
                row.line(), file.name(part.get()), Reason.BAD_PART, row.get(part.get())));
        continue;
      }
      String lateText = late.map(row::get).orElse("");
      Optional<AttendanceMark> m =
          mark(memo, row.line(), file.name(mark.get()), row.get(mark.get()), lateText, problems);
      if (m.isPresent()) {
        reads.add(
            new Read(
                row.line(),
                file.name(mark.get()),
                file.name(date.get()),
                file.name(ref.get()),
                reference,
                new HalfDay(day.get(), p.get()),
                m.get()));
      }
    }
    return reads;
  }

  /** The grid: reference, then one column per half-day; name columns are ignored. */
  private static @Nullable List<Read> readGrid(CsvFile file, List<ImportProblem> problems) {
    Optional<Integer> ref = file.column("reference", "ref", "matricule", "reference_apprenant");
    if (missing(file, problems, ref, "reference")) {
      return null;
    }
    Set<Integer> ignored = new HashSet<>();
    ignored.add(ref.get());
    file.column("given_name", "prenom").ifPresent(ignored::add);
    file.column("family_name", "nom").ifPresent(ignored::add);
    file.column("name", "nom_prenom", "apprenant").ifPresent(ignored::add);
    Map<Integer, HalfDay> columns = new LinkedHashMap<>();
    boolean bad = false;
    for (int i = 0; i < file.header().size(); i++) {
      if (ignored.contains(i)) {
        continue;
      }
      Optional<HalfDay> halfDay = gridHalfDay(file.name(i));
      if (halfDay.isEmpty() || columns.containsValue(halfDay.get())) {
        problems.add(new ImportProblem(1, file.name(i), Reason.BAD_HEADER, file.name(i)));
        bad = true;
      } else {
        columns.put(i, halfDay.get());
      }
    }
    if (bad) {
      return null;
    }
    List<Read> reads = new ArrayList<>();
    Memo memo = new Memo();
    for (CsvFile.Row row : file.rows()) {
      String reference = row.get(ref.get());
      if (reference.isEmpty()) {
        problems.add(new ImportProblem(row.line(), file.name(ref.get()), Reason.MISSING_VALUE, ""));
        continue;
      }
      for (Map.Entry<Integer, HalfDay> c : columns.entrySet()) {
        String cell = row.get(c.getKey());
        if (cell.isEmpty()) {
          continue;
        }
        String column = file.name(c.getKey());
        mark(memo, row.line(), column, cell, "", problems)
            .ifPresent(
                m ->
                    reads.add(
                        new Read(
                            row.line(),
                            column,
                            column,
                            file.name(ref.get()),
                            reference,
                            c.getValue(),
                            m)));
      }
    }
    return reads;
  }

  /** A grid header: "2026-09-07 AM", "07/09/2026 matin", "lun. 07/09/2026 après-midi". */
  static Optional<HalfDay> gridHalfDay(String header) {
    Matcher m = GRID_HEADER.matcher(header.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<LocalDate> day = Values.date(m.group(1));
    Optional<HalfDayPart> part = Values.part(m.group(2));
    return day.isPresent() && part.isPresent()
        ? Optional.of(new HalfDay(day.get(), part.get()))
        : Optional.empty();
  }

  private static Optional<AttendanceMark> mark(
      Memo memo,
      int line,
      String column,
      String text,
      String lateText,
      List<ImportProblem> problems) {
    Optional<Mark> mark = memo.mark(text);
    if (mark.isEmpty()) {
      problems.add(
          new ImportProblem(
              line, column, text.isEmpty() ? Reason.MISSING_VALUE : Reason.BAD_MARK, text));
      return Optional.empty();
    }
    Optional<Integer> inCode = memo.lateMinutesIn(text);
    int minutes;
    if (inCode.isPresent()) {
      minutes = inCode.get();
    } else if (lateText.isEmpty()) {
      minutes = 0;
    } else {
      Optional<Integer> n = Values.number(lateText);
      if (n.isEmpty()) {
        problems.add(new ImportProblem(line, column, Reason.BAD_LATE_MINUTES, lateText));
        return Optional.empty();
      }
      minutes = n.get();
    }
    Optional<AttendanceMark> result = Values.attendanceMark(mark.get(), minutes);
    if (result.isEmpty()) {
      problems.add(
          new ImportProblem(
              line,
              column,
              Reason.BAD_LATE_MINUTES,
              text + (lateText.isEmpty() ? "" : " " + lateText)));
    }
    return result;
  }

  static boolean missing(
      CsvFile file, List<ImportProblem> problems, Optional<Integer> column, String name) {
    if (column.isEmpty()) {
      problems.add(new ImportProblem(1, name, Reason.MISSING_COLUMN, name));
      return true;
    }
    return false;
  }
}
