package org.tremplin.web.app;

import static org.tremplin.web.page.Html.escape;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.SchoolId;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.session.SessionCookie;

/**
 * The server-built pages of the app (until the templated UI lands): every dynamic value escaped,
 * French or English from {@link AppText}, never cached, no script, {@code Referrer-Policy:
 * no-referrer} (links carry the session token). Stateless.
 */
public final class AppPages {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** The order role sections appear in. */
  private static final List<Role> ORDER =
      List.of(Role.LEARNER, Role.TRAINER, Role.COACH, Role.MANAGER, Role.ADMIN);

  private AppPages() {}

  /** {@code uri} with the session token as its {@code session} query parameter. */
  public static URI withToken(URI uri, String token) {
    return URI.create(
        uri
            + (uri.getRawQuery() == null ? "?" : "&")
            + SessionCookie.PARAMETER
            + "="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /** 401: no session behind the token (missing, expired, or forged). */
  public static Response sessionMissing() {
    AppText fr = AppText.of(Locale.FRENCH);
    AppText en = AppText.of(Locale.ENGLISH);
    String body =
        "<h1>"
            + escape(fr.get("session.missing.title"))
            + " / "
            + escape(en.get("session.missing.title"))
            + "</h1>\n<p lang=\"fr\">"
            + escape(fr.get("session.missing.text"))
            + "</p>\n<p lang=\"en\">"
            + escape(en.get("session.missing.text"))
            + "</p>\n";
    return page(401, Locale.FRENCH, fr.get("session.missing.title"), body);
  }

  /** 403: the session may not do this. */
  static Response forbidden(Locale locale) {
    AppText t = AppText.of(locale);
    return page(
        403,
        locale,
        t.get("explained.title"),
        "<p>" + escape(t.get("link.error.notAllowed")) + "</p>\n");
  }

  /**
   * An accepted launch that leads to no session: why, in the user's language; 200 for a test user's
   * preview, else 403.
   */
  public static Response explained(Landing.Explained landing, Locale locale) {
    AppText t = AppText.of(locale);
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(escape(t.get("explained.title"))).append("</h1>\n");
    body.append("<p>").append(hello(t, landing.displayName())).append("</p>\n");
    body.append("<p id=\"reason\" data-reason=\"")
        .append(landing.reason().name())
        .append("\">")
        .append(escape(t.get("explained." + landing.reason().name())))
        .append("</p>\n");
    int status = landing.reason() == Landing.Reason.TEST_USER_PREVIEW ? 200 : 403;
    return page(status, locale, t.get("explained.title"), body.toString());
  }

  /** The landing page: who, which roles, which cohort, then one section per role. */
  static Response home(AppSession session, Tremplin tremplin, String token) {
    Locale locale = session.locale();
    AppText t = AppText.of(locale);
    Optional<Cohort> cohort =
        Optional.ofNullable(session.cohortId()).map(id -> LaunchIdentities.cohort(tremplin, id));
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(hello(t, session.displayName())).append("</h1>\n");
    String roles =
        ORDER.stream()
            .filter(session.roles()::contains)
            .map(
                r ->
                    "<span class=\"role\" data-role=\""
                        + r.name()
                        + "\">"
                        + escape(t.get("role." + r.name()))
                        + "</span>")
            .collect(Collectors.joining(", "));
    body.append("<p id=\"roles\">").append(t.get("home.roles", roles)).append("</p>\n");
    cohort.ifPresent(
        c ->
            body.append("<p id=\"cohort\">")
                .append(
                    escape(
                        t.get(
                            "home.cohort",
                            c.name(),
                            t.date(c.range().first()),
                            t.date(c.range().last()))))
                .append("</p>\n"));
    Actor actor = session.actor().orElseThrow();
    for (Role role : ORDER) {
      if (!session.roles().contains(role)) {
        continue;
      }
      String key = "home." + role.name().toLowerCase(Locale.ROOT);
      body.append("<section id=\"")
          .append(role.name().toLowerCase(Locale.ROOT))
          .append("\">\n<h2>")
          .append(escape(t.get(key + ".title")))
          .append("</h2>\n<p>")
          .append(escape(section(role, t, key, session, actor, cohort, tremplin)))
          .append("</p>\n</section>\n");
    }
    return page(200, locale, t.get("app.title"), body.toString());
  }

  /** The link page: existing cohorts of the school, and a form to open one from a template. */
  static Response link(
      AppSession session,
      String schoolName,
      List<Cohort> cohorts,
      List<TemplateRef> templates,
      String token,
      @Nullable String error,
      int status) {
    Locale locale = session.locale();
    AppText t = AppText.of(locale);
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(escape(t.get("link.title"))).append("</h1>\n");
    if (error != null) {
      body.append("<p role=\"alert\" id=\"error\">").append(escape(error)).append("</p>\n");
    }
    body.append("<p>").append(escape(t.get("link.intro", schoolName))).append("</p>\n");
    body.append("<h2>").append(escape(t.get("link.existing"))).append("</h2>\n");
    if (cohorts.isEmpty()) {
      body.append("<p>").append(escape(t.get("link.none"))).append("</p>\n");
    } else {
      body.append("<form method=\"post\" action=\"link\">\n");
      hiddenToken(body, token);
      body.append("<fieldset><legend>")
          .append(escape(t.get("link.existing")))
          .append("</legend>\n");
      for (Cohort c : cohorts) {
        String id = "cohort-" + c.id().value();
        body.append("<p><input type=\"radio\" name=\"cohort\" required id=\"")
            .append(id)
            .append("\" value=\"")
            .append(c.id().value())
            .append("\"> <label for=\"")
            .append(id)
            .append("\">")
            .append(
                escape(
                    t.get(
                        "home.cohort",
                        c.name(),
                        t.date(c.range().first()),
                        t.date(c.range().last()))))
            .append("</label></p>\n");
      }
      body.append("</fieldset>\n<p><button type=\"submit\">")
          .append(escape(t.get("link.choose")))
          .append("</button></p>\n</form>\n");
    }
    body.append("<h2>").append(escape(t.get("link.create"))).append("</h2>\n");
    body.append("<form method=\"post\" action=\"link/new\">\n");
    hiddenToken(body, token);
    field(body, "name", "text", t.get("link.name"), "", true);
    field(body, "start", "date", t.get("link.start"), "", true);
    field(body, "end", "date", t.get("link.end"), "", false);
    field(body, "capacity", "number", t.get("link.capacity"), "12", true);
    body.append("<p><label for=\"template\">")
        .append(escape(t.get("link.template")))
        .append("</label> <select id=\"template\" name=\"template\" required>\n");
    for (TemplateRef ref : templates) {
      body.append("<option value=\"")
          .append(escape(ref.toString()))
          .append("\">")
          .append(escape(ref.toString()))
          .append("</option>\n");
    }
    body.append("</select></p>\n<p><button type=\"submit\">")
        .append(escape(t.get("link.submit.create")))
        .append("</button></p>\n</form>\n");
    return page(status, locale, t.get("link.title"), body.toString());
  }

  private static String section(
      Role role,
      AppText t,
      String key,
      AppSession session,
      Actor actor,
      Optional<Cohort> cohort,
      Tremplin tremplin) {
    String cohortName = cohort.map(Cohort::name).orElse("—");
    try {
      return switch (role) {
        case LEARNER -> t.get(key + ".text", cohortName);
        case TRAINER ->
            t.get(
                key + ".text",
                cohort.map(c -> tremplin.learners().learners(actor, c.id()).size()).orElse(0),
                cohortName);
        case COACH -> t.get(key + ".text", coached(session, actor, cohort, tremplin));
        case MANAGER -> {
          SchoolId school = schoolOf(session, Role.MANAGER).orElseThrow();
          yield t.get(
              key + ".text",
              tremplin.cohorts().bySchool(actor, school).size(),
              tremplin.schools().get(school).name());
        }
        case ADMIN ->
            t.get(
                key + ".text",
                tremplin.schools().get(schoolOf(session, Role.ADMIN).orElseThrow()).name());
      };
    } catch (TremplinException e) {
      return t.get(key + ".title");
    }
  }

  private static long coached(
      AppSession session, Actor actor, Optional<Cohort> cohort, Tremplin tremplin) {
    long learners =
        session.grants().stream()
            .filter(g -> g.role() == Role.COACH && g.scope() instanceof Scope.OfLearner)
            .count();
    if (learners > 0) {
      return learners;
    }
    return cohort.map(c -> tremplin.learners().learners(actor, c.id()).size()).orElse(0);
  }

  private static Optional<SchoolId> schoolOf(AppSession session, Role role) {
    for (Grant g : session.grants()) {
      if (g.role() == role && g.scope() instanceof Scope.OfSchool s) {
        return Optional.of(s.school());
      }
      if (g.role() == role && g.scope() instanceof Scope.OfCohort c) {
        return Optional.of(c.school());
      }
    }
    return Optional.empty();
  }

  private static String hello(AppText t, String displayName) {
    return displayName.isBlank()
        ? escape(t.get("home.hello.anonymous"))
        : escape(t.get("home.hello", displayName));
  }

  private static void hiddenToken(StringBuilder body, String token) {
    body.append("<input type=\"hidden\" name=\"")
        .append(SessionCookie.PARAMETER)
        .append("\" value=\"")
        .append(escape(token))
        .append("\">\n");
  }

  private static void field(
      StringBuilder body, String name, String type, String label, String value, boolean required) {
    body.append("<p><label for=\"")
        .append(name)
        .append("\">")
        .append(escape(label))
        .append("</label> <input id=\"")
        .append(name)
        .append("\" name=\"")
        .append(name)
        .append("\" type=\"")
        .append(type)
        .append("\" value=\"")
        .append(escape(value))
        .append("\"")
        .append(required ? " required" : "")
        .append("></p>\n");
  }

  private static Response page(int status, Locale locale, String title, String body) {
    String html =
        "<!DOCTYPE html>\n<html lang=\""
            + locale.getLanguage()
            + "\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\""
            + " content=\"width=device-width, initial-scale=1\"><title>"
            + escape(title)
            + "</title></head>\n<body>\n<main>\n"
            + body
            + "</main>\n</body>\n</html>\n";
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", "default-src 'none'; form-action 'self'")
        .entity(html)
        .build();
  }
}
