package org.tremplin.web.coach;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Role;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.web.coach.CaseloadResource.Line;
import org.tremplin.web.coach.FileView.Choice;
import org.tremplin.web.coach.LearnerFileResource.Who;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Scripts;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.RequestSession;

/**
 * The coach's pages, rendered from {@code src/main/jte/coach} (one model record per page, every
 * value escaped by jte) in the session's language and answered with {@link Pages}. Stateless.
 */
final class CoachPages {
  private CoachPages() {}

  /** The caseload. */
  static Response caseload(RequestSession request, CoachText t, List<Line> lines, String school) {
    String root = CaseloadResource.ROOT;
    String token = request.token();
    List<CaseLine> view =
        lines.stream()
            .map(
                l ->
                    new CaseLine(
                        l.learnerId(),
                        l.name(),
                        l.cohort(),
                        l.reasons(),
                        l.urgent(),
                        t.get(l.urgent() ? "coach.caseload.urgent" : "coach.caseload.ok"),
                        LearnerFileResource.fileHref(
                            root,
                            new org.tremplin.api.LearnerId(
                                java.util.UUID.fromString(l.learnerId())),
                            token)))
            .toList();
    long urgent = lines.stream().filter(Line::urgent).count();
    CaseloadPage page =
        new CaseloadPage(
            Layout.of(t.locale(), t.get("coach.caseload.title"), school, root),
            t,
            lines.isEmpty()
                ? t.get("coach.caseload.empty")
                : t.get("coach.caseload.summary", lines.size(), urgent),
            view,
            LearnerFileResource.homeHref(root, token));
    return Pages.html(200, Templates.web().render("coach/caseload.jte", page));
  }

  /** A learner's file, with the errors of a refused form and the values it carried. */
  static Response file(
      Who w,
      FileView file,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> entered,
      int status) {
    return file(w, file, errors, entered, null, status);
  }

  /** A learner's file with a notice above it (e.g. it changed meanwhile). */
  static Response fileWithNotice(
      Who w, FileView file, FormErrors errors, @Nullable String notice, int status) {
    return file(w, file, errors, null, notice, status);
  }

  private static Response file(
      Who w,
      FileView file,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> entered,
      @Nullable String notice,
      int status) {
    CoachText t = w.t();
    String root = LearnerFileResource.ROOT;
    String token = w.request().token();
    boolean coach =
        w.actor().grants().stream().anyMatch(g -> g.role() == Role.COACH)
            && w.member().referentCoach().equals(w.actor().id());
    String name = w.member().learner().displayName();
    FilePage page =
        new FilePage(
            Layout.of(
                    t.locale(),
                    errors.titlePrefix() + t.get("coach.file.title", name),
                    w.school(),
                    root)
                .withScript(root + Scripts.href("form-errors.js")),
            t,
            errors,
            w.fields(),
            root,
            LearnerFileResource.fileHref(root, w.member().learner().id(), token)
                .replaceFirst("\\?.*$", ""),
            name,
            t.get("coach.file.cohort", w.member().cohort().name()),
            coach ? "" : t.get("coach.file.manager"),
            notice,
            w.mayWriteCoaching(),
            w.mayWriteInsertion(),
            w.mayReadConfidential(),
            file,
            errors.field("meeting", value(entered, "meeting"), first(file.recordable)),
            errors.field("outcome", value(entered, "outcome"), "HELD"),
            errors.field("meeting-note", value(entered, "meeting-note"), ""),
            errors.field("meeting-confidential", value(entered, "meeting-confidential"), ""),
            errors.field("plan-day", value(entered, "plan-day"), ""),
            errors.field("plan-time", value(entered, "plan-time"), "10:00"),
            errors.field("plan-note", value(entered, "plan-note"), ""),
            errors.field("category", value(entered, "category"), ""),
            errors.field("severity", value(entered, "severity"), "MEDIUM"),
            errors.field("barrier-description", value(entered, "barrier-description"), ""),
            errors.field(
                "objective",
                value(entered, "objective"),
                file.objectives.isEmpty() ? "new" : file.objectives.get(0).id()),
            errors.field("objective-title", value(entered, "objective-title"), ""),
            errors.field("action-description", value(entered, "action-description"), ""),
            errors.field("owner", value(entered, "owner"), "LEARNER"),
            errors.field("due", value(entered, "due"), ""),
            entered,
            choices(t, "coach.outcome.", List.of("HELD", "MISSED_LEARNER", "MISSED_COACH")),
            choices(
                t,
                "coach.barrier.category.",
                Arrays.stream(BarrierCategory.values()).map(Enum::name).toList()),
            choices(
                t,
                "coach.barrier.severity.",
                Arrays.stream(BarrierSeverity.values()).map(Enum::name).toList()),
            choices(
                t,
                "coach.action.owner.",
                Arrays.stream(ActionOwner.values()).map(Enum::name).toList()),
            coach ? LearnerFileResource.caseloadHref(root, token) : "",
            LearnerFileResource.homeHref(root, token));
    return Pages.html(status, Templates.web().render("coach/file.jte", page));
  }

  /** 403: the session may not see this page. */
  static Response forbidden(RequestSession request, String root) {
    CoachText t = CoachText.of(request.session().locale());
    Message page =
        new Message(
            Layout.of(t.locale(), t.get("coach.forbidden.title"), "", root),
            t.get("coach.forbidden.title"),
            t.get("coach.forbidden.text"),
            LearnerFileResource.homeHref(root, request.token()),
            t.get("coach.back.home"));
    return Pages.html(403, Templates.web().render("coach/message.jte", page));
  }

  /** 404: no such learner, or one who never joined a cohort. */
  static Response notFound(RequestSession request, CoachText t, String root) {
    Message page =
        new Message(
            Layout.of(t.locale(), t.get("coach.missing.title"), "", root),
            t.get("coach.missing.title"),
            t.get("coach.missing.text"),
            LearnerFileResource.homeHref(root, request.token()),
            t.get("coach.back.home"));
    return Pages.html(404, Templates.web().render("coach/message.jte", page));
  }

  private static List<Choice> choices(CoachText t, String prefix, List<String> values) {
    return values.stream().map(v -> new Choice(v, t.get(prefix + v))).toList();
  }

  private static String first(List<Choice> choices) {
    return choices.isEmpty() ? "now" : choices.get(0).value();
  }

  private static @Nullable String value(
      @Nullable MultivaluedMap<String, String> entered, String field) {
    return entered == null ? null : entered.getFirst(field);
  }

  /** A line of the caseload page. */
  record CaseLine(
      String id,
      String name,
      String cohort,
      List<String> reasons,
      boolean urgent,
      String urgency,
      String href) {}

  /** The caseload page. */
  record CaseloadPage(
      Layout layout, CoachText t, String summary, List<CaseLine> lines, String homeHref) {}

  /** The learner's file page. */
  record FilePage(
      Layout layout,
      CoachText t,
      FormErrors errors,
      HiddenFields form,
      String root,
      String action,
      String name,
      String cohort,
      String readerNotice,
      @Nullable String notice,
      boolean mayWriteCoaching,
      boolean mayWriteInsertion,
      boolean mayReadConfidential,
      FileView file,
      Field meeting,
      Field outcome,
      Field meetingNote,
      Field meetingConfidential,
      Field planDay,
      Field planTime,
      Field planNote,
      Field category,
      Field severity,
      Field barrierDescription,
      Field objective,
      Field objectiveTitle,
      Field actionDescription,
      Field owner,
      Field due,
      @Nullable MultivaluedMap<String, String> entered,
      List<Choice> outcomes,
      List<Choice> categories,
      List<Choice> severities,
      List<Choice> owners,
      String caseloadHref,
      String homeHref) {
    /** The error of a per-item field ({@code status-<id>}), or an empty string. */
    public String errorOf(String field) {
      return errors.has(field) ? errors.of(field) : "";
    }

    /** What was entered in a per-item field, or the fallback. */
    public String entered(String field, String fallback) {
      String v = entered == null ? null : entered.getFirst(field);
      return v == null ? fallback : v;
    }
  }

  /** A short page. */
  record Message(Layout layout, String title, String text, String back, String backText) {}
}
