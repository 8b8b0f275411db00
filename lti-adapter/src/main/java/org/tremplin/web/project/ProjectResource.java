package org.tremplin.web.project;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisationId;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.NewClientOrganisation;
import org.tremplin.api.project.NewProject;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectId;
import org.tremplin.core.Tremplin;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.page.Texts;
import org.tremplin.web.project.ProjectPages.ProjectContext;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/cohorts/{cohort}/projects}: the cohort's real projects for its trainers (and the
 * school's managers): the list, a new project, a project's page with its team, milestones and
 * delivery. Every page reads the engine as the session's actor, so a user whose grants do not cover
 * the cohort gets 403, and a write the engine refuses (a coach who may read but not write) gets 403
 * with nothing written. Forms post back with the session's hidden fields, once per submission; a
 * refused form comes back (400) with the error summary and the values kept; an accepted one
 * redirects (303) to the project's page. Thread-safe.
 */
@Path("app/cohorts/{cohort}/projects")
@WithSession
public final class ProjectResource {
  /** Longest texts (as the engine accepts). */
  static final int MAX_TITLE = 200;

  static final int MAX_BRIEF = 4000;

  static final int MAX_ARTEFACT = 2000;

  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;
  private final ProjectPages pages;

  /**
   * Over this engine, its forms guarded by {@code guard} (ADR 0010), "today" from this clock, links
   * under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param guard the form guard
   * @param clock the clock read for "today"
   * @param baseUrl the tool's public base URL
   */
  public ProjectResource(Tremplin tremplin, FormGuard guard, Clock clock, URI baseUrl) {
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
    this.pages = new ProjectPages(tremplin, guard, clock, baseUrl.getRawPath());
  }

  /**
   * The cohort's projects.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the list
   */
  @GET
  public Response list(@PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(cohort, security, pages::list);
  }

  /**
   * The new-project form.
   *
   * @param cohort the cohort
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("new")
  public Response newForm(@PathParam("cohort") String cohort, @Context SecurityContext security) {
    return guarded(
        cohort, security, c -> pages.newForm(c, FormErrors.in(c.t().locale()), null, 200));
  }

  /**
   * Starts a project (registering its client organisation when it is new), in one transaction.
   *
   * @param cohort the cohort
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("cohort") String cohort,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(cohort, security, c -> once(c, form, () -> start(c, form)));
  }

  /**
   * A project's page.
   *
   * @param cohort the cohort
   * @param project the project
   * @param done a notice to show after a write ({@code team}, {@code milestone}, ...)
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  @Path("{project}")
  public Response project(
      @PathParam("cohort") String cohort,
      @PathParam("project") String project,
      @QueryParam("done") @Nullable String done,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c ->
            pages.project(
                c,
                project(c, project),
                FormErrors.in(c.t().locale()),
                null,
                notice(c.t(), done),
                200));
  }

  /**
   * Replaces the team.
   *
   * @param cohort the cohort
   * @param project the project
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("{project}/team")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response team(
      @PathParam("cohort") String cohort,
      @PathParam("project") String project,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c -> {
          Project p = project(c, project);
          return once(c, form, () -> changeTeam(c, p, form));
        });
  }

  /**
   * Adds a milestone.
   *
   * @param cohort the cohort
   * @param project the project
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("{project}/milestones")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response milestone(
      @PathParam("cohort") String cohort,
      @PathParam("project") String project,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c -> {
          Project p = project(c, project);
          return once(c, form, () -> addMilestone(c, p, form));
        });
  }

  /**
   * Marks a milestone done.
   *
   * @param cohort the cohort
   * @param project the project
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("{project}/milestones/done")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response milestoneDone(
      @PathParam("cohort") String cohort,
      @PathParam("project") String project,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c -> {
          Project p = project(c, project);
          return once(
              c,
              form,
              () -> {
                int n;
                try {
                  n = Integer.parseInt(Optional.ofNullable(form.getFirst("milestone")).orElse(""));
                } catch (NumberFormatException e) {
                  throw new NotFoundException();
                }
                try {
                  tremplin.projects().markMilestoneDone(c.actor(), p.id(), n);
                } catch (TremplinException e) {
                  if (e.code() == ErrorCode.PROJECT_NOT_FOUND) {
                    throw new NotFoundException();
                  }
                  throw e;
                }
                return Submitted.done(done(c, p, "milestone-" + n));
              });
        });
  }

  /**
   * Delivers the project: records what was delivered and the team's evidence.
   *
   * @param cohort the cohort
   * @param project the project
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("{project}/delivery")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deliver(
      @PathParam("cohort") String cohort,
      @PathParam("project") String project,
      MultivaluedMap<String, String> form,
      @Context SecurityContext security) {
    return guarded(
        cohort,
        security,
        c -> {
          Project p = project(c, project);
          return once(c, form, () -> deliver(c, p, form));
        });
  }

  // ------------------------------------------------------------------ writes

  private Submitted start(ProjectContext c, MultivaluedMap<String, String> form) {
    Texts t = c.t();
    FormErrors errors = FormErrors.in(t.locale());
    String title = text(form, "title");
    if (title.isEmpty()) {
      errors.add("title", t.get("error.title"));
    } else if (title.length() > MAX_TITLE) {
      errors.add("title", t.get("error.tooLong", MAX_TITLE));
    }
    String brief = text(form, "brief");
    if (brief.length() > MAX_BRIEF) {
      errors.add("brief", t.get("error.tooLong", MAX_BRIEF));
    }
    String clientName = text(form, "clientName");
    // a new client's name with no client chosen in the list means the new one
    String client =
        text(form, "client").isEmpty() && !clientName.isEmpty() ? "new" : text(form, "client");
    Optional<ClientOrganisationId> known = Optional.empty();
    Optional<ClientKind> kind = Optional.empty();
    if (client.equals("new")) {
      if (clientName.isEmpty()) {
        errors.add("clientName", t.get("error.clientName"));
      } else if (clientName.length() > MAX_TITLE) {
        errors.add("clientName", t.get("error.tooLong", MAX_TITLE));
      }
      kind = enumOf(ClientKind.class, text(form, "clientKind"));
      if (kind.isEmpty()) {
        errors.add("clientKind", t.get("error.clientKind"));
      }
    } else {
      known =
          uuidOf(client)
              .map(ClientOrganisationId::new)
              .filter(
                  id ->
                      tremplin.projects().clients(c.actor(), c.cohort().id()).stream()
                          .anyMatch(o -> o.id().equals(id)));
      if (known.isEmpty()) {
        errors.add("client", t.get("error.client"));
      }
    }
    List<LearnerId> team = team(c, form, errors);
    List<String> codes = competencies(c, form, errors);
    if (!errors.isEmpty()) {
      return Submitted.refused(pages.newForm(c, errors, form, 400));
    }
    // joins the submission's transaction: the client and the project, or nothing
    ClientOrganisationId clientId =
        known.orElseGet(
            () ->
                tremplin
                    .projects()
                    .registerClient(
                        c.actor(),
                        c.cohort().id(),
                        new NewClientOrganisation(
                            clientName, kindOrThrow(form), form.getFirst("clientQpv") != null))
                    .id());
    Project p =
        tremplin
            .projects()
            .start(c.actor(), c.cohort().id(), new NewProject(clientId, title, brief, team, codes));
    return Submitted.done(done(c, p, "created"));
  }

  private Submitted changeTeam(ProjectContext c, Project p, MultivaluedMap<String, String> form) {
    FormErrors errors = FormErrors.in(c.t().locale());
    List<LearnerId> team = team(c, form, errors);
    if (!errors.isEmpty() || p.delivered()) {
      if (p.delivered()) {
        errors.add("team", c.t().get("error.delivered"));
      }
      return Submitted.refused(pages.project(c, p, errors, form, "", 400));
    }
    tremplin.projects().changeTeam(c.actor(), p.id(), team);
    return Submitted.done(done(c, p, "team"));
  }

  private Submitted addMilestone(ProjectContext c, Project p, MultivaluedMap<String, String> form) {
    Texts t = c.t();
    FormErrors errors = FormErrors.in(t.locale());
    String title = text(form, "milestoneTitle");
    if (title.isEmpty()) {
      errors.add("milestoneTitle", t.get("error.milestoneTitle"));
    } else if (title.length() > MAX_TITLE) {
      errors.add("milestoneTitle", t.get("error.tooLong", MAX_TITLE));
    }
    Optional<LocalDate> due = date(text(form, "milestoneDue"));
    if (due.isEmpty()) {
      errors.add("milestoneDue", t.get("error.date"));
    }
    if (p.delivered()) {
      errors.add("milestoneTitle", t.get("error.delivered"));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(pages.project(c, p, errors, form, "", 400));
    }
    tremplin.projects().addMilestone(c.actor(), p.id(), title, due.get());
    return Submitted.done(done(c, p, "milestone"));
  }

  private Submitted deliver(ProjectContext c, Project p, MultivaluedMap<String, String> form) {
    Texts t = c.t();
    FormErrors errors = FormErrors.in(t.locale());
    LocalDate today = LocalDate.now(clock);
    Optional<LocalDate> on = date(text(form, "deliveredOn"));
    if (on.isEmpty()) {
      errors.add("deliveredOn", t.get("error.date"));
    } else if (on.get().isAfter(today)) {
      errors.add("deliveredOn", t.get("error.future", t.date(today)));
    } else if (on.get().isBefore(c.cohort().range().first())) {
      errors.add("deliveredOn", t.get("error.before", t.date(c.cohort().range().first())));
    }
    Deliverable deliverable = null;
    String kind = text(form, "kind");
    if (kind.equals("ARTEFACT")) {
      String what = text(form, "artefact");
      if (what.isEmpty()) {
        errors.add("artefact", t.get("error.artefact"));
      } else if (what.length() > MAX_ARTEFACT) {
        errors.add("artefact", t.get("error.tooLong", MAX_ARTEFACT));
      } else {
        deliverable = new Deliverable.Artefact(what);
      }
    } else {
      try {
        deliverable = new Deliverable.Url(new URI(text(form, "url")));
      } catch (java.net.URISyntaxException | TremplinException e) {
        errors.add("url", t.get("error.url"));
      }
    }
    List<String> codes = competencies(c, form, errors);
    if (codes.isEmpty() && !errors.has("competency")) {
      errors.add("competency", t.get("error.competencyRequired"));
    }
    if (p.team().isEmpty()) {
      errors.add("team", t.get("error.teamRequired"));
    }
    if (p.delivered()) {
      errors.add("deliveredOn", t.get("error.delivered"));
    }
    if (!errors.isEmpty() || deliverable == null) {
      return Submitted.refused(pages.project(c, p, errors, form, "", 400));
    }
    try {
      tremplin.projects().deliver(c.actor(), p.id(), on.get(), deliverable, codes);
    } catch (TremplinException e) {
      // the refusal rolls the whole submission back (FormGuard.once): no evidence, no delivery
      switch (e.code()) {
        case LEARNER_NOT_ENROLLED -> errors.add("team", t.get("error.notEnrolledOn"));
        case PROJECT_ALREADY_DELIVERED -> errors.add("deliveredOn", t.get("error.delivered"));
        default -> throw e;
      }
      return Submitted.refused(pages.project(c, p, errors, form, "", 409));
    }
    return Submitted.done(done(c, p, "delivered"));
  }

  // ------------------------------------------------------------------ shared

  private List<LearnerId> team(
      ProjectContext c, MultivaluedMap<String, String> form, FormErrors errors) {
    Map<LearnerId, Learner> known = pages.learners(c);
    List<LearnerId> team = new ArrayList<>();
    for (String v : ProjectPages.all(form, "team")) {
      Optional<LearnerId> id = uuidOf(v).map(LearnerId::new).filter(known::containsKey);
      if (id.isEmpty()) {
        errors.add("team", c.t().get("error.team"));
        return List.of();
      }
      if (!team.contains(id.get())) {
        team.add(id.get());
      }
    }
    for (LearnerId id : team) {
      if (!tremplin.learners().enrolment(c.actor(), c.cohort().id(), id).active()) {
        errors.add("team", c.t().get("error.left", ProjectPages.name(known, id)));
        return List.of();
      }
    }
    return team;
  }

  private List<String> competencies(
      ProjectContext c, MultivaluedMap<String, String> form, FormErrors errors) {
    var cert = pages.certification(c);
    List<String> codes = new ArrayList<>();
    for (String v : ProjectPages.all(form, "competency")) {
      String code = v.strip();
      if (cert.competency(code).isEmpty()) {
        errors.add("competency", c.t().get("error.competency"));
        return List.of();
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }

  private static ClientKind kindOrThrow(MultivaluedMap<String, String> form) {
    return ClientKind.valueOf(text(form, "clientKind"));
  }

  private URI done(ProjectContext c, Project p, String what) {
    return URI.create(pages.href(c, "/" + p.id().value()) + "&done=" + what);
  }

  private static String notice(Texts t, @Nullable String done) {
    if (done == null) {
      return "";
    }
    return switch (done) {
      case "created", "team", "milestone", "delivered" -> t.get("done." + done);
      default -> done.startsWith("milestone-") ? t.get("done.milestoneDone") : "";
    };
  }

  private Project project(ProjectContext c, String id) {
    Optional<UUID> uuid = uuidOf(id);
    if (uuid.isEmpty()) {
      throw new NotFoundException();
    }
    try {
      Project p = tremplin.projects().project(c.actor(), new ProjectId(uuid.get()));
      if (!p.cohort().equals(c.cohort().id())) {
        throw new NotFoundException();
      }
      return p;
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.PROJECT_NOT_FOUND) {
        throw new NotFoundException();
      }
      throw e;
    }
  }

  /**
   * Resolves the cohort as the session's actor and runs the page; a refusal (grants that do not
   * cover the cohort, or a write the engine denies) is the localised 403 page.
   */
  private Response guarded(
      String cohortParam, SecurityContext security, Function<ProjectContext, Response> page) {
    RequestSession request = RequestSession.of(security);
    CohortId id = new CohortId(uuidOf(cohortParam).orElseThrow(NotFoundException::new));
    Actor actor = request.actor().orElse(null);
    if (actor == null) {
      return ProjectPages.forbidden(request.session().locale(), pages.root());
    }
    try {
      Cohort cohort = tremplin.cohorts().get(actor, id);
      return page.apply(new ProjectContext(request, actor, cohort));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return ProjectPages.forbidden(request.session().locale(), pages.root());
      }
      throw e;
    }
  }

  /** Runs a form's write once for its submission id, in one transaction. */
  private Response once(
      ProjectContext c, MultivaluedMap<String, String> form, Supplier<Submitted> write) {
    return guard.once(
        c.request(),
        form,
        write,
        status -> FormPages.refused(c.request().session().locale(), status, pages.root()));
  }

  private static String text(@Nullable MultivaluedMap<String, String> form, String field) {
    return Optional.ofNullable(ProjectPages.first(form, field)).orElse("").strip();
  }

  private static Optional<UUID> uuidOf(String text) {
    try {
      return Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
