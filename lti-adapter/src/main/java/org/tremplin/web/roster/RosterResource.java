package org.tremplin.web.roster;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.roster.RosterOutcome;
import org.tremplin.lti.roster.RosterState;
import org.tremplin.lti.roster.RosterSync;
import org.tremplin.lti.roster.RosterTrigger;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.SessionCookie;
import org.tremplin.web.session.WithSession;

/**
 * {@code GET /app/roster}: the roster of each course linked to the session's cohort, as last read
 * (when, how many, who is left out for lack of room, or that the platform does not share it);
 * {@code POST /app/roster/sync}: reads them now and answers the same page with the result. Both for
 * a trainer of the cohort or a manager of its school (403 otherwise); the form carries the session
 * token, which also protects it from cross-site posts. Thread-safe.
 */
@Path("app/roster")
@WithSession
public final class RosterResource {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
  private static final String CSP =
      "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'";

  private final RosterSync rosters;
  private final Tremplin tremplin;
  private final URI baseUrl;
  private final FormGuard forms;

  /**
   * Over this roster sync and engine; links are built under {@code baseUrl}; the sync form carries
   * the CSRF value of {@code forms} (ADR 0010).
   *
   * @param rosters the roster sync
   * @param tremplin the engine
   * @param baseUrl the tool's public base URL
   * @param forms the forms' guard
   */
  public RosterResource(RosterSync rosters, Tremplin tremplin, URI baseUrl, FormGuard forms) {
    this.rosters = rosters;
    this.tremplin = tremplin;
    this.baseUrl = baseUrl;
    this.forms = forms;
  }

  /**
   * The roster page.
   *
   * @param security the request's security context (its session)
   * @return the roster page
   */
  @GET
  public Response page(@Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    return answer(request, "../", null, 200);
  }

  /**
   * Reads the rosters now; the page with the result.
   *
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("sync")
  public Response sync(@Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    Optional<CohortId> cohort = cohortOf(request.session());
    if (cohort.isEmpty()) {
      return answer(request, "../../", null, 403);
    }
    List<RosterOutcome> outcomes = rosters.syncCohort(cohort.get(), RosterTrigger.ON_DEMAND);
    RosterText t = RosterText.of(request.session().locale());
    return answer(request, "../../", result(t, outcomes), 200);
  }

  /** The result message of an on-demand sync, in the page's language. */
  static String result(RosterText t, List<RosterOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return t.get("roster.result.none");
    }
    List<String> lines = new ArrayList<>();
    for (RosterOutcome outcome : outcomes) {
      if (outcome instanceof RosterOutcome.Synced s) {
        lines.add(
            t.get(
                "roster.result.synced", s.members(), s.joined(), s.leftOut().size(), s.inactive()));
      } else if (outcome instanceof RosterOutcome.NotOffered) {
        lines.add(t.get("roster.notShared"));
      } else if (outcome instanceof RosterOutcome.Failed f) {
        lines.add(t.get("roster.result.failed", f.code().name()));
      } else {
        lines.add(t.get("roster.result.none"));
      }
    }
    return String.join(" ", lines);
  }

  private Response answer(
      RequestSession request, String root, @Nullable String result, int status) {
    AppSession session = request.session();
    RosterText t = RosterText.of(session.locale());
    Optional<CohortId> cohortId = cohortOf(session);
    if (cohortId.isEmpty() || status == 403) {
      return render(
          403,
          new RosterPage(
              Layout.of(t.locale(), t.get("roster.title"), "", root),
              t,
              root,
              t.get("roster.forbidden"),
              null,
              List.of(),
              false,
              SessionCookie.PARAMETER,
              request.token(),
              forms.csrf(request.token()),
              home(request)));
    }
    Cohort cohort = LaunchIdentities.cohort(tremplin, cohortId.get());
    Actor actor = session.actor().orElseThrow();
    List<CourseLine> courses = new ArrayList<>();
    for (RosterState state : rosters.states(cohortId.get())) {
      courses.add(line(t, state, actor, cohort));
    }
    String school;
    try {
      school = tremplin.schools().get(cohort.school()).name();
    } catch (TremplinException e) {
      school = "";
    }
    return render(
        status,
        new RosterPage(
            Layout.of(t.locale(), t.get("roster.title"), school, root),
            t,
            root,
            null,
            result,
            courses,
            true,
            SessionCookie.PARAMETER,
            request.token(),
            forms.csrf(request.token()),
            home(request)));
  }

  private CourseLine line(RosterText t, RosterState state, Actor actor, Cohort cohort) {
    String read =
        switch (state.kind()) {
          case NO_SERVICE -> t.get("roster.notShared");
          case FAILED ->
              t.get("roster.failed", Optional.ofNullable(state.failure()).orElse("").split(":")[0]);
          case SYNCED ->
              t.get(
                  "roster.read",
                  t.moment(state.attemptedAt(), tremplin.clock().getZone()),
                  state.members(),
                  state.learners());
        };
    String last =
        state
            .lastRead()
            .map(at -> t.get("roster.lastRead", t.moment(at, tremplin.clock().getZone())))
            .orElse(t.get("roster.never"));
    List<String> leftOut = new ArrayList<>();
    if (!state.leftOut().isEmpty()) {
      // left out = never joined: read their names as the sync does (this page is the cohort's
      // trainers' and managers' only, and the course's roster lists them anyway)
      Actor roster =
          Actor.of(RosterSync.ACTOR_ID, Role.MANAGER, new Scope.OfSchool(cohort.school()));
      for (LearnerId id : state.leftOut()) {
        try {
          leftOut.add(tremplin.learners().get(roster, id).displayName());
        } catch (TremplinException e) {
          leftOut.add("—");
        }
      }
    }
    return new CourseLine(
        state.course().contextId(),
        read,
        last,
        leftOut.isEmpty() ? null : t.get("roster.leftOut", leftOut.size()),
        leftOut);
  }

  /** The cohort of the session, when its grants let it manage the roster (trainer or manager). */
  private static Optional<CohortId> cohortOf(AppSession session) {
    CohortId cohort = session.cohortId();
    if (cohort == null) {
      return Optional.empty();
    }
    for (Grant g : session.grants()) {
      if (g.role() == Role.TRAINER
          && g.scope() instanceof Scope.OfCohort c
          && c.cohort().equals(cohort)) {
        return Optional.of(cohort);
      }
      if (g.role() == Role.MANAGER && g.scope() instanceof Scope.OfSchool) {
        return Optional.of(cohort);
      }
    }
    return Optional.empty();
  }

  private String home(RequestSession request) {
    return org.tremplin.web.app.AppPages.withToken(baseUrl.resolve("app/home"), request.token())
        .toString();
  }

  private static Response render(int status, RosterPage page) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP)
        .entity(Templates.web().render("roster/roster.jte", page))
        .build();
  }

  /**
   * One linked course's roster as shown: its id, the last attempt's line, when it was last read,
   * the left-out line (null when nobody is) and their names.
   */
  record CourseLine(
      String course, String state, String lastRead, @Nullable String leftOut, List<String> names) {}

  /**
   * The roster page: {@code error} (a refusal) or {@code result} (of a sync) when there is one;
   * {@code canSync} shows the button.
   */
  record RosterPage(
      Layout layout,
      RosterText t,
      String root,
      @Nullable String error,
      @Nullable String result,
      List<CourseLine> courses,
      boolean canSync,
      String tokenParameter,
      String token,
      String csrf,
      String home) {}
}
