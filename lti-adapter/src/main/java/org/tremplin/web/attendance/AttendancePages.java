package org.tremplin.web.attendance;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;
import org.tremplin.web.attendance.AttendanceResource.Line;
import org.tremplin.web.attendance.AttendanceResource.Sheet;
import org.tremplin.web.attendance.AttendanceResource.WeekDay;
import org.tremplin.web.attendance.AttendanceResource.Who;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Scripts;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.RequestSession;

/**
 * The attendance pages, rendered from {@code src/main/jte/attendance} (one model record per page,
 * every value escaped by jte) in the session's language, answered with {@link Pages} (CSP without
 * inline script; the sheet's script is a static file and only saves clicks). Stateless.
 */
final class AttendancePages {
  private static final String SCRIPT = "attendance-sheet.js";

  private AttendancePages() {}

  /** The sheet of a half-day: controls for the unrecorded learners, marks of the recorded ones. */
  static Response sheet(
      Who w,
      Sheet sheet,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> entered,
      @Nullable String notice,
      int status) {
    AttendanceText t = w.t();
    String token = w.request().token();
    String root = AttendanceResource.SHEET_ROOT;
    String halfDay = t.halfDay(sheet.halfDay());
    List<Row> rows = new ArrayList<>();
    for (Learner l : sheet.unrecorded()) {
      String id = l.id().value().toString();
      rows.add(
          new Row(
              id,
              l.displayName(),
              errors.field("mark-" + id, value(entered, "mark-" + id), Mark.PRESENT.name()),
              errors.field("late-" + id, value(entered, "late-" + id), "")));
    }
    List<Recorded> recorded = new ArrayList<>();
    for (Learner l : sheet.learners()) {
      AttendanceRecord r = sheet.recorded().get(l.id());
      if (r != null) {
        recorded.add(
            new Recorded(
                l.id().value().toString(),
                l.displayName(),
                t.mark(r.mark()),
                r.isCorrection(),
                AttendanceResource.correctionHref(root, sheet.halfDay(), l.id(), token),
                t.get("attendance.recorded.correct", l.displayName())));
      }
    }
    SheetPage page =
        new SheetPage(
            Layout.of(
                    t.locale(),
                    errors.titlePrefix() + t.get("attendance.title") + " — " + halfDay,
                    w.school(),
                    root)
                .withScript(root + Scripts.href(SCRIPT))
                .withScript(root + Scripts.href("form-errors.js")),
            t,
            errors,
            fields(w),
            root,
            halfDay,
            t.get("attendance.cohort", w.cohort().name()),
            sheet.halfDay().date().toString(),
            sheet.halfDay().part().name(),
            notice,
            rows,
            recorded,
            week(t, sheet, token, root),
            marks(t),
            AttendanceResource.homeHref(root, token));
    return Pages.html(status, Templates.web().render("attendance/sheet.jte", page));
  }

  /** "No session today": why, and the week's half-days. */
  static Response none(Who w, Sheet sheet, String reason) {
    AttendanceText t = w.t();
    String root = AttendanceResource.SHEET_ROOT;
    None page =
        new None(
            Layout.of(t.locale(), t.get("attendance.none.title"), w.school(), root),
            t,
            reason,
            t.get("attendance.cohort", w.cohort().name()),
            week(t, sheet, w.request().token(), root),
            AttendanceResource.homeHref(root, w.request().token()));
    return Pages.html(200, Templates.web().render("attendance/none.jte", page));
  }

  /** One learner's half-day: the history of its mark and the correction form. */
  static Response correction(
      Who w,
      Line line,
      Map<String, String> names,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> entered,
      int status) {
    return correction(w, line, names, errors, entered, status, null);
  }

  /** The same, with a notice above the form (e.g. it was corrected meanwhile). */
  static Response correction(
      Who w,
      Line line,
      Map<String, String> names,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> entered,
      int status,
      @Nullable String notice) {
    AttendanceText t = w.t();
    String token = w.request().token();
    String root = AttendanceResource.CORRECTION_ROOT;
    AttendanceRecord latest = line.history().get(line.history().size() - 1);
    List<Version> versions = new ArrayList<>();
    for (AttendanceRecord r : line.history()) {
      versions.add(
          new Version(
              r.version(),
              t.mark(r.mark()),
              names.getOrDefault(r.recordedBy(), t.get("attendance.correction.unknown")),
              t.dateTime(r.recordedAt(), w.zone()),
              r.isCorrection() ? r.reason() : t.get("attendance.correction.original")));
    }
    String title = t.get("attendance.correction.title", line.learner().displayName());
    String defaultLate =
        latest.mark().mark() == Mark.LATE ? String.valueOf(latest.mark().lateMinutes()) : "";
    CorrectionPage page =
        new CorrectionPage(
            Layout.of(t.locale(), errors.titlePrefix() + title, w.school(), root)
                .withScript(root + Scripts.href(SCRIPT))
                .withScript(root + Scripts.href("form-errors.js")),
            t,
            errors,
            fields(w),
            root,
            title,
            t.halfDay(line.halfDay()),
            t.get("attendance.correction.current", t.mark(latest.mark())),
            line.halfDay().date().toString(),
            line.halfDay().part().name(),
            line.learner().id().value().toString(),
            notice,
            marks(t),
            errors.field("mark", value(entered, "mark"), latest.mark().mark().name()),
            errors.field("late", value(entered, "late"), defaultLate),
            errors.field("reason", value(entered, "reason"), ""),
            versions,
            AttendanceResource.sheetHref(root, line.halfDay(), token),
            t.get("attendance.back.sheet", t.halfDay(line.halfDay())));
    return Pages.html(status, Templates.web().render("attendance/correction.jte", page));
  }

  /** A short page: a title, a sentence, the way back. */
  static Response message(Who w, String root, String key, int status) {
    return message(
        w, root, w.t().get(key), status, AttendanceResource.homeHref(root, w.request().token()));
  }

  /** The same with its own sentence and way back. */
  static Response message(Who w, String root, String text, int status, String back) {
    AttendanceText t = w.t();
    Message page =
        new Message(
            Layout.of(t.locale(), t.get("attendance.title"), w.school(), root),
            t.get("attendance.title"),
            text,
            back,
            t.get("attendance.back.home"));
    return Pages.html(status, Templates.web().render("attendance/message.jte", page));
  }

  /** 403: the session has no cohort it may take attendance of. */
  static Response forbidden(RequestSession request, String root) {
    AttendanceText t = AttendanceText.of(request.session().locale());
    Message page =
        new Message(
            Layout.of(t.locale(), t.get("attendance.forbidden.title"), "", root),
            t.get("attendance.forbidden.title"),
            t.get("attendance.forbidden.text"),
            AttendanceResource.homeHref(root, request.token()),
            t.get("attendance.back.home"));
    return Pages.html(403, Templates.web().render("attendance/message.jte", page));
  }

  private static HiddenFields fields(Who w) {
    return w.fields();
  }

  private static List<Link> week(AttendanceText t, Sheet sheet, String token, String root) {
    List<Link> links = new ArrayList<>();
    for (WeekDay d : sheet.week()) {
      HalfDay h = d.halfDay();
      links.add(
          new Link(
              t.halfDay(h),
              t.get("attendance.week.status." + d.status().name()),
              d.status().name(),
              AttendanceResource.sheetHref(root, h, token),
              h.equals(sheet.halfDay())));
    }
    return links;
  }

  private static List<Option> marks(AttendanceText t) {
    return Arrays.stream(Mark.values()).map(m -> new Option(m.name(), t.mark(m))).toList();
  }

  private static @Nullable String value(
      @Nullable MultivaluedMap<String, String> entered, String field) {
    return entered == null ? null : entered.getFirst(field);
  }

  /** A mark as a choice. */
  record Option(String value, String label) {}

  /** A learner to mark: their id, name, mark field and minutes field. */
  record Row(String id, String name, Field mark, Field late) {}

  /** A learner already marked: the mark, whether corrected, the link to its history. */
  record Recorded(
      String id, String name, String mark, boolean corrected, String href, String linkLabel) {}

  /** A half-day of the week: its label, status (text and code), link, and whether shown. */
  record Link(String label, String status, String code, String href, boolean current) {}

  /** The sheet page. */
  record SheetPage(
      Layout layout,
      AttendanceText t,
      FormErrors errors,
      HiddenFields form,
      String root,
      String halfDay,
      String cohort,
      String day,
      String part,
      @Nullable String notice,
      List<Row> rows,
      List<Recorded> recorded,
      List<Link> week,
      List<Option> marks,
      String homeHref) {}

  /** The "no session today" page. */
  record None(
      Layout layout,
      AttendanceText t,
      String reason,
      String cohort,
      List<Link> week,
      String homeHref) {}

  /** One version of a learner's half-day, as the history shows it. */
  record Version(int version, String mark, String who, String when, String why) {}

  /** The correction page. */
  record CorrectionPage(
      Layout layout,
      AttendanceText t,
      FormErrors errors,
      HiddenFields form,
      String root,
      String title,
      String halfDay,
      String current,
      String day,
      String part,
      String learner,
      @Nullable String notice,
      List<Option> marks,
      Field mark,
      Field late,
      Field reason,
      List<Version> history,
      String sheetHref,
      String sheetText) {}

  /** A short page. */
  record Message(Layout layout, String title, String text, String back, String backText) {}
}
