package org.tremplin.web.app;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.SessionCookie;

/**
 * The pages of the app, rendered from the templates in {@code src/main/jte/app} (one model record
 * per page, every dynamic value escaped by jte), French or English from {@link AppText}, never
 * cached, no script, {@code Referrer-Policy: no-referrer} (links carry the session token).
 * Stateless.
 */
public final class AppPages {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** No script; the stylesheet and the forms only to ourselves. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'";

  /** The order role sections appear in. */
  private static final List<Role> ORDER =
      List.of(Role.LEARNER, Role.TRAINER, Role.COACH, Role.MANAGER, Role.ADMIN);

  private AppPages() {}

  /**
   * {@code uri} with the session token as its {@code session} query parameter.
   *
   * @param uri the URI
   * @param token the session token
   * @return the u RI
   */
  public static URI withToken(URI uri, String token) {
    return URI.create(
        uri
            + (uri.getRawQuery() == null ? "?" : "&")
            + SessionCookie.PARAMETER
            + "="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /**
   * 401: no session behind the token (missing, expired, or forged).
   *
   * @return the response
   */
  public static Response sessionMissing() {
    AppText fr = AppText.of(Locale.FRENCH);
    AppText en = AppText.of(Locale.ENGLISH);
    return page(
        401,
        "app/missing.jte",
        new Missing(layout(fr, fr.get("session.missing.title"), ""), fr, en));
  }

  /** 403: the session may not do this. */
  static Response forbidden(Locale locale) {
    AppText t = AppText.of(locale);
    return page(
        403, "app/forbidden.jte", new Forbidden(layout(t, t.get("explained.title"), ""), t));
  }

  /**
   * An accepted launch that leads to no session: why, in the user's language; 200 for a test user's
   * preview, else 403.
   *
   * @param landing the landing
   * @param locale the language of the texts
   * @return an accepted launch that leads to no session: why, in the user's language; 200 for a
   *     test user's preview, else 403
   */
  public static Response explained(Landing.Explained landing, Locale locale) {
    AppText t = AppText.of(locale);
    int status = landing.reason() == Landing.Reason.TEST_USER_PREVIEW ? 200 : 403;
    return page(
        status,
        "app/explained.jte",
        new Explained(
            layout(t, t.get("explained.title"), ""),
            t,
            hello(t, landing.displayName()),
            landing.reason().name()));
  }

  /** The landing page: who, which roles, which cohort, then one section per role. */
  static Response home(AppSession session, Tremplin tremplin, String token) {
    return page(200, "app/home.jte", homeModel(session, tremplin, token));
  }

  /** What the landing page shows. */
  static Home homeModel(AppSession session, Tremplin tremplin) {
    return homeModel(session, tremplin, "");
  }

  /** What the landing page shows, its links carrying this session token (none when empty). */
  static Home homeModel(AppSession session, Tremplin tremplin, String token) {
    Locale locale = session.locale();
    AppText t = AppText.of(locale);
    Optional<Cohort> cohort =
        Optional.ofNullable(session.cohortId()).map(id -> LaunchIdentities.cohort(tremplin, id));
    List<Role> roles = ORDER.stream().filter(session.roles()::contains).toList();
    String marker = "\u0000";
    String[] around = t.get("home.roles", marker).split(marker, 2);
    Actor actor = session.actor().orElseThrow();
    List<Section> sections = new ArrayList<>();
    for (Role role : roles) {
      String key = "home." + role.name().toLowerCase(Locale.ROOT);
      sections.add(
          new Section(
              role.name().toLowerCase(Locale.ROOT),
              t.get(key + ".title"),
              section(role, t, key, session, actor, cohort, tremplin),
              actions(role, t, key, cohort, token, session)));
    }
    return new Home(
        layout(t, t.get("app.title"), schoolName(session, cohort, tremplin)),
        t,
        hello(t, session.displayName()),
        around[0],
        roles.stream().map(r -> new RoleLabel(r.name(), t.get("role." + r.name()))).toList(),
        around.length > 1 ? around[1] : "",
        cohort.map(c -> cohortLine(t, c)).orElse(null),
        sections);
  }

  /**
   * The link page: existing cohorts of the school, and a form to open one from a template; {@code
   * root} leads from the page's address back to the tool's root (its forms and stylesheet are
   * reached through it, whether the page answers {@code /app/link} or a refused {@code
   * /app/link/new}).
   */
  static Response link(
      String root,
      AppSession session,
      String schoolName,
      List<Cohort> cohorts,
      List<TemplateRef> templates,
      HiddenFields form,
      @Nullable String error,
      int status) {
    AppText t = AppText.of(session.locale());
    return page(
        status,
        "app/link.jte",
        new Link(
            Layout.of(t.locale(), t.get("link.title"), schoolName, root),
            root,
            t,
            error,
            schoolName,
            cohorts.stream()
                .map(
                    c ->
                        new Choice(
                            "cohort-" + c.id().value(),
                            c.id().value().toString(),
                            cohortLine(t, c)))
                .toList(),
            templates.stream().map(TemplateRef::toString).toList(),
            form));
  }

  /** A page's frame in the user's language; every app page sits at {@code /app/<name>}. */
  private static Layout layout(AppText t, String title, String school) {
    return Layout.of(t.locale(), title, school, "../");
  }

  private static String cohortLine(AppText t, Cohort c) {
    return t.get("home.cohort", c.name(), t.date(c.range().first()), t.date(c.range().last()));
  }

  /** The school of the course's cohort, else of a manager's or administrator's grant; or "". */
  private static String schoolName(AppSession session, Optional<Cohort> cohort, Tremplin tremplin) {
    Optional<SchoolId> school =
        cohort
            .map(Cohort::school)
            .or(() -> schoolOf(session, Role.MANAGER))
            .or(() -> schoolOf(session, Role.ADMIN));
    try {
      return school.map(s -> tremplin.schools().get(s).name()).orElse("");
    } catch (TremplinException e) {
      return "";
    }
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
                cohort.map(c -> enrolledNow(actor, c, tremplin)).orElse(0L),
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

  /**
   * The links of a role's section, where its daily work is: the learner's path, the cohort (its
   * main link, styled as a button), and for a trainer today's attendance sheet.
   */
  private static List<Action> actions(
      Role role, AppText t, String key, Optional<Cohort> cohort, String token, AppSession session) {
    List<Action> actions = new ArrayList<>();
    // a manager (also trainer or coach) goes back to the school's dashboard from here (h24)
    if (role == Role.MANAGER
        && session
            .actor()
            .flatMap(org.tremplin.web.school.SchoolResource::managedSchool)
            .isPresent()) {
      actions.add(
          new Action(
              "school-link",
              withToken(URI.create("school"), token).toString(),
              t.get("home.manager.school"),
              true));
    }
    // a trainer's task of the day comes first: today's sheet is the main button (UI.md)
    boolean sheet = role == Role.TRAINER && cohort.isPresent();
    if (sheet) {
      actions.add(
          new Action(
              "attendance-link",
              withToken(URI.create("attendance"), token).toString(),
              t.get("home.trainer.attendance"),
              true));
    }
    String main = sectionLink(role, cohort, token);
    if (!main.isEmpty()) {
      actions.add(
          new Action(
              role.name().toLowerCase(Locale.ROOT) + "-link", main, t.get(key + ".link"), !sheet));
    }
    return actions;
  }

  /** Where a role's section leads from {@code /app/home}: the learner's path, the cohort. */
  private static String sectionLink(Role role, Optional<Cohort> cohort, String token) {
    String path =
        switch (role) {
          case LEARNER -> cohort.isPresent() ? "path" : "";
          case TRAINER, COACH, MANAGER -> cohort.map(c -> "cohorts/" + c.id().value()).orElse("");
          case ADMIN -> "";
        };
    if (path.isEmpty() || token.isEmpty()) {
      return path;
    }
    return withToken(URI.create(path), token).toString();
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
    return cohort.map(c -> enrolledNow(actor, c, tremplin)).orElse(0L);
  }

  /** The cohort's current members: a learner who left (and did not come back) is not counted. */
  private static long enrolledNow(Actor actor, Cohort cohort, Tremplin tremplin) {
    return tremplin.learners().enrolments(actor, cohort.id()).stream()
        .filter(Enrolment::active)
        .count();
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
    return displayName.isBlank() ? t.get("home.hello.anonymous") : t.get("home.hello", displayName);
  }

  private static Response page(int status, String template, Object model) {
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP)
        .entity(Templates.web().render(template, model))
        .build();
  }

  /** The session-missing page: the same text in French and in English. */
  record Missing(Layout layout, AppText fr, AppText en) {}

  /** The forbidden page. */
  record Forbidden(Layout layout, AppText t) {}

  /** Why a launch leads to no session ({@code reason}: a {@link Landing.Reason} name). */
  record Explained(Layout layout, AppText t, String hello, String reason) {}

  /** A role as shown: its code and its name in the page's language. */
  record RoleLabel(String code, String label) {}

  /** One role's section of the landing page, with its links. */
  record Section(String id, String title, String text, List<Action> actions) {
    /** A section without a link. */
    Section(String id, String title, String text) {
      this(id, title, text, List.of());
    }
  }

  /**
   * A link of a section: its element id, address (relative to the page), text, and whether it is
   * the section's main link (shown as a button).
   */
  record Action(String id, String href, String label, boolean main) {}

  /**
   * The landing page: the roles line is {@code rolesBefore}, the roles, {@code rolesAfter} (the
   * bundle's sentence around its argument); {@code cohort} is null when the session has none.
   */
  record Home(
      Layout layout,
      AppText t,
      String hello,
      String rolesBefore,
      List<RoleLabel> roles,
      String rolesAfter,
      @Nullable String cohort,
      List<Section> sections) {}

  /** A radio choice: its element id, its value, its label. */
  record Choice(String id, String value, String label) {}

  /** The link page; {@code error} is null when there is none. */
  record Link(
      Layout layout,
      String root,
      AppText t,
      @Nullable String error,
      String school,
      List<Choice> cohorts,
      List<String> templates,
      HiddenFields form) {}
}
