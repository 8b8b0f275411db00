package org.tremplin.web.admin;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.SchoolTemplates;
import org.tremplin.lti.identity.SchoolPlatforms;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.FormPages;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code /app/admin}: the administrator pages of a school — the LMS platforms and deployments with
 * their state (bound, only school, pending), binding a pending platform to a school (network
 * administrators only), API tokens (create, shown once; list; revoke), programme templates (list,
 * import a JSON document with every problem located, export, copy to adapt).
 *
 * <p>Access is checked by role and scope: an institution administrator ({@code ADMIN} of a school)
 * reaches their school only; a network administrator ({@code ADMIN} of the network) every school,
 * chosen by the {@code school} parameter. Anyone else, another school, or an action beyond the
 * grant gets the 403 page and nothing is written. Every form carries the session's CSRF value and a
 * one-time submission id ({@link FormGuard}); refused input comes back (400) with the error summary
 * and the values kept. Thread-safe.
 */
@Path("app/admin")
@WithSession
public final class AdminResource {
  /** Longest token label (as the store keeps it). */
  static final int MAX_LABEL = 200;

  static final int MAX_PERSON = 200;

  /** Largest template document accepted from the form (a template is a few kilobytes). */
  static final int MAX_DOCUMENT = 200_000;

  private final SchoolPlatforms platforms;
  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;
  private final URI baseUrl;
  private final AdminPages pages;

  /**
   * Over the platforms, the engine and the forms' guard.
   *
   * @param platforms the platforms with the school each serves, and their binding
   * @param tremplin the engine
   * @param guard the forms' guard (ADR 0010)
   * @param clock the clock read for "now"
   * @param baseUrl the tool's public base URL
   */
  public AdminResource(
      SchoolPlatforms platforms, Tremplin tremplin, FormGuard guard, Clock clock, URI baseUrl) {
    this.platforms = platforms;
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.pages = new AdminPages(platforms, tremplin, guard, clock, baseUrl.getRawPath());
  }

  /** Who administers which school in this request. */
  record Admin(RequestSession request, Actor actor, School school, boolean network, AdminText t) {
    String token() {
      return request.token();
    }
  }

  /**
   * The school's page.
   *
   * @param school the school, for a network administrator (default: the first by name)
   * @param done what was just done ({@code bound}, {@code revoked}, {@code imported}, {@code
   *     copied}), for the banner
   * @param security the request's security context (its session)
   * @return the page
   */
  @GET
  public Response page(
      @QueryParam("school") @Nullable String school,
      @QueryParam("done") @Nullable String done,
      @Context SecurityContext security) {
    return admin(security, school)
        .map(a -> pages.school(a, 200, done == null ? "" : done, FormErrors.in(a.t().locale())))
        .orElseGet(() -> pages.forbidden(security));
  }

  /**
   * Binds a pending platform to a school: network administrators only.
   *
   * @param form the posted form ({@code issuer}, {@code clientId}, {@code target}, {@code school})
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("platforms/bind")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response bind(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    Optional<Admin> found = admin(security, form.getFirst("school"));
    if (found.isEmpty() || !found.get().network()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    String issuer = value(form, "issuer");
    String clientId = value(form, "clientId");
    return once(
        a,
        form,
        () -> {
          FormErrors errors = FormErrors.in(a.t().locale());
          boolean known =
              platforms.all().stream()
                  .anyMatch(
                      p ->
                          p.registration().issuer().equals(issuer)
                              && p.registration().clientId().equals(clientId));
          Optional<School> target = school(value(form, "target"));
          if (!known) {
            errors.add("platforms", a.t().get("admin.bind.error.platform"));
          } else if (target.isEmpty()) {
            errors.add("platforms", a.t().get("admin.bind.error.school"));
          }
          if (!errors.isEmpty()) {
            return Submitted.refused(pages.school(a, 400, "", errors));
          }
          platforms.bind(a.actor(), issuer, clientId, target.get().id());
          return Submitted.done(address(target.get().id(), a, "done=bound"));
        });
  }

  /**
   * The form creating an API token.
   *
   * @param school the school, for a network administrator
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("tokens/new")
  public Response tokenForm(
      @QueryParam("school") @Nullable String school, @Context SecurityContext security) {
    return admin(security, school)
        .map(a -> pages.tokenForm(a, 200, new TokenInput("ADMIN", "school", "", "", ""), errors(a)))
        .orElseGet(() -> pages.forbidden(security));
  }

  /**
   * Creates an API token and shows it, once: only its hash is stored.
   *
   * @param form the posted form ({@code role}, {@code scope}, {@code label}, {@code expires})
   * @param security the request's security context (its session)
   * @return the page showing the token, or the form with its errors
   */
  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createToken(
      MultivaluedMap<String, String> form, @Context SecurityContext security) {
    Optional<Admin> found = admin(security, form.getFirst("school"));
    if (found.isEmpty()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    TokenInput input =
        new TokenInput(
            value(form, "role"),
            value(form, "scope"),
            value(form, "label"),
            value(form, "expires"),
            value(form, "person"));
    AtomicReference<IssuedToken> issued = new AtomicReference<>();
    Response response =
        once(
            a,
            form,
            () -> {
              FormErrors errors = errors(a);
              Optional<Role> role =
                  AdminPages.tokenRoles(a).stream()
                      .filter(r -> r.name().equals(input.role()))
                      .findFirst();
              if (role.isEmpty()) {
                errors.add("role", a.t().get("admin.token.error.role"));
              }
              boolean network = input.scope().equals("network");
              if (!network && !input.scope().equals("school") || network && !a.network()) {
                errors.add("scope", a.t().get("admin.token.error.scope"));
              }
              boolean coach = role.isPresent() && role.get() == Role.COACH;
              if (coach && network) {
                errors.add("scope", a.t().get("admin.token.error.coachScope"));
              }
              if (coach && (input.person().isEmpty() || input.person().length() > MAX_PERSON)) {
                errors.add("person", a.t().get("admin.token.error.person"));
              }
              if (input.label().isEmpty()) {
                errors.add("label", a.t().get("admin.token.error.label"));
              } else if (input.label().length() > MAX_LABEL) {
                errors.add("label", a.t().get("admin.token.error.labelLength", MAX_LABEL));
              }
              Instant expiresAt = null;
              if (!input.expires().isEmpty()) {
                LocalDate today = LocalDate.now(clock);
                try {
                  LocalDate day = LocalDate.parse(input.expires());
                  if (!day.isAfter(today.minusDays(1))) {
                    errors.add("expires", a.t().get("admin.token.error.past", a.t().date(today)));
                  } else {
                    expiresAt = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
                  }
                } catch (DateTimeParseException e) {
                  errors.add("expires", a.t().get("admin.token.error.date"));
                }
              }
              if (!errors.isEmpty()) {
                return Submitted.refused(pages.tokenForm(a, 400, input, errors));
              }
              Scope scope = network ? new Scope.Network() : new Scope.OfSchool(a.school().id());
              issued.set(
                  tremplin
                      .tokens()
                      .create(
                          a.actor(),
                          new Grant(role.get(), scope),
                          coach ? input.person() : "",
                          input.label(),
                          expiresAt));
              return Submitted.done(address(a.school().id(), a, "done=created"));
            });
    IssuedToken created = issued.get();
    if (created != null && response.getStatus() == 303) {
      return pages.tokenCreated(a, created); // the only time the secret is shown
    }
    return response;
  }

  /**
   * Revokes an API token of the school (or of the network, for a network administrator).
   *
   * @param form the posted form ({@code token})
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("tokens/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    Optional<Admin> found = admin(security, form.getFirst("school"));
    Optional<UUID> id = uuid(value(form, "token"));
    if (found.isEmpty() || id.isEmpty()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    return once(
        a,
        form,
        () -> {
          tremplin.tokens().revoke(a.actor(), new ApiTokenId(id.get()));
          return Submitted.done(address(a.school().id(), a, "done=revoked"));
        });
  }

  /**
   * The form importing a template from a JSON document.
   *
   * @param school the school, for a network administrator
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("templates/import")
  public Response importForm(
      @QueryParam("school") @Nullable String school, @Context SecurityContext security) {
    return admin(security, school)
        .map(a -> pages.importForm(a, 200, "", List.of(), errors(a)))
        .orElseGet(() -> pages.forbidden(security));
  }

  /**
   * Imports a template of the school; a refused document comes back with every problem located.
   *
   * @param form the posted form ({@code document})
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("templates/import")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importTemplate(
      MultivaluedMap<String, String> form, @Context SecurityContext security) {
    Optional<Admin> found = admin(security, form.getFirst("school"));
    if (found.isEmpty()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    String document = Optional.ofNullable(form.getFirst("document")).orElse("").strip();
    return once(
        a,
        form,
        () -> {
          FormErrors errors = errors(a);
          if (document.isEmpty()) {
            errors.add("document", a.t().get("admin.import.error.empty"));
            return Submitted.refused(pages.importForm(a, 400, document, List.of(), errors));
          }
          if (document.length() > MAX_DOCUMENT) {
            errors.add("document", a.t().get("admin.import.error.size", MAX_DOCUMENT / 1000));
            return Submitted.refused(pages.importForm(a, 400, "", List.of(), errors));
          }
          SchoolTemplates.Outcome outcome =
              tremplin.schoolTemplates().importFor(a.actor(), a.school().id(), document);
          if (outcome instanceof SchoolTemplates.Outcome.Refused r) {
            errors.add("document", a.t().get("admin.import.error.problems", r.problems().size()));
            return Submitted.refused(pages.importForm(a, 400, document, r.problems(), errors));
          }
          TemplateRef ref = ((SchoolTemplates.Outcome.Imported) outcome).template().ref();
          return Submitted.done(address(a.school().id(), a, "done=imported&template=" + ref));
        });
  }

  /**
   * The form copying a template under a new id and name, to adapt.
   *
   * @param school the school, for a network administrator
   * @param template the version copied ({@code id@version})
   * @param security the request's security context (its session)
   * @return the form
   */
  @GET
  @Path("templates/copy")
  public Response copyForm(
      @QueryParam("school") @Nullable String school,
      @QueryParam("template") @Nullable String template,
      @Context SecurityContext security) {
    Optional<Admin> found = admin(security, school);
    Optional<TemplateRef> ref = ref(template);
    if (found.isEmpty() || ref.isEmpty()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    return visible(a, ref.get())
        .map(
            t -> {
              String copyOf = a.t().get("admin.copy.defaultName", t.name().in(a.t().locale()));
              return pages.copyForm(
                  a,
                  200,
                  t,
                  new CopyInput(
                      ref.get().id() + "-" + AdminPages.slug(a.school().name()),
                      a.t().get("admin.copy.defaultName.fr", t.name().fr()),
                      a.t().get("admin.copy.defaultName.en", t.name().en())),
                  errors(a),
                  copyOf);
            })
        .orElseGet(() -> pages.forbidden(security));
  }

  /**
   * Copies a template as a template of the school.
   *
   * @param form the posted form ({@code template}, {@code id}, {@code nameFr}, {@code nameEn})
   * @param security the request's security context (its session)
   * @return the response
   */
  @POST
  @Path("templates/copy")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response copy(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    Optional<Admin> found = admin(security, form.getFirst("school"));
    Optional<TemplateRef> ref = ref(form.getFirst("template"));
    if (found.isEmpty() || ref.isEmpty()) {
      return pages.forbidden(security);
    }
    Admin a = found.get();
    Optional<org.tremplin.api.programme.ProgrammeTemplate> source = visible(a, ref.get());
    if (source.isEmpty()) {
      return pages.forbidden(security);
    }
    CopyInput input =
        new CopyInput(value(form, "id"), value(form, "nameFr"), value(form, "nameEn"));
    return once(
        a,
        form,
        () -> {
          FormErrors errors = errors(a);
          if (input.id().isEmpty()) {
            errors.add("id", a.t().get("admin.copy.error.id"));
          }
          for (String f : List.of("nameFr", "nameEn")) {
            String v = f.equals("nameFr") ? input.nameFr() : input.nameEn();
            if (v.isEmpty()) {
              errors.add(f, a.t().get("admin.copy.error.name"));
            } else if (v.length() > MAX_LABEL) {
              errors.add(f, a.t().get("admin.token.error.labelLength", MAX_LABEL));
            }
          }
          if (errors.isEmpty()) {
            SchoolTemplates.Outcome outcome =
                tremplin
                    .schoolTemplates()
                    .copy(
                        a.actor(),
                        a.school().id(),
                        ref.get(),
                        input.id(),
                        new LocalizedText(input.nameFr(), input.nameEn()));
            if (outcome instanceof SchoolTemplates.Outcome.Imported i) {
              return Submitted.done(
                  address(a.school().id(), a, "done=copied&template=" + i.template().ref()));
            }
            for (var p : ((SchoolTemplates.Outcome.Refused) outcome).problems()) {
              errors.add(
                  p.kind().equals("id") || p.kind().equals("idTaken") ? "id" : "nameFr",
                  AdminPages.problem(a.t(), p));
            }
          }
          return Submitted.refused(
              pages.copyForm(
                  a,
                  400,
                  source.get(),
                  input,
                  errors,
                  a.t().get("admin.copy.defaultName", source.get().name().in(a.t().locale()))));
        });
  }

  /**
   * A template the school may use, as the JSON document the import accepts (a download).
   *
   * @param school the school, for a network administrator
   * @param template the version ({@code id@version})
   * @param security the request's security context (its session)
   * @return the document
   */
  @GET
  @Path("templates/export")
  public Response export(
      @QueryParam("school") @Nullable String school,
      @QueryParam("template") @Nullable String template,
      @Context SecurityContext security) {
    Optional<Admin> found = admin(security, school);
    Optional<TemplateRef> ref = ref(template);
    if (found.isEmpty() || ref.isEmpty() || visible(found.get(), ref.get()).isEmpty()) {
      return pages.forbidden(security);
    }
    String json =
        tremplin
            .schoolTemplates()
            .export(found.get().actor(), found.get().school().id(), ref.get());
    return Response.ok(json.getBytes(StandardCharsets.UTF_8))
        .type("application/json;charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ref.get().id() + "-v" + ref.get().version() + ".json\"")
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .build();
  }

  // ------------------------------------------------------------------ shared

  /** What the token form holds. */
  record TokenInput(String role, String scope, String label, String expires, String person) {}

  /** What the copy form holds. */
  record CopyInput(String id, String nameFr, String nameEn) {}

  /**
   * The administrator of this request and the school they act on: an institution administrator's
   * own school (another one asked: none); a network administrator's chosen school, else the first
   * by name. None without an {@code ADMIN} grant or when no school exists.
   */
  private Optional<Admin> admin(SecurityContext security, @Nullable String schoolParam) {
    RequestSession request = RequestSession.of(security);
    AppSession session = request.session();
    Optional<Actor> actor = session.actor();
    if (actor.isEmpty()) {
      return Optional.empty();
    }
    AdminText t = new AdminText(session.locale(), clock.getZone());
    Optional<UUID> asked =
        schoolParam == null || schoolParam.isBlank() ? Optional.empty() : uuid(schoolParam);
    if (schoolParam != null && !schoolParam.isBlank() && asked.isEmpty()) {
      return Optional.empty();
    }
    if (SchoolPlatforms.isNetworkAdministrator(actor.get())) {
      List<School> all = schoolsByName();
      Optional<School> chosen =
          asked.isPresent()
              ? all.stream().filter(s -> s.id().value().equals(asked.get())).findFirst()
              : all.stream().findFirst();
      return chosen.map(s -> new Admin(request, actor.get(), s, true, t));
    }
    for (Grant g : session.grants()) {
      if (g.role() == Role.ADMIN && g.scope() instanceof Scope.OfSchool own) {
        if (asked.isPresent() && !asked.get().equals(own.school().value())) {
          return Optional.empty();
        }
        return Optional.of(
            new Admin(request, actor.get(), tremplin.schools().get(own.school()), false, t));
      }
    }
    return Optional.empty();
  }

  List<School> schoolsByName() {
    return tremplin.schools().list().stream()
        .sorted(java.util.Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  private Optional<School> school(String id) {
    return uuid(id)
        .flatMap(
            u ->
                tremplin.schools().list().stream()
                    .filter(s -> s.id().value().equals(u))
                    .findFirst());
  }

  private Optional<org.tremplin.api.programme.ProgrammeTemplate> visible(Admin a, TemplateRef ref) {
    try {
      tremplin.schoolTemplates().export(a.actor(), a.school().id(), ref);
      return Optional.of(tremplin.templates().get(ref));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.TEMPLATE_NOT_FOUND || e.code() == ErrorCode.ACCESS_DENIED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Runs a write once per submission id; a refusal by the access rules is the 403 page. */
  private Response once(
      Admin a, MultivaluedMap<String, String> form, java.util.function.Supplier<Submitted> write) {
    try {
      return guard.once(
          a.request(),
          form,
          write,
          status -> FormPages.refused(a.t().locale(), status, baseUrl.getRawPath()));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED || e.code() == ErrorCode.TOKEN_NOT_FOUND) {
        return pages.forbidden(a.request());
      }
      throw e;
    }
  }

  private FormErrors errors(Admin a) {
    return FormErrors.in(a.t().locale());
  }

  /** The school's page (with a banner), for the redirect after a write. */
  private URI address(SchoolId school, Admin a, String query) {
    return baseUrl.resolve(AdminPages.href("", school, a.token(), query));
  }

  private static String value(MultivaluedMap<String, String> form, String field) {
    return Optional.ofNullable(form.getFirst(field)).orElse("").strip();
  }

  private static Optional<TemplateRef> ref(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    int at = text.lastIndexOf('@');
    if (at <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TemplateRef(text.substring(0, at), Integer.parseInt(text.substring(at + 1))));
    } catch (NumberFormatException | TremplinException e) {
      return Optional.empty();
    }
  }

  static Optional<UUID> uuid(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
