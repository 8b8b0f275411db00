package org.tremplin.web.path;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code GET /app/path}: "Mon parcours", the learner's own path in the cohort of their course (the
 * session's learner grant names the learner, the session the cohort). Anyone else gets 403. Read
 * only; a learner who left sees it up to their exit. Thread-safe.
 */
@Path("app/path")
@WithSession
public final class PathResource {
  /** The way back to the root from {@code /app/path}. */
  static final String ROOT = "../";

  private final PathView view;

  /** Over this engine, "today" from this clock. */
  public PathResource(Tremplin tremplin, Clock clock) {
    this.view = new PathView(tremplin, clock);
  }

  /** The learner's path. */
  @GET
  public Response path(@Context SecurityContext security) {
    return ownPath(view, RequestSession.of(security), ROOT);
  }

  /**
   * The learner's own path for this request's session, or 403 when the session is not a learner's
   * of a cohort; {@code /app/home} answers it too, so a learner lands on it.
   *
   * @param root the way from the page's address to the application's root
   */
  public static Response ownPath(PathView view, RequestSession request, String root) {
    AppSession session = request.session();
    Optional<LearnerId> learner = learnerOf(session);
    CohortId cohort = session.cohortId();
    Optional<Actor> actor = session.actor();
    if (learner.isEmpty() || cohort == null || actor.isEmpty()) {
      return forbidden(session);
    }
    return Pages.html(
        200,
        view.render(
            actor.get(),
            cohort,
            learner.get(),
            session.locale(),
            root,
            List.of(),
            true,
            session.displayName()));
  }

  /** The learner a session's learner grant names, if it has one. */
  public static Optional<LearnerId> learnerOf(AppSession session) {
    for (Grant g : session.grants()) {
      if (g.role() == Role.LEARNER && g.scope() instanceof Scope.OfLearner l) {
        return Optional.of(l.learner());
      }
    }
    return Optional.empty();
  }

  private static Response forbidden(AppSession session) {
    Texts t = Texts.of(PathView.BUNDLE, session.locale());
    return Pages.html(
        403,
        Templates.web()
            .render(
                "path/forbidden.jte",
                new Forbidden(Layout.of(t.locale(), t.get("path.forbidden.title"), "", ROOT), t)));
  }

  /** The page saying the path is a learner's own. */
  record Forbidden(Layout layout, Texts t) {}
}
