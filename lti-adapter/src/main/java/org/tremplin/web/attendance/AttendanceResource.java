package org.tremplin.web.attendance;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.SessionCookie;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/attendance}: the trainer's attendance sheet (issue 12, item 1; DOMAIN.md, Calendar
 * and attendance). {@code GET} shows the current half-day of the session's cohort (morning before
 * 13:00 in the school's zone, else afternoon; "no session today" on a weekend, a public holiday, a
 * closure or outside the cohort's dates), or the half-day of {@code ?day=&part=}: one control per
 * learner enrolled that day (not those who left or have not started), everyone present by default;
 * the learners already recorded with their marks. {@code POST} records the unrecorded learners in
 * one transaction, once per submission. {@code /app/attendance/correction} shows one learner's
 * half-day with its history (who, when, why) and appends a correction, which needs a reason. The
 * week's other half-days are linked from every sheet. Core checks every call (ADR 0003).
 * Thread-safe.
 */
@Path("app/attendance")
@WithSession
public final class AttendanceResource {
  /** The schools' time zone (metropolitan France). */

  /** When the afternoon's sheet replaces the morning's. */
  static final LocalTime AFTERNOON = LocalTime.of(13, 0);

  /** Longest correction reason (core's limit). */
  static final int MAX_REASON = 500;

  /** From {@code /app/attendance} to the tool's root. */
  static final String SHEET_ROOT = "../";

  /** From {@code /app/attendance/correction} to the tool's root. */
  static final String CORRECTION_ROOT = "../../";

  private final Tremplin tremplin;
  private final FormGuard forms;
  private final Clock clock;
  private final URI baseUrl;

  /**
   * Over this engine, forms' guard and clock; redirects are built under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param forms the forms
   * @param clock the clock read for "now"
   * @param baseUrl the tool's public base URL
   */
  public AttendanceResource(Tremplin tremplin, FormGuard forms, Clock clock, URI baseUrl) {
    this.tremplin = tremplin;
    this.forms = forms;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /**
   * The sheet of the current half-day, or of {@code day} and {@code part}.
   *
   * @param day the day
   * @param part the part
   * @param security the request's security context (its session)
   * @return the sheet of the current half-day, or of {@code day} and {@code part}
   */
  @GET
  public Response sheet(
      @QueryParam("day") @Nullable String day,
      @QueryParam("part") @Nullable String part,
      @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    Optional<Who> who = who(request);
    if (who.isEmpty()) {
      return AttendancePages.forbidden(request, SHEET_ROOT);
    }
    try {
      Optional<HalfDay> asked = parse(day, part);
      if (day != null || part != null) {
        if (asked.isEmpty()) {
          return AttendancePages.message(who.get(), SHEET_ROOT, "attendance.error.day", 404);
        }
        return sheetOf(who.get(), asked.get(), FormErrors.in(who.get().t().locale()), null, 200);
      }
      HalfDay now = now();
      Sheet sheet = load(who.get(), now);
      if (!sheet.calendar().isWorkingDay(now.date())) {
        return AttendancePages.none(who.get(), sheet, noSessionReason(who.get(), sheet));
      }
      return AttendancePages.sheet(
          who.get(), sheet, FormErrors.in(who.get().t().locale()), null, null, 200);
    } catch (TremplinException e) {
      return refusal(who.get(), e, SHEET_ROOT);
    }
  }

  /**
   * Records the unrecorded learners of the posted half-day, in one transaction.
   *
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response record(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    Optional<Who> who = who(request);
    if (who.isEmpty()) {
      return AttendancePages.forbidden(request, SHEET_ROOT);
    }
    Who w = who.get();
    Optional<HalfDay> halfDay = parse(form.getFirst("day"), form.getFirst("part"));
    if (halfDay.isEmpty()) {
      return AttendancePages.message(w, SHEET_ROOT, "attendance.error.day", 400);
    }
    try {
      return forms.once(
          request,
          form,
          () -> {
            Sheet sheet = load(w, halfDay.get());
            checkOpen(sheet);
            FormErrors errors = FormErrors.in(w.t().locale());
            List<AttendanceEntry> entries = new ArrayList<>();
            for (Learner learner : sheet.unrecorded()) {
              mark(form, learner, halfDay.get(), errors, w.t()).ifPresent(entries::add);
            }
            if (!errors.isEmpty()) {
              return FormGuard.Submitted.refused(
                  AttendancePages.sheet(w, sheet, errors, form, null, 400));
            }
            if (!entries.isEmpty()) {
              tremplin.attendance().recordAll(w.actor(), w.cohort().id(), entries);
            }
            return FormGuard.Submitted.done(sheetAddress(halfDay.get(), request.token()));
          },
          status -> FormPages.refused(w.t().locale(), status, SHEET_ROOT));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ATTENDANCE_ALREADY_RECORDED) {
        return sheetOf(
            w,
            halfDay.get(),
            FormErrors.in(w.t().locale()),
            w.t().get("attendance.error.conflict"),
            409);
      }
      return refusal(w, e, SHEET_ROOT);
    }
  }

  /**
   * One learner's half-day: its history and the correction form.
   *
   * @param day the day
   * @param part the part
   * @param learner the learner
   * @param security the request's security context (its session)
   * @return the response
   */
  @GET
  @Path("correction")
  public Response correction(
      @QueryParam("day") @Nullable String day,
      @QueryParam("part") @Nullable String part,
      @QueryParam("learner") @Nullable String learner,
      @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    Optional<Who> who = who(request);
    if (who.isEmpty()) {
      return AttendancePages.forbidden(request, CORRECTION_ROOT);
    }
    try {
      return correctionPage(
          who.get(), day, part, learner, FormErrors.in(who.get().t().locale()), null, 200);
    } catch (TremplinException e) {
      return refusal(who.get(), e, CORRECTION_ROOT);
    }
  }

  /**
   * Appends a correction to one learner's half-day; a reason is required.
   *
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("correction")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response correct(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    Optional<Who> who = who(request);
    if (who.isEmpty()) {
      return AttendancePages.forbidden(request, CORRECTION_ROOT);
    }
    Who w = who.get();
    String day = form.getFirst("day");
    String part = form.getFirst("part");
    String learnerText = form.getFirst("learner");
    try {
      return forms.once(
          request,
          form,
          () -> {
            Optional<Line> line = line(w, day, part, learnerText);
            if (line.isEmpty() || line.get().history().isEmpty()) {
              return FormGuard.Submitted.refused(
                  AttendancePages.message(w, CORRECTION_ROOT, "attendance.error.day", 400));
            }
            Line l = line.get();
            FormErrors errors = FormErrors.in(w.t().locale());
            Optional<AttendanceMark> mark =
                markOf(form, "mark", "late", l.learner(), errors, w.t());
            String reason = Optional.ofNullable(form.getFirst("reason")).orElse("").strip();
            if (reason.isEmpty()) {
              errors.add("reason", w.t().get("attendance.error.reason"));
            } else if (reason.length() > MAX_REASON) {
              errors.add("reason", w.t().get("attendance.error.reason.long"));
            }
            AttendanceRecord latest = l.history().get(l.history().size() - 1);
            if (mark.isPresent() && mark.get().equals(latest.mark())) {
              errors.add("mark", w.t().get("attendance.error.same"));
            }
            if (!errors.isEmpty()) {
              return FormGuard.Submitted.refused(
                  AttendancePages.correction(w, l, names(l.history()), errors, form, 400));
            }
            tremplin
                .attendance()
                .correct(
                    w.actor(),
                    w.cohort().id(),
                    new AttendanceEntry(l.learner().id(), l.halfDay(), mark.orElseThrow()),
                    reason);
            return FormGuard.Submitted.done(
                correctionAddress(l.halfDay(), l.learner().id(), request.token()));
          },
          status -> FormPages.refused(w.t().locale(), status, CORRECTION_ROOT));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ATTENDANCE_ALREADY_RECORDED) {
        return correctionPage(
            w,
            day,
            part,
            learnerText,
            FormErrors.in(w.t().locale()),
            w.t().get("attendance.error.conflict"),
            409);
      }
      return refusal(w, e, CORRECTION_ROOT);
    }
  }

  // ---- what a page is made of

  /** The session's actor and cohort, its language, and the hidden fields of its forms. */
  record Who(
      RequestSession request,
      Actor actor,
      Cohort cohort,
      String school,
      AttendanceText t,
      HiddenFields fields,
      ZoneId zone) {}

  /**
   * A half-day of the cohort: its calendar, the learners enrolled that day (by name), the current
   * records of that half-day by learner, and the week's half-days up to now.
   */
  record Sheet(
      HalfDay halfDay,
      HalfDay now,
      CohortCalendar calendar,
      List<Learner> learners,
      Map<LearnerId, AttendanceRecord> recorded,
      List<WeekDay> week) {
    /** The learners enrolled that half-day without a mark yet. */
    List<Learner> unrecorded() {
      return learners.stream().filter(l -> !recorded.containsKey(l.id())).toList();
    }
  }

  /** A half-day of the week and how far its sheet is filled. */
  record WeekDay(HalfDay halfDay, Status status) {}

  /** How far a sheet is filled. */
  enum Status {
    DONE,
    PARTIAL,
    TODO
  }

  /** One learner's half-day and its versions. */
  record Line(HalfDay halfDay, Learner learner, List<AttendanceRecord> history) {}

  private Optional<Who> who(RequestSession request) {
    Optional<Actor> actor = request.actor();
    CohortId cohortId = request.session().cohortId();
    if (actor.isEmpty() || cohortId == null) {
      return Optional.empty();
    }
    try {
      Cohort cohort = tremplin.cohorts().get(actor.get(), cohortId);
      return Optional.of(
          new Who(
              request,
              actor.get(),
              cohort,
              schoolName(cohort),
              AttendanceText.of(request.session().locale()),
              forms.fields(request),
              clock.getZone()));
    } catch (TremplinException e) {
      return Optional.empty();
    }
  }

  private String schoolName(Cohort cohort) {
    try {
      return tremplin.schools().get(cohort.school()).name();
    } catch (TremplinException e) {
      return "";
    }
  }

  /**
   * The half-day going on now in the clock's zone: the schools' ({@code tremplin.zone}, ADR 0024),
   * where core's "today" turns too, so the sheet never opens on a day core calls the future.
   */
  private HalfDay now() {
    LocalDateTime now = LocalDateTime.now(clock);
    return new HalfDay(
        now.toLocalDate(), now.toLocalTime().isBefore(AFTERNOON) ? HalfDayPart.AM : HalfDayPart.PM);
  }

  private Sheet load(Who w, HalfDay halfDay) {
    CohortId cohort = w.cohort().id();
    CohortCalendar calendar = tremplin.cohorts().calendar(w.actor(), cohort);
    HalfDay now = now();
    LocalDate monday = halfDay.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate friday = monday.plusDays(4);
    LocalDate last = w.cohort().range().last();
    List<Enrolment> enrolments = tremplin.learners().enrolments(w.actor(), cohort);
    Map<LearnerId, Learner> byId = new HashMap<>();
    tremplin.learners().learners(w.actor(), cohort).forEach(l -> byId.put(l.id(), l));
    List<AttendanceRecord> week =
        tremplin.attendance().current(w.actor(), cohort, new DateRange(monday, friday));
    List<Learner> enrolled =
        enrolments.stream()
            .filter(e -> e.enrolledOn(halfDay.date(), last))
            .map(e -> byId.get(e.learner()))
            .filter(l -> l != null)
            .sorted(
                Comparator.comparing(Learner::familyName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Learner::givenName, String.CASE_INSENSITIVE_ORDER))
            .toList();
    Map<LearnerId, AttendanceRecord> recorded = new HashMap<>();
    Map<HalfDay, Set<LearnerId>> recordedByHalfDay = new HashMap<>();
    for (AttendanceRecord r : week) {
      recordedByHalfDay.computeIfAbsent(r.halfDay(), k -> new HashSet<>()).add(r.learner());
      if (r.halfDay().equals(halfDay)) {
        recorded.put(r.learner(), r);
      }
    }
    List<WeekDay> days = new ArrayList<>();
    for (LocalDate d = monday; !d.isAfter(friday); d = d.plusDays(1)) {
      if (!calendar.isWorkingDay(d)) {
        continue;
      }
      LocalDate date = d;
      long expected = enrolments.stream().filter(e -> e.enrolledOn(date, last)).count();
      for (HalfDay h : List.of(HalfDay.am(d), HalfDay.pm(d))) {
        if (h.compareTo(now) > 0 || expected == 0) {
          continue;
        }
        int done = recordedByHalfDay.getOrDefault(h, Set.of()).size();
        days.add(
            new WeekDay(
                h, done >= expected ? Status.DONE : done == 0 ? Status.TODO : Status.PARTIAL));
      }
    }
    return new Sheet(halfDay, now, calendar, enrolled, recorded, days);
  }

  /** The sheet of a half-day that has started and is a working day, else a refusal. */
  private void checkOpen(Sheet sheet) {
    if (!sheet.calendar().isWorkingDay(sheet.halfDay().date())) {
      throw new TremplinException(
          ErrorCode.ATTENDANCE_DAY_NOT_IN_CALENDAR, sheet.halfDay() + " is not a working day");
    }
    if (sheet.halfDay().compareTo(sheet.now()) > 0) {
      throw new TremplinException(
          ErrorCode.ATTENDANCE_IN_FUTURE, sheet.halfDay() + " has not started");
    }
  }

  private Response sheetOf(
      Who w, HalfDay halfDay, FormErrors errors, @Nullable String notice, int status) {
    Sheet sheet = load(w, halfDay);
    checkOpen(sheet);
    return AttendancePages.sheet(w, sheet, errors, null, notice, status);
  }

  private String noSessionReason(Who w, Sheet sheet) {
    LocalDate day = sheet.halfDay().date();
    String date = w.t().date(day);
    if (!sheet.calendar().range().contains(day)) {
      return w.t().get("attendance.none.OUTSIDE", date);
    }
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return w.t().get("attendance.none.WEEKEND", date);
    }
    return sheet.calendar().publicHolidays().stream()
        .filter(h -> h.date().equals(day))
        .findFirst()
        .map(h -> w.t().get("attendance.none.HOLIDAY", date, h.name().in(w.t().locale())))
        .orElseGet(() -> w.t().get("attendance.none.CLOSURE", date));
  }

  /** The learner's mark from the sheet's fields {@code mark-<id>} and {@code late-<id>}. */
  private static Optional<AttendanceEntry> mark(
      MultivaluedMap<String, String> form,
      Learner learner,
      HalfDay halfDay,
      FormErrors errors,
      AttendanceText t) {
    String id = learner.id().value().toString();
    return markOf(form, "mark-" + id, "late-" + id, learner, errors, t)
        .map(m -> new AttendanceEntry(learner.id(), halfDay, m));
  }

  /** A mark from a radio field and its minutes field, or an error next to the offending field. */
  private static Optional<AttendanceMark> markOf(
      MultivaluedMap<String, String> form,
      String markField,
      String lateField,
      Learner learner,
      FormErrors errors,
      AttendanceText t) {
    Mark mark;
    try {
      mark = Mark.valueOf(Optional.ofNullable(form.getFirst(markField)).orElse(""));
    } catch (IllegalArgumentException e) {
      errors.add(markField, t.get("attendance.error.mark", learner.displayName()));
      return Optional.empty();
    }
    if (mark != Mark.LATE) {
      return Optional.of(AttendanceMark.of(mark));
    }
    try {
      int minutes =
          Integer.parseInt(Optional.ofNullable(form.getFirst(lateField)).orElse("").strip());
      if (minutes >= 1 && minutes <= 210) {
        return Optional.of(AttendanceMark.late(minutes));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(lateField, t.get("attendance.error.late", learner.displayName()));
    return Optional.empty();
  }

  private Optional<Line> line(
      Who w, @Nullable String day, @Nullable String part, @Nullable String learnerText) {
    Optional<HalfDay> halfDay = parse(day, part);
    Optional<UUID> learnerId = uuid(learnerText);
    if (halfDay.isEmpty() || learnerId.isEmpty()) {
      return Optional.empty();
    }
    LearnerId id = new LearnerId(learnerId.get());
    Optional<Learner> learner =
        tremplin.learners().learners(w.actor(), w.cohort().id()).stream()
            .filter(l -> l.id().equals(id))
            .findFirst();
    if (learner.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Line(
            halfDay.get(),
            learner.get(),
            tremplin.attendance().history(w.actor(), w.cohort().id(), id, halfDay.get())));
  }

  private Response correctionPage(
      Who w,
      @Nullable String day,
      @Nullable String part,
      @Nullable String learner,
      FormErrors errors,
      @Nullable String notice,
      int status) {
    Optional<Line> line = line(w, day, part, learner);
    if (line.isEmpty()) {
      return AttendancePages.message(w, CORRECTION_ROOT, "attendance.error.day", 404);
    }
    if (line.get().history().isEmpty()) {
      return AttendancePages.message(
          w,
          CORRECTION_ROOT,
          w.t().get("attendance.correction.none", line.get().learner().displayName()),
          404,
          sheetHref(CORRECTION_ROOT, line.get().halfDay(), w.request().token()));
    }
    return AttendancePages.correction(
        w, line.get(), names(line.get().history()), errors, null, status, notice);
  }

  private Map<String, String> names(List<AttendanceRecord> history) {
    Set<String> ids = new HashSet<>();
    history.forEach(r -> ids.add(r.recordedBy()));
    return forms.names(ids);
  }

  private Response refusal(Who w, TremplinException e, String root) {
    return switch (e.code()) {
      case ACCESS_DENIED -> AttendancePages.forbidden(w.request(), root);
      case ATTENDANCE_IN_FUTURE -> AttendancePages.message(w, root, "attendance.error.future", 409);
      case ATTENDANCE_DAY_NOT_IN_CALENDAR, LEARNER_NOT_ENROLLED, LEARNER_NOT_FOUND ->
          AttendancePages.message(w, root, "attendance.error.day", 404);
      default -> throw e;
    };
  }

  static Optional<HalfDay> parse(@Nullable String day, @Nullable String part) {
    if (day == null || part == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new HalfDay(LocalDate.parse(day.strip()), HalfDayPart.valueOf(part)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<UUID> uuid(@Nullable String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // ---- addresses

  private URI sheetAddress(HalfDay halfDay, String token) {
    return baseUrl.resolve(sheetHref("", halfDay, token));
  }

  private URI correctionAddress(HalfDay halfDay, LearnerId learner, String token) {
    return baseUrl.resolve(correctionHref("", halfDay, learner, token));
  }

  /** The sheet of a half-day, from {@code root}. */
  static String sheetHref(String root, HalfDay halfDay, String token) {
    return root
        + "app/attendance?day="
        + halfDay.date()
        + "&part="
        + halfDay.part().name()
        + "&"
        + tokenParameter(token);
  }

  /** One learner's half-day (history and correction), from {@code root}. */
  static String correctionHref(String root, HalfDay halfDay, LearnerId learner, String token) {
    return root
        + "app/attendance/correction?day="
        + halfDay.date()
        + "&part="
        + halfDay.part().name()
        + "&learner="
        + learner.value()
        + "&"
        + tokenParameter(token);
  }

  /** The home page, from {@code root}. */
  static String homeHref(String root, String token) {
    return root + "app/home?" + tokenParameter(token);
  }

  private static String tokenParameter(String token) {
    return SessionCookie.PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
