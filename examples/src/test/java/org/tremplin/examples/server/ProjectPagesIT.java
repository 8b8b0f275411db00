package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.project.Project;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.Forms;

/**
 * The trainer's project pages over real HTTP after real launches (issue 14, item 2): a project for
 * a new client organisation, its milestones and its delivery, which records "project" evidence for
 * the team and shows on each member's path; a refused form keeps its values and writes nothing; a
 * trainer of another cohort gets 403 on every page and form, and nothing is written.
 */
class ProjectPagesIT {
  private static final List<String> INSTRUCTOR = List.of(MEMBERSHIP + "#Instructor");
  private static final List<String> LEARNER = List.of(MEMBERSHIP + "#Learner");

  private static LtiTestPlatform platform;
  private static Tremplin core;
  private static Cohort cohort;
  private static Cohort other;
  private static Learner ada;
  private static Learner grace;
  private static LocalDate today;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("project-pages-it");
    CohortPagesIT.Seeded seeded = CohortPagesIT.seed(platform);
    core = seeded.core();
    cohort = seeded.cohort();
    other = seeded.other();
    ada = seeded.ada();
    grace = seeded.grace();
    today = seeded.today();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  private static String projects(Cohort c) {
    return "app/cohorts/" + c.id().value() + "/projects";
  }

  private static Actor manager() {
    return Actor.of("manager", Role.MANAGER, new Scope.OfSchool(cohort.school()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String newProject(String title) {
    return "title="
        + enc(title)
        + "&brief="
        + enc("Annoncer les ateliers du samedi")
        + "&client=new&clientName="
        + enc("Les Amis du Parc")
        + "&clientKind=ASSOCIATION&clientQpv=yes&team="
        + ada.id().value()
        + "&team="
        + grace.id().value()
        + "&competency=CP2";
  }

  @Test
  void aTrainerRunsAProjectFromCreationToDeliveryAndEachMembersPathShowsIt() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "fr");
    assertThat(trainer.get("app/cohorts/" + cohort.id().value()).body())
        .contains("/projects?session=")
        .contains("Projets réels");
    assertThat(trainer.get(projects(cohort)).body()).contains("Nouveau projet");

    HttpResponse<String> created =
        trainer.post(projects(cohort) + "/new", projects(cohort), newProject("Site du Parc"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String page = trainer.follow(created).body();
    assertThat(page)
        .contains("Projet créé.")
        .contains("Les Amis du Parc (association, implanté en QPV)")
        .contains("Grace Hopper, Ada Lovelace");
    Project project =
        core.projects().projects(manager(), cohort.id()).stream()
            .filter(p -> p.title().equals("Site du Parc"))
            .findFirst()
            .orElseThrow();
    String at = projects(cohort) + "/" + project.id().value();

    HttpResponse<String> milestone =
        trainer.post(
            at,
            at + "/milestones",
            "milestoneTitle=" + enc("Maquette validée") + "&milestoneDue=" + today);
    assertThat(milestone.statusCode()).as(milestone.body()).isEqualTo(303);
    HttpResponse<String> done = trainer.post(at, at + "/milestones/done", "milestone=1");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(trainer.follow(done).body()).contains("Jalon marqué atteint.").contains("Atteint");

    HttpResponse<String> delivered =
        trainer.post(
            at,
            at + "/delivery",
            "deliveredOn="
                + today
                + "&kind=URL&url="
                + enc("https://amisduparc.example.org/")
                + "&artefact=&competency=CP2&competency=CP3");
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(303);
    assertThat(trainer.follow(delivered).body())
        .contains("Projet livré")
        .contains("https://amisduparc.example.org/")
        .doesNotContain("id=\"delivery-form\"");

    List<Evidence> evidence = core.evidence().evidence(manager(), cohort.id(), grace.id());
    assertThat(evidence)
        .filteredOn(e -> e.source() == EvidenceSource.PROJECT)
        .extracting(e -> e.target().competency())
        .containsExactlyInAnyOrder("CP2", "CP3");

    Session learner = launch("s-grace", "course-hopper", LEARNER, "fr");
    assertThat(learner.get("app/path").body())
        .contains("id=\"projects\"")
        .contains("« Site du Parc » pour Les Amis du Parc : livré le");
  }

  @Test
  void aRefusedProjectShowsItsErrorsKeepsTheValuesAndWritesNothing() throws Exception {
    Session trainer = launch("s-trainer", "course-hopper", INSTRUCTOR, "en");
    int before = core.projects().projects(manager(), cohort.id()).size();
    int clients = core.projects().clients(manager(), cohort.id()).size();

    HttpResponse<String> refused =
        trainer.post(
            projects(cohort) + "/new",
            projects(cohort),
            "title=&brief="
                + enc("Keep this brief")
                + "&client=new&clientName=&clientKind=&team="
                + ada.id().value()
                + "&competency=CP42");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("<title>Error: ")
        .contains("id=\"error-summary\"")
        .contains("href=\"#title\"")
        .contains("Give the project a title.")
        .contains("Give the new client")
        .contains("kind of organisation.")
        .contains("Choose competencies of the cohort")
        .contains("Keep this brief")
        .containsPattern("value=\"" + ada.id().value() + "\" checked");
    assertThat(core.projects().projects(manager(), cohort.id())).hasSize(before);
    assertThat(core.projects().clients(manager(), cohort.id())).hasSize(clients);
  }

  @Test
  void aTrainerOfAnotherCohortGetsForbiddenOnEveryPageAndFormAndNothingIsWritten()
      throws Exception {
    Project project =
        core.projects()
            .start(
                manager(),
                cohort.id(),
                new org.tremplin.api.project.NewProject(
                    core.projects()
                        .registerClient(
                            manager(),
                            cohort.id(),
                            new org.tremplin.api.project.NewClientOrganisation(
                                "Mairie", org.tremplin.api.project.ClientKind.PUBLIC_BODY, true))
                        .id(),
                    "Annuaire des services",
                    "",
                    List.of(ada.id()),
                    List.of("CP5")));
    Session stranger = launch("s-other-trainer", "course-voisine", INSTRUCTOR, "fr");
    int projectsBefore = core.projects().projects(manager(), cohort.id()).size();
    int evidence = core.evidence().evidence(manager(), cohort.id(), ada.id()).size();
    String at = projects(cohort) + "/" + project.id().value();

    for (String page : List.of(projects(cohort), projects(cohort) + "/new", at)) {
      HttpResponse<String> response = stranger.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(403);
      assertThat(response.body()).contains("Accès refusé").doesNotContain("Lovelace");
    }
    // with the valid CSRF value of their own session, taken from their own cohort's form
    String own = projects(other) + "/new";
    for (String[] post :
        List.of(
            new String[] {projects(cohort), newProject("Intrus")},
            new String[] {at + "/team", "team=" + grace.id().value()},
            new String[] {at + "/milestones", "milestoneTitle=X&milestoneDue=" + today},
            new String[] {
              at + "/delivery", "deliveredOn=" + today + "&kind=ARTEFACT&artefact=x&competency=CP5"
            })) {
      HttpResponse<String> response = stranger.post(own, post[0], post[1], projects(other));
      assertThat(response.statusCode()).as(post[0]).isEqualTo(403);
    }
    assertThat(core.projects().projects(manager(), cohort.id())).hasSize(projectsBefore);
    Project after = core.projects().project(manager(), project.id());
    assertThat(after.team()).containsExactly(ada.id());
    assertThat(after.milestones()).isEmpty();
    assertThat(after.delivered()).isFalse();
    assertThat(core.evidence().evidence(manager(), cohort.id(), ada.id())).hasSize(evidence);
    // their own cohort's projects open
    assertThat(stranger.get(projects(other)).statusCode()).isEqualTo(200);
  }

  @Test
  void aLearnerCannotOpenTheProjectPages() throws Exception {
    Session learner = launch("s-ada", "course-hopper", LEARNER, "en");
    HttpResponse<String> list = learner.get(projects(cohort));
    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(list.body()).contains("Access denied");
  }

  // ------------------------------------------------------------------ helpers

  private static Session launch(String sub, String course, List<String> roles, String language)
      throws Exception {
    LtiTestPlatform.Browser browser = platform.browser().speaking(language);
    HttpResponse<String> launch = browser.launch(sub, course, roles);
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
    String location = launch.headers().firstValue("Location").orElseThrow();
    Matcher token = Pattern.compile("session=([^&]+)").matcher(location);
    assertThat(token.find()).isTrue();
    return new Session(browser, java.net.URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  /** A browser after a launch, adding the session token to what it asks. */
  private record Session(LtiTestPlatform.Browser browser, String token) {
    HttpResponse<String> get(String path) throws Exception {
      String text = path + (path.contains("?") ? "&" : "?") + "session=" + enc(token);
      return browser.get(platform.base.resolve(text));
    }

    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
      return browser.follow(redirect);
    }

    /** Posts to {@code path} with the hidden fields of the form posting there on {@code page}. */
    HttpResponse<String> post(String page, String path, String body) throws Exception {
      return post(page, path, body, path);
    }

    /**
     * Posts to {@code path} with the hidden fields (token, CSRF value, a fresh submission id) of
     * the form on {@code page} whose action ends with {@code action}.
     */
    HttpResponse<String> post(String page, String path, String body, String action)
        throws Exception {
      Map<String, String> hidden = new LinkedHashMap<>();
      try {
        hidden.putAll(Forms.hiddenFields(get(page).body(), action));
      } catch (IllegalArgumentException e) {
        // no such form on the page: post without its hidden fields
      }
      hidden.remove("milestone");
      hidden.putIfAbsent("session", token);
      return browser.post(platform.base.resolve(path), body + "&" + Forms.form(hidden));
    }
  }
}
