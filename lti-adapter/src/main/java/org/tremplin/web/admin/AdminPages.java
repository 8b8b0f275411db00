package org.tremplin.web.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.SchoolTemplates;
import org.tremplin.core.programme.TemplateProblem;
import org.tremplin.lti.identity.SchoolPlatforms;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Templates;
import org.tremplin.web.school.KnownCoaches;
import org.tremplin.web.session.RequestSession;

/** The administrator pages as HTML (jte under {@code admin/}). Stateless. */
final class AdminPages {
  private final SchoolPlatforms platforms;
  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;
  private final String root;

  AdminPages(
      SchoolPlatforms platforms, Tremplin tremplin, FormGuard guard, Clock clock, String root) {
    this.platforms = platforms;
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
    this.root = root;
  }

  /** The roles a token made by this administrator may carry (as the engine allows). */
  static List<Role> tokenRoles(AdminResource.Admin a) {
    return a.network()
        ? List.of(Role.ADMIN, Role.MANAGER, Role.TRAINER, Role.COACH)
        : List.of(Role.ADMIN);
  }

  /** {@code <root>app/admin[/path]?school=..&<query>&session=..}. */
  static String href(String root, SchoolId school, String token, String pathAndQuery) {
    String path = pathAndQuery.startsWith("/") ? pathAndQuery : "?" + pathAndQuery;
    if (pathAndQuery.isEmpty()) {
      path = "";
    }
    String sep = path.contains("?") ? "&" : "?";
    return AppPages.withToken(
            URI.create(root + "app/admin" + path + sep + "school=" + school.value()), token)
        .toString();
  }

  private String href(AdminResource.Admin a, String pathAndQuery) {
    return href(root, a.school().id(), a.token(), pathAndQuery);
  }

  /**
   * A school's id from its name, for a copy's default id: "École du Web 93" → "ecole-du-web-93".
   */
  static String slug(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return ascii.length() > 30 ? ascii.substring(0, 30).replaceAll("-+$", "") : ascii;
  }

  /** A template problem in the user's words: what is wrong and what to do. */
  static String problem(AdminText t, TemplateProblem p) {
    String key = "admin.problem." + p.kind();
    Object[] args = p.arguments().toArray();
    if (p.kind().equals("type") && args.length == 1 && t.has("admin.type." + args[0])) {
      args[0] = t.get("admin.type." + args[0]);
    }
    return t.has(key) ? t.get(key, args) : t.get("admin.problem.value", p.message());
  }

  // ------------------------------------------------------------------ the school's page

  Response school(AdminResource.Admin a, int status, String done, FormErrors errors) {
    AdminText t = a.t();
    SchoolId id = a.school().id();
    List<School> schools = a.network() ? schoolsByName() : List.of(a.school());
    List<SchoolLink> links = new ArrayList<>();
    for (School s : schools) {
      links.add(
          new SchoolLink(
              s.id().value().toString(),
              s.name(),
              href(root, s.id(), a.token(), ""),
              s.id().equals(id)));
    }
    List<PlatformRow> rows = new ArrayList<>();
    List<PendingRow> pending = new ArrayList<>();
    int n = 0;
    for (SchoolPlatforms.Listed listed : platforms.all()) {
      PlatformRegistration r = listed.registration();
      String deployments =
          r.deploymentIds().isEmpty()
              ? t.get("admin.deployments.none")
              : String.join(", ", r.deploymentIds().stream().sorted().toList());
      if (r.autoDeployments()) {
        deployments += " " + t.get("admin.platform.auto");
      }
      String state;
      String tag;
      if (listed.serving() instanceof SchoolPlatforms.Serving.Bound b) {
        if (!b.school().equals(id)) {
          continue; // another school's
        }
        state = t.get("admin.platform.bound");
        tag = "done";
      } else if (listed.serving() instanceof SchoolPlatforms.Serving.OnlySchool) {
        state = t.get("admin.platform.only");
        tag = "done";
      } else {
        state = t.get("admin.platform.pending");
        tag = "todo";
        n++;
        if (a.network()) {
          pending.add(
              new PendingRow(
                  "bind-" + n, r.name(), r.issuer(), r.clientId(), guard.fields(a.request())));
        }
      }
      rows.add(
          new PlatformRow(
              r.name(),
              r.issuer(),
              r.clientId(),
              deployments,
              t.get(listed.configured() ? "admin.platform.configured" : "admin.platform.dynamic"),
              state,
              tag));
    }
    Instant now = clock.instant();
    List<TokenRow> tokens = new ArrayList<>();
    List<ApiToken> listed =
        new ArrayList<>(tremplin.tokens().list(a.actor(), new Scope.OfSchool(id)));
    if (a.network()) {
      listed.addAll(
          tremplin.tokens().list(a.actor(), new Scope.Network()).stream()
              .filter(k -> k.grant().scope() instanceof Scope.Network)
              .toList());
    }
    Map<String, String> persons =
        guard.names(listed.stream().map(ApiToken::person).filter(p -> !p.isEmpty()).toList());
    for (ApiToken k : listed) {
      boolean active = k.activeAt(now);
      tokens.add(
          new TokenRow(
              k.id().toString(),
              role(k, t, persons),
              t.get(
                  k.grant().scope() instanceof Scope.Network
                      ? "admin.token.scope.network"
                      : "admin.token.scope.school"),
              k.label(),
              state(k, now, t),
              active ? "done" : "todo",
              active ? guard.fields(a.request()) : null));
    }
    List<TemplateRow> templates = new ArrayList<>();
    for (SchoolTemplates.Listed l : tremplin.schoolTemplates().of(a.actor(), id)) {
      ProgrammeTemplate p = l.template();
      String ref = p.ref().toString();
      templates.add(
          new TemplateRow(
              p.name().in(t.locale()),
              p.ref().id(),
              p.ref().version(),
              p.certification().toString(),
              p.totalWeeks(),
              t.get(l.ofSchool() ? "admin.templates.ofSchool" : "admin.templates.ofNetwork"),
              href(a, "/templates/export?template=" + ref),
              href(a, "/templates/copy?template=" + ref),
              t.get("admin.templates.export.label", p.name().in(t.locale()), p.ref().version()),
              t.get("admin.templates.copy.label", p.name().in(t.locale()))));
    }
    String notice =
        done.matches("bound|created|revoked|imported|copied") ? t.get("admin.done." + done) : "";
    SchoolPage page =
        new SchoolPage(
            layout(a, errors.titlePrefix() + t.get("admin.title", a.school().name())),
            t,
            a.school().name(),
            a.school().departement().code(),
            a.network(),
            t.get(a.network() ? "admin.role.network" : "admin.role.school"),
            links,
            rows,
            pending,
            tokens,
            templates,
            href(a, "/tokens/new"),
            href(a, "/templates/import"),
            root + "app/admin/platforms/bind",
            root + "app/admin/tokens/revoke",
            id.value().toString(),
            notice,
            errors);
    return Pages.html(status, Templates.web().render("admin/school.jte", page));
  }

  private List<School> schoolsByName() {
    return tremplin.schools().list().stream()
        .sorted(java.util.Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  private static String state(ApiToken token, Instant now, AdminText t) {
    if (token.revokedAt() != null) {
      return t.get("admin.token.revoked", t.instant(token.revokedAt()));
    }
    if (token.expiresAt() != null) {
      // refused from expiresAt on: the last day it works is the one before, in the schools' zone
      LocalDate last = token.expiresAt().minusSeconds(1).atZone(t.zone()).toLocalDate();
      return t.get(
          token.activeAt(now) ? "admin.token.expires" : "admin.token.expired", t.date(last));
    }
    return t.get("admin.token.active");
  }

  // ------------------------------------------------------------------ tokens

  Response tokenForm(
      AdminResource.Admin a, int status, AdminResource.TokenInput input, FormErrors errors) {
    AdminText t = a.t();
    List<Choice> roles = new ArrayList<>();
    for (Role r : tokenRoles(a)) {
      roles.add(new Choice("role-" + r.name(), r.name(), t.get("admin.token.role." + r.name())));
    }
    List<Choice> scopes = new ArrayList<>();
    scopes.add(
        new Choice("scope-school", "school", t.get("admin.token.scope.this", a.school().name())));
    if (a.network()) {
      scopes.add(new Choice("scope-network", "network", t.get("admin.token.scope.network")));
    }
    TokenForm page =
        new TokenForm(
            layout(a, errors.titlePrefix() + t.get("admin.token.new")),
            t,
            root + "app/admin/tokens",
            guard.fields(a.request()),
            a.school().id().value().toString(),
            errors,
            errors.field("role", input.role(), "ADMIN"),
            roles,
            errors.field("scope", input.scope(), "school"),
            scopes,
            errors.field("label", input.label(), ""),
            errors.field("expires", input.expires(), ""),
            errors.field("person", input.person(), ""),
            coaches(a, t),
            LocalDate.now(clock).toString(),
            a.network(),
            href(a, ""));
    return Pages.html(status, Templates.web().render("admin/token-form.jte", page));
  }

  /**
   * The coaches the school knows by name (those who opened Tremplin from its courses), the first
   * option asking for a choice; empty when none is known, and the form asks for an actor id.
   */
  private List<Choice> coaches(AdminResource.Admin a, AdminText t) {
    if (!a.network()) {
      return List.of();
    }
    Map<String, String> known = new KnownCoaches(tremplin, clock).of(a.school().id());
    List<Choice> coaches = new ArrayList<>();
    if (!known.isEmpty()) {
      coaches.add(new Choice("person-none", "", t.get("admin.token.person.choose")));
      known.forEach(
          (id, name) ->
              coaches.add(
                  new Choice("person-" + id, id, t.get("admin.token.person.option", name, id))));
    }
    return coaches;
  }

  /** A token's role, with the coach a COACH token acts as (by name when known, ADR 0017). */
  private static String role(ApiToken k, AdminText t, Map<String, String> names) {
    String role = t.get("role." + k.grant().role().name());
    return k.person().isEmpty()
        ? role
        : t.get("admin.token.role.person", role, names.getOrDefault(k.person(), k.person()));
  }

  Response tokenCreated(AdminResource.Admin a, IssuedToken issued) {
    AdminText t = a.t();
    ApiToken k = issued.token();
    Created page =
        new Created(
            layout(a, t.get("admin.token.created.title")),
            t,
            issued.secret(),
            k.id().toString(),
            role(k, t, k.person().isEmpty() ? Map.of() : guard.names(List.of(k.person()))),
            t.get(
                k.grant().scope() instanceof Scope.Network
                    ? "admin.token.scope.network"
                    : "admin.token.scope.school"),
            k.label(),
            state(k, clock.instant(), t),
            href(a, "done=created"));
    return Pages.html(200, Templates.web().render("admin/token-created.jte", page));
  }

  // ------------------------------------------------------------------ templates

  Response importForm(
      AdminResource.Admin a,
      int status,
      String document,
      List<TemplateProblem> problems,
      FormErrors errors) {
    AdminText t = a.t();
    List<ProblemRow> rows = new ArrayList<>();
    for (TemplateProblem p : problems) {
      rows.add(
          new ProblemRow(
              p.where().isEmpty() ? t.get("admin.problem.whole") : p.where(), problem(t, p)));
    }
    ImportForm page =
        new ImportForm(
            layout(a, errors.titlePrefix() + t.get("admin.import.title")),
            t,
            root + "app/admin/templates/import",
            guard.fields(a.request()),
            a.school().id().value().toString(),
            errors,
            errors.field("document", document, ""),
            rows,
            href(a, ""));
    return Pages.html(status, Templates.web().render("admin/template-import.jte", page));
  }

  Response copyForm(
      AdminResource.Admin a,
      int status,
      ProgrammeTemplate source,
      AdminResource.CopyInput input,
      FormErrors errors,
      String title) {
    AdminText t = a.t();
    CopyForm page =
        new CopyForm(
            layout(a, errors.titlePrefix() + title),
            t,
            title,
            root + "app/admin/templates/copy",
            guard.fields(a.request()),
            a.school().id().value().toString(),
            source.ref().toString(),
            t.get(
                "admin.copy.intro",
                source.name().in(t.locale()),
                source.ref().version(),
                source.totalWeeks()),
            errors,
            errors.field("id", input.id(), ""),
            errors.field("nameFr", input.nameFr(), ""),
            errors.field("nameEn", input.nameEn(), ""),
            href(a, ""));
    return Pages.html(status, Templates.web().render("admin/template-copy.jte", page));
  }

  // ------------------------------------------------------------------ refusal

  Response forbidden(SecurityContext security) {
    return forbidden(RequestSession.of(security));
  }

  Response forbidden(RequestSession request) {
    AdminText t = new AdminText(request.session().locale(), clock.getZone());
    Message page =
        new Message(
            Layout.of(t.locale(), t.get("admin.forbidden.title"), "", root),
            t.get("admin.forbidden.title"),
            t.get("admin.forbidden.text"),
            AppPages.withToken(URI.create(root + "app/home"), request.token()).toString(),
            t.get("admin.back.home"));
    return Pages.html(403, Templates.web().render("admin/message.jte", page));
  }

  private Layout layout(AdminResource.Admin a, String title) {
    return Layout.of(a.t().locale(), title, a.school().name(), root);
  }

  // ------------------------------------------------------------------ models

  /** A school the administrator may switch to. */
  record SchoolLink(String id, String name, String href, boolean current) {}

  /** A platform serving the school, or pending. */
  record PlatformRow(
      String name,
      String issuer,
      String clientId,
      String deployments,
      String origin,
      String state,
      String tag) {}

  /** A pending platform a network administrator may bind, with its form's hidden fields. */
  record PendingRow(String id, String name, String issuer, String clientId, HiddenFields fields) {}

  /** A token, without its value; {@code revoke} holds the revoke form's fields while active. */
  record TokenRow(
      String id,
      String role,
      String scope,
      String label,
      String state,
      String tag,
      @Nullable HiddenFields revoke) {}

  /** A template the school may use. */
  record TemplateRow(
      String name,
      String id,
      int version,
      String certification,
      int weeks,
      String origin,
      String exportHref,
      String copyHref,
      String exportLabel,
      String copyLabel) {}

  /** The school's page. */
  record SchoolPage(
      Layout layout,
      AdminText t,
      String school,
      String departement,
      boolean network,
      String role,
      List<SchoolLink> schools,
      List<PlatformRow> platforms,
      List<PendingRow> pending,
      List<TokenRow> tokens,
      List<TemplateRow> templates,
      String newTokenHref,
      String importHref,
      String bindAction,
      String revokeAction,
      String schoolId,
      String notice,
      FormErrors errors) {}

  /** A radio choice. */
  record Choice(String id, String value, String label) {}

  /** The token form. */
  record TokenForm(
      Layout layout,
      AdminText t,
      String action,
      HiddenFields hidden,
      String schoolId,
      FormErrors errors,
      Field role,
      List<Choice> roles,
      Field scope,
      List<Choice> scopes,
      Field label,
      Field expires,
      Field person,
      List<Choice> coaches,
      String today,
      boolean network,
      String backHref) {}

  /** The page showing a new token, once. */
  record Created(
      Layout layout,
      AdminText t,
      String secret,
      String id,
      String role,
      String scope,
      String label,
      String state,
      String backHref) {}

  /** A problem of an imported document: where, and what to do. */
  record ProblemRow(String where, String what) {}

  /** The import form. */
  record ImportForm(
      Layout layout,
      AdminText t,
      String action,
      HiddenFields hidden,
      String schoolId,
      FormErrors errors,
      Field document,
      List<ProblemRow> problems,
      String backHref) {}

  /** The copy form. */
  record CopyForm(
      Layout layout,
      AdminText t,
      String title,
      String action,
      HiddenFields hidden,
      String schoolId,
      String template,
      String intro,
      FormErrors errors,
      Field id,
      Field nameFr,
      Field nameEn,
      String backHref) {}

  /** A message page (the refusal). */
  record Message(Layout layout, String title, String text, String backHref, String backText) {}
}
