package org.tremplin.web.project;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.Milestone;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectStatus;
import org.tremplin.core.Tremplin;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Scripts;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;
import org.tremplin.web.session.RequestSession;

/**
 * The project pages' models and rendering: the cohort's projects, the new-project form, a project's
 * page (team, milestones, delivery), and the 403 page. Each builds one model record and renders its
 * template under {@code src/main/jte/project}. Stateless.
 */
final class ProjectPages {
  /** The bundle of the project pages. */
  static final String BUNDLE = "org.tremplin.web.project.ProjectMessages";

  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;
  private final String base;

  ProjectPages(Tremplin tremplin, FormGuard guard, Clock clock, String base) {
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
    this.base = base.endsWith("/") ? base : base + "/";
  }

  /** What a page runs with: the session, its actor, and the cohort it may read. */
  record ProjectContext(
      RequestSession request, org.tremplin.api.access.Actor actor, Cohort cohort) {
    Texts t() {
      return Texts.of(BUNDLE, request.session().locale());
    }
  }

  String root() {
    return base;
  }

  /** A link under the cohort's projects ({@code ""}, {@code "/new"}, {@code "/<id>"}). */
  String href(ProjectContext c, String under) {
    return AppPages.withToken(URI.create(action(c, under)), c.request().token()).toString();
  }

  /** A form's action under the cohort's projects (the token is a hidden field). */
  String action(ProjectContext c, String under) {
    return base + "app/cohorts/" + c.cohort().id().value() + "/projects" + under;
  }

  private Frame frame(ProjectContext c, String title, boolean list, FormErrors errors) {
    Texts t = c.t();
    String school = tremplin.schools().get(c.cohort().school()).name();
    String cohortHref =
        AppPages.withToken(
                URI.create(base + "app/cohorts/" + c.cohort().id().value()), c.request().token())
            .toString();
    List<NavLink> nav =
        List.of(
            new NavLink(cohortHref, t.get("nav.cohort"), false),
            new NavLink(href(c, ""), t.get("nav.projects"), list));
    Layout layout =
        Layout.of(
            t.locale(), errors.titlePrefix() + title + " — " + c.cohort().name(), school, base);
    if (!errors.isEmpty()) {
      layout = layout.withScript(base + Scripts.href("form-errors.js"));
    }
    return new Frame(layout, t, title, c.cohort().name(), nav);
  }

  // ------------------------------------------------------------------ list

  Response list(ProjectContext c) {
    Texts t = c.t();
    Frame frame = frame(c, t.get("list.title"), true, FormErrors.in(t.locale()));
    Map<LearnerId, Learner> names = learners(c);
    List<Card> cards = new ArrayList<>();
    for (Project p : tremplin.projects().projects(c.actor(), c.cohort().id())) {
      cards.add(card(c, t, p, names));
    }
    return Pages.html(
        200,
        Templates.web().render("project/list.jte", new ListPage(frame, href(c, "/new"), cards)));
  }

  private Card card(ProjectContext c, Texts t, Project p, Map<LearnerId, Learner> names) {
    long done = p.milestones().stream().filter(Milestone::done).count();
    String status =
        p.status() instanceof ProjectStatus.Delivered d
            ? t.get("status.delivered", t.date(d.on()))
            : t.get("status.inProgress");
    return new Card(
        "project-" + p.id().value(),
        p.title(),
        href(c, "/" + p.id().value()),
        client(t, p.client()),
        p.delivered() ? "done" : "current",
        status,
        p.team().isEmpty()
            ? t.get("team.none")
            : String.join(", ", p.team().stream().map(l -> name(names, l)).toList()),
        p.milestones().isEmpty()
            ? t.get("milestones.none")
            : t.get("milestones.count", done, p.milestones().size()));
  }

  private static String client(Texts t, ClientOrganisation c) {
    return c.name()
        + " ("
        + t.get("kind." + c.kind().name())
        + (c.qpvBased() ? ", " + t.get("client.qpv") : "")
        + ")";
  }

  // ------------------------------------------------------------------ new

  Response newForm(
      ProjectContext c,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> form,
      int status) {
    Texts t = c.t();
    Frame frame = frame(c, t.get("new.title"), false, errors);
    List<ClientOrganisation> clients = tremplin.projects().clients(c.actor(), c.cohort().id());
    Field client = errors.field("client", first(form, "client"), clients.isEmpty() ? "new" : "");
    List<Choice> clientChoices = new ArrayList<>();
    clientChoices.add(new Choice("client-new", "new", t.get("client.new"), client.is("new")));
    for (ClientOrganisation o : clients) {
      String v = o.id().value().toString();
      clientChoices.add(new Choice("client-" + v, v, client(t, o), client.is(v)));
    }
    Field kind = errors.field("clientKind", first(form, "clientKind"), "");
    List<Choice> kinds = new ArrayList<>();
    for (ClientKind k : ClientKind.values()) {
      kinds.add(
          new Choice(
              k == ClientKind.values()[0] ? "clientKind" : "clientKind-" + k.name(),
              k.name(),
              t.get("kind." + k.name()),
              kind.is(k.name())));
    }
    Set<String> team = Set.copyOf(all(form, "team"));
    Set<String> codes = Set.copyOf(all(form, "competency"));
    NewPage page =
        new NewPage(
            frame,
            action(c, ""),
            guard.fields(c.request()),
            errors,
            errors.field("title", first(form, "title"), ""),
            errors.field("brief", first(form, "brief"), ""),
            client,
            clientChoices,
            errors.field("clientName", first(form, "clientName"), ""),
            kind,
            kinds,
            form != null && form.getFirst("clientQpv") != null,
            teamChoices(c, team, "team"),
            competencyChoices(c, t, codes, "competency"),
            href(c, ""));
    return Pages.html(status, Templates.web().render("project/new.jte", page));
  }

  // ------------------------------------------------------------------ one project

  Response project(
      ProjectContext c,
      Project p,
      FormErrors errors,
      @Nullable MultivaluedMap<String, String> form,
      String notice,
      int status) {
    Texts t = c.t();
    Frame frame = frame(c, p.title(), false, errors);
    Map<LearnerId, Learner> names = learners(c);
    Card card = card(c, t, p, names);
    LocalDate today = LocalDate.now(clock);
    List<MilestoneRow> milestones = new ArrayList<>();
    for (Milestone m : p.milestones()) {
      milestones.add(
          new MilestoneRow(
              "milestone-" + m.number(),
              m.number(),
              m.title(),
              t.date(m.due()),
              m.done(),
              guard.fields(c.request())));
    }
    String id = "/" + p.id().value();
    Set<String> team =
        form != null && form.containsKey("team")
            ? Set.copyOf(all(form, "team"))
            : Set.copyOf(p.team().stream().map(l -> l.value().toString()).toList());
    Set<String> codes =
        form != null && form.containsKey("competency")
            ? Set.copyOf(all(form, "competency"))
            : Set.copyOf(p.competencies());
    String deliveredText = "";
    String deliveredUrl = "";
    if (p.status() instanceof ProjectStatus.Delivered d) {
      if (d.deliverable() instanceof Deliverable.Url u) {
        deliveredUrl = u.url().toString();
        deliveredText = t.get("delivered.url", t.date(d.on()));
      } else {
        deliveredText =
            t.get(
                "delivered.artefact",
                t.date(d.on()),
                ((Deliverable.Artefact) d.deliverable()).description());
      }
    }
    CertificationVersion cert = certification(c);
    List<String> evidenced =
        p.competencies().stream()
            .map(
                code ->
                    cert.competency(code)
                        .map(x -> code + " — " + x.title().in(t.locale()))
                        .orElse(code))
            .toList();
    Field kind = errors.field("kind", first(form, "kind"), "URL");
    ProjectPage page =
        new ProjectPage(
            frame,
            errors,
            notice,
            card,
            p.brief(),
            p.delivered(),
            deliveredText,
            deliveredUrl,
            evidenced,
            milestones,
            action(c, id + "/milestones/done"),
            action(c, id + "/team"),
            guard.fields(c.request()),
            teamChoices(c, team, "team"),
            action(c, id + "/milestones"),
            guard.fields(c.request()),
            errors.field("milestoneTitle", first(form, "milestoneTitle"), ""),
            errors.field("milestoneDue", first(form, "milestoneDue"), ""),
            action(c, id + "/delivery"),
            guard.fields(c.request()),
            errors.field("deliveredOn", first(form, "deliveredOn"), today.toString()),
            kind,
            errors.field("url", first(form, "url"), ""),
            errors.field("artefact", first(form, "artefact"), ""),
            competencyChoices(c, t, codes, "competency"),
            today.toString(),
            href(c, ""));
    return Pages.html(status, Templates.web().render("project/project.jte", page));
  }

  // ------------------------------------------------------------------ shared

  /** 403: the session may not see (or change) this cohort's projects. */
  static Response forbidden(Locale locale, String root) {
    Texts t = Texts.of(BUNDLE, locale);
    return Pages.html(
        403,
        Templates.web()
            .render(
                "project/message.jte",
                new Message(
                    Layout.of(t.locale(), t.get("forbidden.title"), "", root),
                    t.get("forbidden.title"),
                    t.get("forbidden.text"))));
  }

  CertificationVersion certification(ProjectContext c) {
    return tremplin
        .certifications()
        .version(tremplin.templates().get(c.cohort().template()).certification());
  }

  /** The learners who ever joined the cohort, by id. */
  Map<LearnerId, Learner> learners(ProjectContext c) {
    Map<LearnerId, Learner> all = new HashMap<>();
    tremplin.learners().learners(c.actor(), c.cohort().id()).forEach(l -> all.put(l.id(), l));
    return all;
  }

  private List<Choice> teamChoices(ProjectContext c, Set<String> chosen, String name) {
    Map<LearnerId, Learner> all = learners(c);
    List<Choice> choices = new ArrayList<>();
    List<Enrolment> enrolments = tremplin.learners().enrolments(c.actor(), c.cohort().id());
    List<Learner> active = new ArrayList<>();
    for (Enrolment e : enrolments) {
      Learner l = all.get(e.learner());
      if (l != null && (e.active() || chosen.contains(l.id().value().toString()))) {
        active.add(l);
      }
    }
    active.sort(Comparator.comparing(Learner::familyName).thenComparing(Learner::givenName));
    boolean firstOne = true;
    for (Learner l : active) {
      String v = l.id().value().toString();
      choices.add(
          new Choice(
              firstOne ? name : name + "-" + v,
              v,
              l.familyName() + " " + l.givenName(),
              chosen.contains(v)));
      firstOne = false;
    }
    return choices;
  }

  private List<Choice> competencyChoices(
      ProjectContext c, Texts t, Set<String> chosen, String name) {
    List<Choice> choices = new ArrayList<>();
    boolean firstOne = true;
    for (Competency comp : certification(c).competencies().toList()) {
      choices.add(
          new Choice(
              firstOne ? name : name + "-" + comp.code(),
              comp.code(),
              comp.code() + " — " + comp.title().in(t.locale()),
              chosen.contains(comp.code())));
      firstOne = false;
    }
    return choices;
  }

  static String name(Map<LearnerId, Learner> names, LearnerId id) {
    Learner l = names.get(id);
    return l == null ? "—" : l.givenName() + " " + l.familyName();
  }

  static @Nullable String first(@Nullable MultivaluedMap<String, String> form, String field) {
    return form == null ? null : form.getFirst(field);
  }

  static List<String> all(@Nullable MultivaluedMap<String, String> form, String field) {
    if (form == null) {
      return List.of();
    }
    List<String> values = form.get(field);
    return values == null ? List.of() : values;
  }

  // ------------------------------------------------------------------ models

  /** The frame of a project page: layout, texts, title, the cohort's name, the links above. */
  record Frame(Layout layout, Texts t, String title, String cohort, List<NavLink> nav) {}

  /** A checkbox or radio button: element id, value, label, whether chosen. */
  record Choice(String id, String value, String label, boolean chosen) {}

  /** A project in the list (and at the top of its page). */
  record Card(
      String id,
      String title,
      String href,
      String client,
      String statusCode,
      String status,
      String team,
      String milestones) {}

  /** The cohort's projects. */
  record ListPage(Frame frame, String newHref, List<Card> projects) {}

  /** The new-project form. */
  record NewPage(
      Frame frame,
      String action,
      HiddenFields hidden,
      FormErrors errors,
      Field title,
      Field brief,
      Field client,
      List<Choice> clients,
      Field clientName,
      Field clientKind,
      List<Choice> kinds,
      boolean clientQpv,
      List<Choice> team,
      List<Choice> competencies,
      String cancelHref) {}

  /** A milestone row with its own "done" form. */
  record MilestoneRow(
      String id, int number, String title, String due, boolean done, HiddenFields hidden) {}

  /** A project's page. */
  record ProjectPage(
      Frame frame,
      FormErrors errors,
      String notice,
      Card card,
      String brief,
      boolean delivered,
      String deliveredText,
      String deliveredUrl,
      List<String> competencies,
      List<MilestoneRow> milestones,
      String doneAction,
      String teamAction,
      HiddenFields teamHidden,
      List<Choice> team,
      String milestoneAction,
      HiddenFields milestoneHidden,
      Field milestoneTitle,
      Field milestoneDue,
      String deliverAction,
      HiddenFields deliverHidden,
      Field deliveredOn,
      Field kind,
      Field url,
      Field artefact,
      List<Choice> deliveryCompetencies,
      String today,
      String listHref) {}

  /** A page with a title and one message (403). */
  record Message(Layout layout, String title, String text) {}
}
