package org.tremplin.web.cohort;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.grades.GradeDeliveries;
import org.tremplin.lti.grades.LmsGrades;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.page.Pages;
import org.tremplin.web.path.PathView;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/cohorts/{cohort}/...}: the cohort pages of its trainers (and of the coaches and
 * managers who may read it). Every page reads the engine as the session's actor, so a user whose
 * grants do not cover the cohort (a trainer of another cohort, a learner) gets 403; forms post back
 * with the session token and show their errors next to each field, the values kept; a recorded form
 * redirects (303) to the page that shows the result. Thread-safe.
 */
@Path("app/cohorts/{cohort}")
@WithSession
public final class CohortResource {
  private final Tremplin tremplin;
  private final FormGuard guard;
  private final CohortPages pages;
  private final CohortForms forms;
  private final CohortGrades grades;

  /**
   * Over this engine, its forms guarded by {@code guard} (ADR 0010), "today" from this clock, links
   * under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param guard the guard
   * @param clock the clock read for "now"
   * @param baseUrl the tool's public base URL
   * @param deliveries what became of the scores sent to the LMS gradebook
   * @param lmsGrades reads the LMS's grades back as evidence
   */
  public CohortResource(
      Tremplin tremplin,
      FormGuard guard,
      Clock clock,
      URI baseUrl,
      GradeDeliveries deliveries,
      LmsGrades lmsGrades) {
    this.tremplin = tremplin;
    this.guard = guard;
    PathView path = new PathView(tremplin, clock);
    this.pages = new CohortPages(tremplin, path, clock, baseUrl.getRawPath());
    this.forms = new CohortForms(tremplin, pages, guard, clock);
    this.grades = new CohortGrades(tremplin, pages, guard, deliveries, lmsGrades);
  }

  /**
   * The roster.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the roster
   */
  @GET
  public Response roster(@PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(cohort, security, pages::roster);
  }

  /**
   * The competency grid.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the competency grid
   */
  @GET
  @Path("grid")
  public Response grid(@PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(cohort, security, pages::grid);
  }

  /**
   * The cohort calendar.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the cohort calendar
   */
  @GET
  @Path("calendar")
  public Response calendar(@PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(cohort, security, pages::calendar);
  }

  /**
   * A learner's pedagogical file.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param security the request's security context (its session)
   * @return a learner's pedagogical file
   */
  @GET
  @Path("learners/{learner}")
  public Response learner(
      @PathParam("cohort") String cohort,
      @PathParam("learner") String learner,
      @Context SecurityContext security) {
    LearnerId id = new LearnerId(uuid(learner));
    return guarded(cohort, security, c -> pages.learnerFile(c, id));
  }

  /**
   * The form recording an assessment, possibly for chosen learners and a competency.
   *
   * @param cohort the cohort
   * @param learners the learners
   * @param competency the competency
   * @param recorded the recorded
   * @param security the request's security context (its session)
   * @return the form recording an assessment, possibly for chosen learners and a competency
   */
  @GET
  @Path("assessments/new")
  public Response assessmentForm(
      @PathParam("cohort") String cohort,
      @QueryParam("learner") List<String> learners,
      @QueryParam("competency") @Nullable String competency,
      @QueryParam("recorded") @Nullable String recorded,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c -> forms.assessmentForm(c, learners, competency == null ? "" : competency, recorded));
  }

  /**
   * Records an assessment for one learner or several, in one transaction.
   *
   * @param cohort the cohort
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("assessments")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response assess(
      @PathParam("cohort") String cohort,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(cohort, security, c -> once(c, form, () -> forms.assess(c, form)));
  }

  /**
   * The form adding a learner by hand.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the form adding a learner by hand
   */
  @GET
  @Path("learners/new")
  public Response addLearnerForm(
      @PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(cohort, security, forms::addLearnerForm);
  }

  /**
   * Adds a learner by hand: registered in the school and joined to the cohort, in one go.
   *
   * @param cohort the cohort
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("learners")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addLearner(
      @PathParam("cohort") String cohort,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(cohort, security, c -> once(c, form, () -> forms.addLearner(c, form)));
  }

  /**
   * The cohort's LMS grades: scores sent, waiting and refused (with the platform's answer), and the
   * button reading the LMS's grades back.
   *
   * @param cohort the cohort
   * @param imported how many pieces of evidence the read-back recorded, after it
   * @param security the request's security context (its session)
   * @return the LMS grades page
   */
  @GET
  @Path("grades")
  public Response grades(
      @PathParam("cohort") String cohort,
      @QueryParam("imported") @Nullable String imported,
      @Context SecurityContext security) {
    return guarded(cohort, security, c -> grades.page(c, imported));
  }

  /**
   * Reads the LMS's grades back as evidence with source "LMS grade", once per submission.
   *
   * @param cohort the cohort
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("grades/import")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importGrades(
      @PathParam("cohort") String cohort,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(cohort, security, c -> once(c, form, () -> grades.importResults(c)));
  }

  /**
   * Resolves the cohort as the session's actor and runs the page; a refusal (no grant, or grants
   * that do not cover the cohort) is the localised 403 page.
   */
  private Response guarded(
      String cohortParam, SecurityContext security, Function<CohortContext, Response> page) {
    RequestSession request = RequestSession.of(security);
    CohortId id = new CohortId(uuid(cohortParam));
    Actor actor = request.actor().orElse(null);
    if (actor == null) {
      return pages.forbidden(request.session().locale());
    }
    try {
      Cohort cohort = tremplin.cohorts().get(actor, id);
      return page.apply(new CohortContext(request, actor, cohort));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return pages.forbidden(request.session().locale());
      }
      throw e;
    }
  }

  /**
   * Runs a form's write once for its submission id, in one transaction (a double submit records
   * once and is sent where the first went).
   */
  private Response once(
      CohortContext c,
      MultivaluedMap<String, String> form,
      java.util.function.Supplier<FormGuard.Submitted> write) {
    return guard.once(
        c.request(),
        form,
        write,
        status -> FormPages.refused(c.request().session().locale(), status, pages.root()));
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  /** Used by pages to answer HTML; kept here so the resource's imports show the one way out. */
  static Response html(int status, String html) {
    return Pages.html(status, html);
  }

  /** A link to a page under {@code base} carrying the session token. */
  static String link(String base, String path, String token) {
    return AppPages.withToken(URI.create(base + path), token).toString();
  }
}
