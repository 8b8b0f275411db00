package org.tremplin.web.school;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.dashboard.CohortFigures;
import org.tremplin.api.dashboard.SchoolDashboard;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.core.Tremplin;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.page.Texts;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/school}: the manager's pages. {@code GET /app/school} is the school at a glance
 * ({@code ?format=csv&table=cohorts|path|rates|exits} downloads one of its tables); {@code GET
 * /app/school/cohorts/{cohort}/{figure}} and {@code GET /app/school/exits/{category}} list the
 * learners behind a figure (also as CSV with {@code ?format=csv}); the forms open a cohort ({@code
 * cohorts/new}), add and enrol a learner ({@code learners/new}), assign referent coaches ({@code
 * referents}), set the school's alert thresholds ({@code thresholds}), and declare a learner's
 * funder facts and certification result ({@code funder}, {@code learners/{id}/facts}); a learner's
 * personal data ({@code learners/{id}/privacy}: the audit trail, the export, the erasure behind a
 * confirmation) answers a learner's GDPR request. The school is the session's (its manager grant),
 * or {@code ?school=} for a network role; every read and write goes through the engine as the
 * session's actor, so anyone else gets the localised 403 page and nothing is written. Thread-safe.
 */
@Path("app/school")
@WithSession
public final class SchoolResource {
  private final Tremplin tremplin;
  private final FormGuard guard;
  private final SchoolForms forms;
  private final FunderFactsForms facts;
  private final PrivacyPages privacy;
  private final String root;

  /**
   * Over this engine, its forms guarded by {@code guard} (ADR 0010), "today" from this clock, links
   * under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param guard the forms' guard
   * @param clock the clock read for "today"
   * @param baseUrl the tool's public base URL
   */
  public SchoolResource(Tremplin tremplin, FormGuard guard, Clock clock, URI baseUrl) {
    this.tremplin = tremplin;
    this.guard = guard;
    this.forms = new SchoolForms(tremplin, guard, clock);
    this.facts = new FunderFactsForms(tremplin, guard, clock);
    this.privacy = new PrivacyPages(tremplin, guard);
    String path = baseUrl.getRawPath();
    this.root = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
  }

  /**
   * The school at a glance, or one of its tables as CSV.
   *
   * @param school the school, for a network role
   * @param format {@code csv} for a download
   * @param table the table to download
   * @param security the request's security context (its session)
   * @return the dashboard
   */
  @GET
  public Response dashboard(
      @QueryParam("school") @Nullable String school,
      @QueryParam("format") @Nullable String format,
      @QueryParam("table") @Nullable String table,
      @Context SecurityContext security) {
    return read(
        security,
        school,
        w -> {
          SchoolDashboard d = tremplin.dashboard().school(w.actor(), w.school());
          BigDecimal min = tremplin.alerts().thresholds(w.actor(), w.school()).minAttendanceRate();
          SchoolPages.DashboardPage page = SchoolPages.dashboard(w, d, min);
          if ("csv".equals(format)) {
            String name = table == null ? "cohorts" : table;
            return SchoolPages.table(page, name)
                .map(x -> SchoolPages.csv(x, w.t().get("school.csv.file." + name), w.t().locale()))
                .orElseGet(() -> SchoolPages.notFound(w));
          }
          return SchoolPages.render(200, "school/dashboard.jte", page);
        });
  }

  /**
   * The learners behind one of a cohort's figures.
   *
   * @param cohort the cohort
   * @param figure the figure: enrolled, recent, since-start, ready, on-track, behind, alerts,
   *     ending
   * @param school the school, for a network role
   * @param format {@code csv} for a download
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("cohorts/{cohort}/{figure}")
  public Response figure(
      @PathParam("cohort") String cohort,
      @PathParam("figure") String figure,
      @QueryParam("school") @Nullable String school,
      @QueryParam("format") @Nullable String format,
      @Context SecurityContext security) {
    return read(
        security,
        school,
        w -> {
          Optional<UUID> id = SchoolForms.uuid(cohort);
          Optional<SchoolPages.FigureKind> kind = SchoolPages.FigureKind.of(figure);
          if (id.isEmpty() || kind.isEmpty()) {
            return SchoolPages.notFound(w);
          }
          CohortFigures f = tremplin.dashboard().figures(w.actor(), new CohortId(id.get()));
          SchoolPages.FigurePage page = SchoolPages.figure(w, f, kind.get());
          if ("csv".equals(format)) {
            return SchoolPages.csv(page.table(), kind.get().slug, w.t().locale());
          }
          return SchoolPages.render(200, "school/figure.jte", page);
        });
  }

  /**
   * The learners behind one exit category of the year.
   *
   * @param category the category, e.g. {@code emploi_durable}
   * @param school the school, for a network role
   * @param format {@code csv} for a download
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("exits/{category}")
  public Response exits(
      @PathParam("category") String category,
      @QueryParam("school") @Nullable String school,
      @QueryParam("format") @Nullable String format,
      @Context SecurityContext security) {
    return read(
        security,
        school,
        w -> {
          Optional<ExitCategory> c = exitCategory(category);
          if (c.isEmpty()) {
            return SchoolPages.notFound(w);
          }
          SchoolDashboard d = tremplin.dashboard().school(w.actor(), w.school());
          Map<CohortId, String> names = new HashMap<>();
          for (Cohort x : tremplin.cohorts().bySchool(w.actor(), w.school())) {
            names.put(x.id(), x.name());
          }
          SchoolPages.FigurePage page = SchoolPages.exits(w, d, c.get(), names);
          if ("csv".equals(format)) {
            return SchoolPages.csv(page.table(), category, w.t().locale());
          }
          return SchoolPages.render(200, "school/figure.jte", page);
        });
  }

  /**
   * The form opening a cohort.
   *
   * @param school the school, for a network role
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("cohorts/new")
  public Response cohortForm(
      @QueryParam("school") @Nullable String school, @Context SecurityContext security) {
    return form(
        security,
        school,
        Operation.PROGRAMME_WRITE,
        w -> forms.cohortForm(w, FormErrors.in(w.t().locale()), new MultivaluedHashMap<>(), 200));
  }

  /**
   * Opens a cohort.
   *
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("cohorts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response openCohort(
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return form(
        security,
        school,
        Operation.PROGRAMME_WRITE,
        w -> once(w, posted, () -> forms.openCohort(w, posted)));
  }

  /**
   * The form adding a learner.
   *
   * @param school the school, for a network role
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("learners/new")
  public Response learnerForm(
      @QueryParam("school") @Nullable String school, @Context SecurityContext security) {
    return form(
        security,
        school,
        Operation.ENROLMENT_WRITE,
        w -> forms.learnerForm(w, FormErrors.in(w.t().locale()), new MultivaluedHashMap<>(), 200));
  }

  /**
   * Adds a learner to the school and enrols them in a cohort, in one transaction.
   *
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("learners")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addLearner(
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return form(
        security,
        school,
        Operation.ENROLMENT_WRITE,
        w -> once(w, posted, () -> forms.addLearner(w, posted)));
  }

  /**
   * The learners' referent coaches and the form assigning one.
   *
   * @param school the school, for a network role
   * @param assigned the learner whose referent was just assigned (the page confirms it)
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("referents")
  public Response referents(
      @QueryParam("school") @Nullable String school,
      @QueryParam("assigned") @Nullable String assigned,
      @Context SecurityContext security) {
    return form(
        security,
        school,
        Operation.COACHING_WRITE,
        w ->
            forms.referentForm(
                w,
                FormErrors.in(w.t().locale()),
                new MultivaluedHashMap<>(),
                assigned == null ? "" : assigned,
                200));
  }

  /**
   * Assigns a learner's referent coach.
   *
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("referents")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response assignReferent(
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return form(
        security,
        school,
        Operation.COACHING_WRITE,
        w -> once(w, posted, () -> forms.assignReferent(w, posted)));
  }

  /**
   * The school's alert thresholds.
   *
   * @param school the school, for a network role
   * @param saved set after a change was saved
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("thresholds")
  public Response thresholds(
      @QueryParam("school") @Nullable String school,
      @QueryParam("saved") @Nullable String saved,
      @Context SecurityContext security) {
    return form(
        security,
        school,
        Operation.PROGRAMME_WRITE,
        w ->
            forms.thresholdsForm(
                w, FormErrors.in(w.t().locale()), new MultivaluedHashMap<>(), saved != null, 200));
  }

  /**
   * Sets the school's alert thresholds.
   *
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("thresholds")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setThresholds(
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return form(
        security,
        school,
        Operation.PROGRAMME_WRITE,
        w -> once(w, posted, () -> forms.setThresholds(w, posted)));
  }

  /**
   * The school's learners and what is declared about them for funders (issue 14, item 1).
   *
   * @param school the school, for a network role
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("funder")
  public Response funderFacts(
      @QueryParam("school") @Nullable String school, @Context SecurityContext security) {
    return form(security, school, Operation.INSERTION_WRITE, facts::list);
  }

  /**
   * A learner's funder facts and certification result, with the forms declaring or correcting them.
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param saved {@code facts} or {@code certification} after a change was saved
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("learners/{learner}/facts")
  public Response learnerFacts(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @QueryParam("saved") @Nullable String saved,
      @Context SecurityContext security) {
    return learnerForm(
        security,
        school,
        learner,
        (w, f) ->
            facts.page(
                w,
                f,
                FormErrors.in(w.t().locale()),
                FunderFactsForms.none(),
                saved == null ? "" : saved,
                200));
  }

  /**
   * Declares or corrects a learner's funder facts (a new version; the previous ones are kept).
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("learners/{learner}/facts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response declareFacts(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return learnerForm(
        security, school, learner, (w, f) -> once(w, posted, () -> facts.declare(w, f, posted)));
  }

  /**
   * Records a learner's certification result (a new version; the previous ones are kept).
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("learners/{learner}/certification")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response recordCertification(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return learnerForm(
        security,
        school,
        learner,
        (w, f) -> once(w, posted, () -> facts.recordCertification(w, f, posted)));
  }

  /** A learner's funder-facts page or post: 403 without the right, 404 for another's learner. */
  private Response learnerForm(
      SecurityContext security,
      @Nullable String school,
      String learner,
      BiFunction<Who, FunderFactsForms.Found, Response> page) {
    return learnerPage(security, school, learner, Operation.INSERTION_WRITE, page);
  }

  /**
   * A page or post about one learner of the school: 403 without {@code operation} on the school,
   * 404 for a learner the school does not have.
   */
  private Response learnerPage(
      SecurityContext security,
      @Nullable String school,
      String learner,
      Operation operation,
      BiFunction<Who, FunderFactsForms.Found, Response> page) {
    return form(
        security,
        school,
        operation,
        w ->
            SchoolForms.uuid(learner)
                .flatMap(id -> facts.find(w, new LearnerId(id)))
                .map(f -> page.apply(w, f))
                .orElseGet(() -> SchoolPages.notFound(w)));
  }

  /**
   * A learner's personal data: the audit trail (newest first, {@value PrivacyPages#PAGE_SIZE} lines
   * a page), the export and the erasure. Reading it is audited.
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param page the page of the audit trail, from 1
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("learners/{learner}/privacy")
  public Response learnerPrivacy(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @QueryParam("page") @Nullable String page,
      @Context SecurityContext security) {
    int number = 1;
    try {
      number = page == null ? 1 : Integer.parseInt(page);
    } catch (NumberFormatException e) {
      // not a number: the first page
    }
    int shown = number;
    return privacyPage(security, school, learner, (w, f) -> privacy.page(w, f, shown));
  }

  /**
   * Everything held about a learner, as a JSON download (the export is audited).
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param security the request's security context (its session)
   * @return the JSON document, as an attachment
   */
  @GET
  @Path("learners/{learner}/privacy/export")
  public Response exportLearner(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @Context SecurityContext security) {
    return privacyPage(security, school, learner, privacy::export);
  }

  /**
   * The confirmation before a learner's anonymisation: what goes, what stays, the name to type.
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("learners/{learner}/privacy/erase")
  public Response eraseForm(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @Context SecurityContext security) {
    return privacyPage(
        security,
        school,
        learner,
        (w, f) -> privacy.eraseForm(w, f, FormErrors.in(w.t().locale()), PrivacyPages.none()));
  }

  /**
   * Anonymises a learner, irreversibly, when the typed confirmation is their family name.
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("learners/{learner}/privacy/erase")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response eraseLearner(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @Nullable MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    MultivaluedMap<String, String> posted = posted(form);
    return privacyPage(
        security, school, learner, (w, f) -> once(w, posted, () -> privacy.erase(w, f, posted)));
  }

  /**
   * What a learner's anonymisation changed (the page the erasure leads to).
   *
   * @param learner the learner
   * @param school the school, for a network role
   * @param changed the rows changed per section, as the erasure wrote them
   * @param at when, in milliseconds since the epoch
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("learners/{learner}/privacy/erased")
  public Response erased(
      @PathParam("learner") String learner,
      @QueryParam("school") @Nullable String school,
      @QueryParam("changed") @Nullable String changed,
      @QueryParam("at") @Nullable String at,
      @Context SecurityContext security) {
    return privacyPage(security, school, learner, (w, f) -> privacy.erased(w, f, changed, at));
  }

  /** A learner's personal-data page or post: 403 without the right, 404 for another's learner. */
  private Response privacyPage(
      SecurityContext security,
      @Nullable String school,
      String learner,
      BiFunction<Who, FunderFactsForms.Found, Response> page) {
    return learnerPage(security, school, learner, Operation.PERSONAL_DATA_ADMIN, page);
  }

  // ---------------------------------------------------------------- plumbing

  /** The posted form, empty when the request had no body. */
  private static MultivaluedMap<String, String> posted(
      @Nullable MultivaluedMap<String, String> form) {
    return form == null ? new MultivaluedHashMap<>() : form;
  }

  /**
   * Resolves who asks and runs a read page; an access refusal is the 403 page, a missing cohort
   * 404.
   */
  private Response read(
      SecurityContext security, @Nullable String school, Function<Who, Response> page) {
    RequestSession request = RequestSession.of(security);
    Optional<Who> who = who(request, school);
    if (who.isEmpty()) {
      return SchoolPages.forbidden(request.session().locale(), root);
    }
    try {
      return page.apply(who.get());
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return SchoolPages.forbidden(request.session().locale(), root);
      }
      if (e.code().kind() == ErrorCode.Kind.NOT_FOUND) {
        return SchoolPages.notFound(who.get());
      }
      throw e;
    }
  }

  /** A form page or post: the actor must hold {@code operation} on the school (403 otherwise). */
  private Response form(
      SecurityContext security,
      @Nullable String school,
      Operation operation,
      Function<Who, Response> page) {
    return read(
        security,
        school,
        w -> forms.may(w, operation) ? page.apply(w) : SchoolPages.forbidden(w.t().locale(), root));
  }

  private Response once(
      Who w, MultivaluedMap<String, String> form, Supplier<FormGuard.Submitted> write) {
    return guard.once(
        w.request(), form, write, status -> FormPages.refused(w.t().locale(), status, root));
  }

  /** The school of the page: {@code ?school=}, else the session's manager grant's. */
  private Optional<Who> who(RequestSession request, @Nullable String schoolParam) {
    Optional<Actor> actor = request.actor();
    if (actor.isEmpty()) {
      return Optional.empty();
    }
    Optional<SchoolId> school =
        SchoolForms.uuid(schoolParam).map(SchoolId::new).or(() -> managedSchool(actor.get()));
    if (school.isEmpty()) {
      return Optional.empty();
    }
    String name;
    try {
      name = tremplin.schools().get(school.get()).name();
    } catch (TremplinException e) {
      return Optional.empty();
    }
    Locale locale = request.session().locale();
    return Optional.of(
        new Who(request, actor.get(), school.get(), name, Texts.of(Who.BUNDLE, locale), root));
  }

  /**
   * The school an actor manages: their first school-scoped manager grant.
   *
   * @param actor the actor
   * @return the school, if they manage one
   */
  public static Optional<SchoolId> managedSchool(Actor actor) {
    for (Grant g : actor.grants()) {
      if (g.role() == Role.MANAGER && g.scope() instanceof Scope.OfSchool s) {
        return Optional.of(s.school());
      }
    }
    return Optional.empty();
  }

  private static Optional<ExitCategory> exitCategory(String text) {
    try {
      return Optional.of(ExitCategory.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
