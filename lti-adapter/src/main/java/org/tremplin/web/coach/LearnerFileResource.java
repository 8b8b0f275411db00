package org.tremplin.web.coach;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.coaching.ActionId;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierId;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingId;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.MissedBy;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.ObjectiveId;
import org.tremplin.core.Tremplin;
import org.tremplin.core.caseload.CaseMember;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.SessionCookie;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/coach/learners/{learnerId}}: a learner's file (issue 13, item 2). {@code GET} shows
 * it to whoever may keep it — their referent coach, or a manager of their school (core's {@code
 * CaseloadDesk.member}; anyone else gets 403) — with the forms of what the reader may write. {@code
 * POST} runs one of them, named by its {@code do} field, once per submission and in one
 * transaction: {@code meeting} (record the outcome of a planned meeting, or of one held now, with
 * its note and confidential note), {@code plan} (plan a meeting), {@code barrier} (open a barrier),
 * {@code barrier-status}, {@code action} (add an action, to an objective or a new one), {@code
 * action-status}, {@code alert} (acknowledge or resolve). Invalid input shows the file again with
 * the error summary, the messages next to the fields and the values kept. Thread-safe.
 */
@Path("app/coach/learners")
@WithSession
public final class LearnerFileResource {
  /** From {@code /app/coach/learners/{id}} to the tool's root. */
  static final String ROOT = "../../../";

  private final Tremplin tremplin;
  private final FormGuard forms;
  private final Clock clock;
  private final URI baseUrl;

  /**
   * Over this engine, forms' guard and clock; redirects are built under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param forms the forms' guard (CSRF value, one-time submissions)
   * @param clock the clock read for "now"
   * @param baseUrl the tool's public base URL
   */
  public LearnerFileResource(Tremplin tremplin, FormGuard forms, Clock clock, URI baseUrl) {
    this.tremplin = tremplin;
    this.forms = forms;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** The reader, the learner's file place, what the reader may do, the page's language. */
  record Who(
      RequestSession request,
      Actor actor,
      CaseMember member,
      String school,
      CoachText t,
      HiddenFields fields,
      boolean mayWriteCoaching,
      boolean mayWriteInsertion,
      boolean mayReadConfidential) {}

  /**
   * The learner's file.
   *
   * @param learner the learner's id
   * @param security the request's security context (its session)
   * @return the file, 403 or 404
   */
  @GET
  @Path("{learner}")
  public Response file(@PathParam("learner") String learner, @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    CoachText t = CoachText.of(request.session().locale());
    try {
      Optional<Who> who = who(request, learner, t);
      if (who.isEmpty()) {
        return CoachPages.notFound(request, t, ROOT);
      }
      return CoachPages.fileWithNotice(
          who.get(), view(who.get()), FormErrors.in(t.locale()), null, 200);
    } catch (TremplinException e) {
      return refusal(request, t, e);
    }
  }

  /**
   * Runs the posted form of the file, once.
   *
   * @param learner the learner's id
   * @param body the posted form
   * @param security the request's security context (its session)
   * @return 303 to the file's section, the file again with errors, 403 or 404
   */
  @POST
  @Path("{learner}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response write(
      @PathParam("learner") String learner,
      @Nullable MultivaluedMap<String, String> body,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> form = body == null ? new MultivaluedHashMap<>() : body;
    RequestSession request = RequestSession.of(security);
    CoachText t = CoachText.of(request.session().locale());
    Who w;
    try {
      Optional<Who> who = who(request, learner, t);
      if (who.isEmpty()) {
        return CoachPages.notFound(request, t, ROOT);
      }
      w = who.get();
    } catch (TremplinException e) {
      return refusal(request, t, e);
    }
    String action = text(form, "do");
    try {
      return forms.once(
          request,
          form,
          () -> {
            FormErrors errors = FormErrors.in(t.locale());
            String section =
                switch (action) {
                  case "meeting" -> recordMeeting(w, form, errors);
                  case "plan" -> planMeeting(w, form, errors);
                  case "barrier" -> openBarrier(w, form, errors);
                  case "barrier-status" -> changeBarrier(w, form, errors);
                  case "action" -> addAction(w, form, errors);
                  case "action-status" -> closeAction(w, form, errors);
                  case "alert" -> changeAlert(w, form, errors);
                  default -> {
                    errors.add("do", t.get("coach.error.form"));
                    yield "";
                  }
                };
            if (!errors.isEmpty()) {
              return FormGuard.Submitted.refused(
                  CoachPages.file(w, new FileView(tremplin, clock, w), errors, form, 400));
            }
            return FormGuard.Submitted.done(fileAddress(w, section));
          },
          status -> FormPages.refused(t.locale(), status, ROOT));
    } catch (TremplinException e) {
      return switch (e.code()) {
        case ACCESS_DENIED, LEARNER_NOT_FOUND, LEARNER_NOT_ENROLLED -> refusal(request, t, e);
        case MEETING_NOT_FOUND,
            MEETING_OUTCOME_ALREADY_RECORDED,
            BARRIER_NOT_FOUND,
            BARRIER_CLOSED,
            OBJECTIVE_NOT_FOUND,
            ACTION_NOT_FOUND,
            ACTION_ALREADY_CLOSED,
            ALERT_NOT_FOUND,
            ALERT_ALREADY_RESOLVED,
            INVALID_ARGUMENT ->
            CoachPages.fileWithNotice(
                w, view(w), FormErrors.in(t.locale()), t.get("coach.error.conflict"), 409);
        default -> throw e;
      };
    }
  }

  // ---- the writes: each validates, calls core (joining the form's transaction), names its section

  private String recordMeeting(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    CoachText t = w.t();
    String meeting = text(form, "meeting");
    String outcome = text(form, "outcome");
    String note = text(form, "meeting-note");
    String confidential = w.mayReadConfidential() ? text(form, "meeting-confidential") : "";
    Optional<MeetingId> planned = Optional.empty();
    if (!meeting.equals("now")) {
      planned = uuid(meeting).map(MeetingId::new);
      if (planned.isEmpty()) {
        errors.add("meeting", t.get("coach.error.meeting"));
      }
    }
    if (!outcome.equals("HELD")
        && !outcome.equals("MISSED_LEARNER")
        && !outcome.equals("MISSED_COACH")) {
      errors.add("outcome", t.get("coach.error.outcome"));
    }
    if (note.length() > CoachingMeeting.MAX_NOTE) {
      errors.add("meeting-note", t.get("coach.error.long", CoachingMeeting.MAX_NOTE));
    }
    if (confidential.length() > CoachingMeeting.MAX_CONFIDENTIAL_NOTE) {
      errors.add(
          "meeting-confidential", t.get("coach.error.long", CoachingMeeting.MAX_CONFIDENTIAL_NOTE));
    } else if (!confidential.isEmpty() && !outcome.equals("HELD")) {
      errors.add("meeting-confidential", t.get("coach.error.confidential.missed"));
    }
    if (!errors.isEmpty()) {
      return "";
    }
    MeetingOutcome result =
        switch (outcome) {
          case "HELD" -> new MeetingOutcome.Held(note, confidential);
          case "MISSED_LEARNER" -> new MeetingOutcome.Missed(MissedBy.LEARNER, note);
          default -> new MeetingOutcome.Missed(MissedBy.COACH, note);
        };
    var cohort = w.member().cohort().id();
    var learner = w.member().learner().id();
    MeetingId id =
        planned.orElseGet(
            () ->
                tremplin
                    .coaching()
                    .planMeeting(
                        w.actor(),
                        cohort,
                        learner,
                        LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES),
                        "")
                    .id());
    tremplin.coaching().recordOutcome(w.actor(), cohort, learner, id, result);
    return "meetings";
  }

  private String planMeeting(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    CoachText t = w.t();
    Optional<LocalDate> day = date(text(form, "plan-day"));
    Optional<LocalTime> time = time(text(form, "plan-time"));
    String note = text(form, "plan-note");
    LocalDateTime now = LocalDateTime.now(clock);
    if (day.isEmpty()) {
      errors.add("plan-day", t.get("coach.error.date"));
    }
    if (time.isEmpty()) {
      errors.add("plan-time", t.get("coach.error.time"));
    }
    if (day.isPresent() && time.isPresent() && day.get().atTime(time.get()).isBefore(now)) {
      errors.add("plan-day", t.get("coach.error.plan.past"));
    }
    if (note.length() > CoachingMeeting.MAX_NOTE) {
      errors.add("plan-note", t.get("coach.error.long", CoachingMeeting.MAX_NOTE));
    }
    if (!errors.isEmpty()) {
      return "";
    }
    tremplin
        .coaching()
        .planMeeting(
            w.actor(),
            w.member().cohort().id(),
            w.member().learner().id(),
            day.get().atTime(time.get()),
            note);
    return "meetings";
  }

  private String openBarrier(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    CoachText t = w.t();
    Optional<BarrierCategory> category = option(BarrierCategory.class, text(form, "category"));
    Optional<BarrierSeverity> severity = option(BarrierSeverity.class, text(form, "severity"));
    String description = text(form, "barrier-description");
    if (category.isEmpty()) {
      errors.add("category", t.get("coach.error.category"));
    }
    if (severity.isEmpty()) {
      errors.add("severity", t.get("coach.error.severity"));
    }
    if (description.isEmpty()) {
      errors.add("barrier-description", t.get("coach.error.description"));
    } else if (description.length() > 2000) {
      errors.add("barrier-description", t.get("coach.error.long", 2000));
    }
    if (!errors.isEmpty()) {
      return "";
    }
    tremplin
        .coaching()
        .openBarrier(
            w.actor(),
            w.member().cohort().id(),
            w.member().learner().id(),
            new NewBarrier(category.get(), severity.get(), LocalDate.now(clock), description));
    return "barriers";
  }

  private String changeBarrier(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    CoachText t = w.t();
    Optional<UUID> barrier = uuid(text(form, "barrier"));
    if (barrier.isEmpty()) {
      errors.add("do", t.get("coach.error.form"));
      return "";
    }
    String suffix = barrier.get().toString();
    Optional<BarrierStatus> status = option(BarrierStatus.class, text(form, "status-" + suffix));
    String note = text(form, "result-" + suffix);
    if (status.isEmpty()) {
      errors.add("status-" + suffix, t.get("coach.error.status"));
    } else if (status.get().closes() && note.isEmpty()) {
      errors.add("result-" + suffix, t.get("coach.error.result"));
    }
    if (note.length() > 2000) {
      errors.add("result-" + suffix, t.get("coach.error.long", 2000));
    }
    if (!errors.isEmpty()) {
      return "";
    }
    tremplin
        .coaching()
        .changeBarrierStatus(
            w.actor(),
            w.member().cohort().id(),
            w.member().learner().id(),
            new BarrierId(barrier.get()),
            status.get(),
            LocalDate.now(clock),
            note);
    return "barriers";
  }

  private String addAction(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    CoachText t = w.t();
    String objective = text(form, "objective");
    String title = text(form, "objective-title");
    String description = text(form, "action-description");
    Optional<ActionOwner> owner = option(ActionOwner.class, text(form, "owner"));
    Optional<LocalDate> due = date(text(form, "due"));
    Optional<ObjectiveId> existing = Optional.empty();
    if (objective.equals("new")) {
      if (title.isEmpty()) {
        errors.add("objective-title", t.get("coach.error.objective.title"));
      } else if (title.length() > 200) {
        errors.add("objective-title", t.get("coach.error.long", 200));
      }
    } else {
      existing = uuid(objective).map(ObjectiveId::new);
      if (existing.isEmpty()) {
        errors.add("objective", t.get("coach.error.objective"));
      }
    }
    if (description.isEmpty()) {
      errors.add("action-description", t.get("coach.error.description"));
    } else if (description.length() > 500) {
      errors.add("action-description", t.get("coach.error.long", 500));
    }
    if (owner.isEmpty()) {
      errors.add("owner", t.get("coach.error.owner"));
    }
    if (due.isEmpty()) {
      errors.add("due", t.get("coach.error.date"));
    }
    if (!errors.isEmpty()) {
      return "";
    }
    var cohort = w.member().cohort().id();
    var learner = w.member().learner().id();
    ObjectiveId target =
        existing.orElseGet(
            () ->
                tremplin
                    .coaching()
                    .addObjective(
                        w.actor(),
                        cohort,
                        learner,
                        new NewObjective(
                            title, new ObjectiveFocus.CareerProject(), LocalDate.now(clock)))
                    .id());
    tremplin
        .coaching()
        .addAction(
            w.actor(), cohort, learner, target, new NewAction(description, owner.get(), due.get()));
    return "plan";
  }

  private String closeAction(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    Optional<UUID> action = uuid(text(form, "action"));
    Optional<ActionStatus> status =
        option(ActionStatus.class, text(form, "status")).filter(s -> s != ActionStatus.TODO);
    if (action.isEmpty() || status.isEmpty()) {
      errors.add("do", w.t().get("coach.error.form"));
      return "";
    }
    tremplin
        .coaching()
        .closeAction(
            w.actor(),
            w.member().cohort().id(),
            w.member().learner().id(),
            new ActionId(action.get()),
            status.get());
    return "plan";
  }

  private String changeAlert(Who w, MultivaluedMap<String, String> form, FormErrors errors) {
    Optional<UUID> alert = uuid(text(form, "alert"));
    String change = text(form, "change");
    if (alert.isEmpty() || !(change.equals("ACKNOWLEDGE") || change.equals("RESOLVE"))) {
      errors.add("do", w.t().get("coach.error.form"));
      return "";
    }
    // only the alerts of this learner's file: another learner's alert is not found here
    boolean ours =
        tremplin
            .alerts()
            .open(w.actor(), w.member().cohort().id(), w.member().learner().id())
            .stream()
            .anyMatch(a -> a.id().equals(alert.get()));
    if (!ours) {
      throw new TremplinException(ErrorCode.ALERT_NOT_FOUND, "no open alert " + alert.get());
    }
    if (change.equals("ACKNOWLEDGE")) {
      tremplin.alerts().acknowledge(w.actor(), alert.get());
    } else {
      tremplin.alerts().resolve(w.actor(), alert.get());
    }
    return "alerts";
  }

  // ---- who reads, and refusals

  private Optional<Who> who(RequestSession request, String learnerText, CoachText t) {
    Optional<Actor> actor = request.actor();
    if (actor.isEmpty()) {
      throw new TremplinException(ErrorCode.ACCESS_DENIED, "the session grants nothing");
    }
    Optional<UUID> id = uuid(learnerText);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    CaseMember member = tremplin.caseloads().member(actor.get(), new LearnerId(id.get()));
    Target target =
        new Target.OfLearner(
            member.cohort().school(),
            member.cohort().id(),
            member.learner().id(),
            member.referentCoach());
    var access = tremplin.access();
    return Optional.of(
        new Who(
            request,
            actor.get(),
            member,
            schoolName(member),
            t,
            forms.fields(request),
            access.allows(actor.get(), Operation.COACHING_WRITE, target),
            access.allows(actor.get(), Operation.INSERTION_WRITE, target),
            access.allows(actor.get(), Operation.CONFIDENTIAL_NOTE_READ, target)));
  }

  private String schoolName(CaseMember member) {
    try {
      return tremplin.schools().get(member.cohort().school()).name();
    } catch (TremplinException e) {
      return "";
    }
  }

  /** The file read in one transaction: the audit lines of its reads are committed once. */
  private FileView view(Who w) {
    return tremplin.transactions().inTransaction(h -> new FileView(tremplin, clock, w));
  }

  private static Response refusal(RequestSession request, CoachText t, TremplinException e) {
    return switch (e.code()) {
      case ACCESS_DENIED -> CoachPages.forbidden(request, ROOT);
      case LEARNER_NOT_FOUND, LEARNER_NOT_ENROLLED -> CoachPages.notFound(request, t, ROOT);
      default -> throw e;
    };
  }

  // ---- addresses and parsing

  private URI fileAddress(Who w, String section) {
    return baseUrl.resolve(
        fileHref("", w.member().learner().id(), w.request().token())
            + (section.isEmpty() ? "" : "#" + section));
  }

  /** A learner's file, from {@code root}. */
  static String fileHref(String root, LearnerId learner, String token) {
    return root + "app/coach/learners/" + learner.value() + "?" + tokenParameter(token);
  }

  /** The caseload, from {@code root}. */
  static String caseloadHref(String root, String token) {
    return root + "app/caseload?" + tokenParameter(token);
  }

  /** The home page, from {@code root}. */
  static String homeHref(String root, String token) {
    return root + "app/home?" + tokenParameter(token);
  }

  private static String tokenParameter(String token) {
    return SessionCookie.PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  static String text(MultivaluedMap<String, String> form, String field) {
    return Optional.ofNullable(form.getFirst(field)).orElse("").strip();
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalTime> time(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(LocalTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> option(Class<E> type, String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Enum.valueOf(type, text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
