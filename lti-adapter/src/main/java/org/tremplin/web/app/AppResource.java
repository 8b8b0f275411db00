package org.tremplin.web.app;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.identity.CourseLinking;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.PendingLink;
import org.tremplin.lti.session.Sessions;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.path.PathResource;
import org.tremplin.web.path.PathView;
import org.tremplin.web.school.SchoolResource;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/...}: the pages shown in the LMS iframe after a launch. {@code GET /app/home} is the
 * landing page of the session's roles; {@code GET /app/link} offers to link the launch's course to
 * an existing cohort ({@code POST /app/link}) or to a new one opened from a programme template
 * ({@code POST /app/link/new}). Every page needs an app session, resolved by the {@link
 * org.tremplin.web.session.SessionFilter} before the method runs (forms must carry the token, which
 * also protects them from cross-site posts). Thread-safe.
 */
@Path("app")
@WithSession
public final class AppResource {
  /** Most places a cohort may have (DOMAIN.md). */
  static final int MAX_CAPACITY = 24;

  private final PathView path;
  private final Sessions sessions;
  private final CourseLinking linking;
  private final Tremplin tremplin;
  private final FormGuard forms;
  private final URI baseUrl;
  private final java.util.function.Consumer<org.tremplin.lti.launch.CourseContext> linkedCourses;
  private final org.tremplin.web.school.KnownCoaches coaches;

  /**
   * Over these sessions, links, domain engine and forms' guard; links are built under {@code
   * baseUrl}; "today" on a learner's path from this clock; {@code linkedCourses} is told of each
   * course once it is linked (the roster sync reads its members), after the link is committed,
   * before the trainer's home page.
   *
   * @param sessions the sessions
   * @param directory the directory
   * @param tremplin the engine
   * @param forms the forms' guard (CSRF value, one-time submissions)
   * @param baseUrl the tool's public base URL
   * @param clock the clock read for "today"
   * @param linkedCourses told of each course just linked
   */
  public AppResource(
      Sessions sessions,
      LtiDirectory directory,
      Tremplin tremplin,
      FormGuard forms,
      URI baseUrl,
      java.time.Clock clock,
      java.util.function.Consumer<org.tremplin.lti.launch.CourseContext> linkedCourses) {
    this.path = new PathView(tremplin, clock);
    this.sessions = sessions;
    this.forms = forms;
    this.linking = new CourseLinking(tremplin, directory);
    this.tremplin = tremplin;
    this.baseUrl = baseUrl;
    this.linkedCourses = linkedCourses;
    this.coaches = new org.tremplin.web.school.KnownCoaches(tremplin, clock);
  }

  /**
   * The landing page of the session's roles; a learner (and nothing else) lands on their path.
   *
   * @param view {@code roles} for the page of every role the session holds, even for a manager (who
   *     otherwise lands on the school's dashboard)
   * @param security the request's security context (its session)
   * @return the landing page of the session's roles
   */
  @GET
  @Path("home")
  public Response home(
      @jakarta.ws.rs.QueryParam("view") @Nullable String view, @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    if (request.session().pendingLink() != null) {
      return seeOther("app/link", request.token());
    }
    if (request.session().roles().equals(java.util.Set.of(org.tremplin.api.access.Role.ADMIN))) {
      return seeOther("app/admin", request.token()); // an administrator's page is its school's
    }
    AppSession session = request.session();
    coaches.remember(session); // a coach: the school's referent form offers them by name (h24)
    if (session.roles().contains(org.tremplin.api.access.Role.MANAGER)
        && !"roles".equals(view) // the home of every role held, from the dashboard's nav (h24)
        && session.actor().flatMap(SchoolResource::managedSchool).isPresent()) {
      return seeOther("app/school", request.token()); // a manager lands on the school (issue 13)
    }
    if (session.roles().equals(java.util.Set.of(org.tremplin.api.access.Role.LEARNER))
        && session.cohortId() != null) {
      return PathResource.ownPath(path, request, "../"); // a learner lands on their path (issue 12)
    }
    if (session.roles().equals(java.util.Set.of(org.tremplin.api.access.Role.COACH))) {
      return seeOther(
          "app/caseload", request.token()); // a coach lands on their caseload (issue 13)
    }
    return AppPages.home(request.session(), tremplin, request.token());
  }

  /**
   * The page offering to link the course to a cohort.
   *
   * @param security the request's security context (its session)
   * @return the page offering to link the course to a cohort
   */
  @GET
  @Path("link")
  public Response linkPage(@Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    PendingLink link = request.session().pendingLink();
    if (link == null) {
      return seeOther("app/home", request.token());
    }
    return linkPage(FROM_LINK, request, link, null, 200);
  }

  /**
   * Links the course to an existing cohort of the school.
   *
   * @param body the posted form, absent when nothing was posted
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("link")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response link(
      @Nullable MultivaluedMap<String, String> body, @Context SecurityContext security) {
    // a post without a body: an empty form, refused like one (400)
    MultivaluedMap<String, String> form = body == null ? new MultivaluedHashMap<>() : body;
    RequestSession request = RequestSession.of(security);
    AppSession session = request.session();
    PendingLink link = session.pendingLink();
    if (link == null) {
      return AppPages.forbidden(session.locale());
    }
    AppText text = AppText.of(session.locale());
    Optional<Cohort> cohort =
        parseUuid(form.getFirst("cohort"))
            .flatMap(
                id ->
                    cohortsOf(session, link).stream()
                        .filter(c -> c.id().equals(new CohortId(id)))
                        .findFirst());
    if (cohort.isEmpty()) {
      return linkPage(FROM_LINK, request, link, text.get("link.error.cohort"), 400);
    }
    return complete(request, link, cohort.get());
  }

  /**
   * Opens a cohort from a template in the school and links the course to it, in one transaction: a
   * refused link leaves no cohort.
   *
   * @param body the posted form, absent when nothing was posted
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("link/new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @Nullable MultivaluedMap<String, String> body, @Context SecurityContext security) {
    // a post without a body: an empty form, refused like one (400)
    MultivaluedMap<String, String> form = body == null ? new MultivaluedHashMap<>() : body;
    RequestSession request = RequestSession.of(security);
    String token = request.token();
    AppSession session = request.session();
    PendingLink link = session.pendingLink();
    if (link == null) {
      return AppPages.forbidden(session.locale());
    }
    AppText text = AppText.of(session.locale());
    String name = Optional.ofNullable(form.getFirst("name")).map(String::strip).orElse("");
    if (name.isEmpty() || name.length() > 200) {
      return linkPage(FROM_NEW, request, link, text.get("link.error.name"), 400);
    }
    Optional<TemplateRef> template =
        tremplin.templates().list().stream()
            .filter(r -> r.toString().equals(form.getFirst("template")))
            .findFirst();
    if (template.isEmpty()) {
      return linkPage(FROM_NEW, request, link, text.get("link.error.template"), 400);
    }
    Optional<LocalDate> start = parseDate(form.getFirst("start"));
    String endText = Optional.ofNullable(form.getFirst("end")).orElse("").strip();
    Optional<LocalDate> end = endText.isEmpty() ? Optional.empty() : parseDate(endText);
    if (start.isEmpty() || (!endText.isEmpty() && end.isEmpty())) {
      return linkPage(FROM_NEW, request, link, text.get("link.error.date"), 400);
    }
    int capacity;
    try {
      capacity =
          Integer.parseInt(Optional.ofNullable(form.getFirst("capacity")).orElse("").strip());
    } catch (NumberFormatException e) {
      capacity = -1;
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      return linkPage(FROM_NEW, request, link, text.get("link.error.capacity"), 400);
    }
    ProgrammeTemplate programme = tremplin.templates().get(template.get());
    LocalDate last;
    try {
      // by default the programme ends on the last working day of its last week (not a Sunday)
      last =
          end.isPresent()
              ? end.get()
              : tremplin
                  .calendars()
                  .programmeEnd(
                      start.get(),
                      tremplin.schools().get(link.school()).departement(),
                      List.of(),
                      programme);
    } catch (TremplinException e) {
      return linkPage(FROM_NEW, request, link, text.get("link.error", e.getMessage()), 400);
    }
    NewCohort cohort =
        new NewCohort(
            link.school(),
            name,
            new DateRange(start.get(), last),
            template.get(),
            capacity,
            List.of());
    try {
      return linked(session, link, linking.openAndLink(link, cohort, session.personId()), token);
    } catch (LtiException e) { // the course was linked meanwhile: no cohort was opened
      return linkPage(FROM_NEW, request, link, text.get("link.error", e.getMessage()), 409);
    } catch (TremplinException e) {
      return linkPage(FROM_NEW, request, link, text.get("link.error", e.getMessage()), 400);
    }
  }

  private Response complete(RequestSession request, PendingLink link, Cohort cohort) {
    AppSession session = request.session();
    String token = request.token();
    try {
      linking.link(link, cohort, session.personId());
    } catch (TremplinException | LtiException e) {
      AppText text = AppText.of(session.locale());
      return linkPage(FROM_LINK, request, link, text.get("link.error", e.getMessage()), 409);
    }
    return linked(session, link, cohort, token);
  }

  /** The session now grants what the link gives; on to the home page. */
  private Response linked(AppSession session, PendingLink link, Cohort cohort, String token) {
    sessions.update(token, LaunchIdentities.grantsOnceLinked(link, cohort), cohort.id());
    linkedCourses.accept(link.course());
    return seeOther("app/home", token);
  }

  /** The way back to the tool's root from {@code /app/link}. */
  private static final String FROM_LINK = "../";

  /** The way back to the tool's root from {@code /app/link/new} (a refused form is shown there). */
  private static final String FROM_NEW = "../../";

  private Response linkPage(
      String root, RequestSession request, PendingLink link, @Nullable String error, int status) {
    AppSession session = request.session();
    String school = tremplin.schools().get(link.school()).name();
    return AppPages.link(
        root,
        session,
        school,
        cohortsOf(session, link),
        tremplin.templates().list(),
        forms.fields(request),
        error,
        status);
  }

  private List<Cohort> cohortsOf(AppSession session, PendingLink link) {
    return tremplin
        .cohorts()
        .bySchool(LaunchIdentities.linkingActor(session.personId(), link.school()), link.school());
  }

  private Response seeOther(String path, String token) {
    return Response.seeOther(AppPages.withToken(baseUrl.resolve(path), token))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static Optional<UUID> parseUuid(@Nullable String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> parseDate(@Nullable String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
