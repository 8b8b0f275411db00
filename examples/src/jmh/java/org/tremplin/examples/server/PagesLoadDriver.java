package org.tremplin.examples.server;

import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.PlatformUser;

/**
 * Times the pages of issue 12 items 2–3 (the learner's path, the trainer's cohort pages) and of
 * issue 13 item 2 (the coach's caseload, a learner's file as the coach and as a manager reads it)
 * on a demo-sized cohort: 12 learners, every half-day of the 14 weeks so far recorded, about 60
 * pieces of evidence. Tremplin runs in this JVM on H2 ({@link LtiTestPlatform}); each page is
 * fetched {@code iterations} times after {@code warmup} rounds over every page, one at a time over
 * loopback HTTP, and the driver prints p50/p95/max in milliseconds and the bytes of the page (the
 * stylesheet once, cached for a year). Run with the {@code bench} profile (docs/benchmarks.md,
 * "Trainer's and learner's pages"). Not a test: nothing asserts.
 */
public final class PagesLoadDriver {
  private PagesLoadDriver() {}

  /** {@code warmup=200 iterations=500}. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("warmup", "200", "iterations", "500"));
    Arrays.stream(args)
        .map(a -> a.split("=", 2))
        .filter(a -> a.length == 2)
        .forEach(a -> options.put(a[0], a[1]));
    int warmup = Integer.parseInt(options.get("warmup"));
    int iterations = Integer.parseInt(options.get("iterations"));
    try (LtiTestPlatform platform = new LtiTestPlatform("pages-load-driver")) {
      Cohort cohort = seed(platform);
      seedCaseload(platform, cohort);
      String coach = token(platform, "s-coach", List.of(MEMBERSHIP + "#Mentor"));
      String director = token(platform, "s-director", List.of(MEMBERSHIP + "#Administrator"));
      String trainer = token(platform, "s-trainer", List.of(MEMBERSHIP + "#Instructor"));
      String learner = token(platform, "s-learner-0", List.of(MEMBERSHIP + "#Learner"));
      String manager = token(platform, "s-manager", List.of(MEMBERSHIP + "#Administrator"));
      String base = "app/cohorts/" + cohort.id().value();
      String firstLearner =
          platform
              .tremplin
              .feature()
              .tremplin()
              .learners()
              .learners(manager(cohort), cohort.id())
              .get(0)
              .id()
              .value()
              .toString();
      Map<String, String[]> pages = new LinkedHashMap<>();
      pages.put("learner path (/app/path)", new String[] {"app/path", learner});
      pages.put("roster", new String[] {base, trainer});
      pages.put("competency grid", new String[] {base + "/grid", trainer});
      pages.put("calendar", new String[] {base + "/calendar", trainer});
      pages.put("learner file", new String[] {base + "/learners/" + firstLearner, trainer});
      pages.put("assessment form", new String[] {base + "/assessments/new", trainer});
      pages.put("add-a-learner form", new String[] {base + "/learners/new", trainer});
      pages.put("coach caseload", new String[] {"app/caseload", coach});
      pages.put("coach: learner file", new String[] {"app/coach/learners/" + firstLearner, coach});
      pages.put(
          "manager: learner file", new String[] {"app/coach/learners/" + firstLearner, director});
      pages.put("school dashboard", new String[] {"app/school", manager}); // issue 13 (h13)
      pages.put(
          "school figure", new String[] {"app/school/" + base.substring(4) + "/recent", manager});
      pages.put("school CSV", new String[] {"app/school?format=csv&table=cohorts", manager});
      // issue 13, item 4: the administrator's page (platforms, tokens, templates) and its forms
      String admin = adminToken(platform, cohort);
      pages.put("administrator (/app/admin)", new String[] {"app/admin", admin});
      pages.put("token form", new String[] {"app/admin/tokens/new", admin});
      pages.put("template import form", new String[] {"app/admin/templates/import", admin});
      LtiTestPlatform.Browser browser = platform.browser();
      int css =
          browser
              .get(platform.base.resolve(org.tremplin.web.page.StylesheetResource.HREF))
              .body()
              .getBytes(StandardCharsets.UTF_8)
              .length;
      System.out.printf(
          Locale.ROOT,
          "%-28s %8s %8s %8s %10s%n",
          "page",
          "p50 ms",
          "p95 ms",
          "max ms",
          "HTML bytes");
      Map<String, URI> uris = new LinkedHashMap<>();
      pages.forEach(
          (name, page) ->
              uris.put(
                  name,
                  platform.base.resolve(
                      page[0]
                          + (page[0].contains("?") ? "&" : "?")
                          + "session="
                          + URLEncoder.encode(page[1], StandardCharsets.UTF_8))));
      // warm every page up first (the JIT compiles what they share), then measure each
      for (int i = 0; i < warmup; i++) {
        for (URI uri : uris.values()) {
          check(browser.get(uri));
        }
      }
      for (Map.Entry<String, String[]> page : pages.entrySet()) {
        URI uri = uris.get(page.getKey());
        int bytes = 0;
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
          long start = System.nanoTime();
          HttpResponse<String> response = browser.get(uri);
          nanos[i] = System.nanoTime() - start;
          check(response);
          bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        }
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "%-28s %8.1f %8.1f %8.1f %10d%n",
            page.getKey(),
            nanos[iterations / 2] / 1e6,
            nanos[(int) Math.ceil(iterations * 0.95) - 1] / 1e6,
            nanos[iterations - 1] / 1e6,
            bytes);
      }
      System.out.printf(Locale.ROOT, "stylesheet: %d bytes (cached for a year)%n", css);
    }
  }

  /**
   * An institution administrator's session on the cohort's school, with what its page lists: three
   * API tokens (one revoked) and a template of the school beside the network's.
   */
  private static String adminToken(LtiTestPlatform platform, Cohort cohort) throws Exception {
    Tremplin core = platform.tremplin.feature().tremplin();
    Actor operator = Actor.of("admin", Role.ADMIN, new Scope.Network());
    org.tremplin.api.access.Grant grant =
        new org.tremplin.api.access.Grant(Role.ADMIN, new Scope.OfSchool(cohort.school()));
    for (String label : List.of("SI de l'école", "Tableau de bord", "Ancien SI")) {
      var issued = core.tokens().create(operator, grant, label, null);
      if (label.startsWith("Ancien")) {
        core.tokens().revoke(operator, issued.token().id());
      }
    }
    core.schoolTemplates()
        .importFor(
            operator,
            cohort.school(),
            core.templates()
                .exportJson(new TemplateRef("ecole-du-web", 1))
                .replace("\"ecole-du-web\"", "\"ecole-du-web-92\""));
    return token(
        platform,
        "s-admin",
        List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
    }
  }

  private static Actor manager(Cohort cohort) {
    return Actor.of("manager", Role.MANAGER, new Scope.OfSchool(cohort.school()));
  }

  private static String token(LtiTestPlatform platform, String sub, List<String> roles)
      throws Exception {
    HttpResponse<String> launch = platform.browser().launch(sub, "course-bench", roles);
    Matcher m =
        Pattern.compile("session=([^&]+)")
            .matcher(launch.headers().firstValue("Location").orElseThrow());
    if (!m.find()) {
      throw new IllegalStateException("no session: " + launch.statusCode());
    }
    return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  /**
   * The coach {@code s-coach} ({@code cip-bench}) is every learner's referent; each learner met
   * them 10 days ago (a note and a confidential note), has a meeting planned next week, a barrier,
   * an action; the first has an open alert (issue 13's coach pages).
   */
  private static void seedCaseload(LtiTestPlatform platform, Cohort cohort) {
    Tremplin core = platform.tremplin.feature().tremplin();
    Actor manager = manager(cohort);
    platform
        .tremplin
        .feature()
        .directory()
        .linkPerson(
            new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-coach"), "cip-bench");
    Actor coach = Actor.of("cip-bench", Role.COACH, new Scope.OfSchool(cohort.school()));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Learner> learners = core.learners().learners(manager, cohort.id());
    for (Learner l : learners) {
      core.referents().assign(manager, l.id(), "cip-bench", cohort.range().first());
      var met =
          core.coaching()
              .planMeeting(
                  coach, cohort.id(), l.id(), today.minusDays(10).atTime(14, 0), "Point d'étape");
      core.coaching()
          .recordOutcome(
              coach,
              cohort.id(),
              l.id(),
              met.id(),
              new org.tremplin.api.coaching.MeetingOutcome.Held(
                  "Bilan du mois", "Note confidentielle de test"));
      core.coaching()
          .planMeeting(coach, cohort.id(), l.id(), today.plusDays(7).atTime(10, 0), "Suite");
      core.coaching()
          .openBarrier(
              coach,
              cohort.id(),
              l.id(),
              new org.tremplin.api.coaching.NewBarrier(
                  org.tremplin.api.coaching.BarrierCategory.MOBILITY,
                  org.tremplin.api.coaching.BarrierSeverity.MEDIUM,
                  today.minusDays(10),
                  "Transport"));
    }
    core.alerts()
        .raise(
            manager,
            cohort.id(),
            learners.get(0).id(),
            List.of(new org.tremplin.api.alert.RiskSignal.MissedMeetings(2)),
            today);
  }

  /** A demo-sized cohort running today, linked to course {@code course-bench}. */
  private static Cohort seed(LtiTestPlatform platform) {
    Tremplin core = platform.tremplin.feature().tremplin();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    School school =
        core.schools()
            .create(
                Actor.of("admin", Role.ADMIN, new Scope.Network()),
                "École du Web de Villeneuve-la-Garenne",
                new Departement("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    LocalDate first = today.minusWeeks(14).with(DayOfWeek.MONDAY);
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo Banc d'essai",
                    new DateRange(first, first.plusWeeks(43).minusDays(3)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    List<Learner> learners = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Learner l = core.learners().register(manager, school.id(), "Prénom" + i, "Nom" + i);
      core.learners().join(manager, cohort.id(), l.id(), first);
      platform
          .tremplin
          .feature()
          .directory()
          .linkLearner(
              new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-learner-" + i),
              l.id());
      learners.add(l);
    }
    platform.linkCourse("course-bench", cohort);
    List<AttendanceEntry> entries = new ArrayList<>();
    int n = 0;
    for (LocalDate day :
        core.cohorts()
            .calendar(manager, cohort.id())
            .workingDaysIn(new DateRange(first, today.minusDays(1)))) {
      for (HalfDay half : List.of(HalfDay.am(day), HalfDay.pm(day))) {
        for (Learner l : learners) {
          Mark mark = n++ % 17 == 0 ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT;
          entries.add(new AttendanceEntry(l.id(), half, AttendanceMark.of(mark)));
        }
      }
    }
    core.attendance().recordAll(manager, cohort.id(), entries);
    List<Competency> competencies =
        core.certifications()
            .version(core.templates().get(cohort.template()).certification())
            .competencies()
            .toList();
    for (int i = 0; i < learners.size(); i++) {
      for (int k = 0; k < 5; k++) {
        Competency c = competencies.get((i + k) % competencies.size());
        core.evidence()
            .record(
                manager,
                cohort.id(),
                new NewEvidence(
                    learners.get(i).id(),
                    k % 2 == 0
                        ? new EvidenceTarget.OnCompetency(c.code())
                        : new EvidenceTarget.OnCriterion(c.code(), c.criteria().get(0).code()),
                    EvidenceSource.TRAINER_ASSESSMENT,
                    k % 3 == 0 ? AssessmentResult.PARTIALLY_ACQUIRED : AssessmentResult.ACQUIRED,
                    "Formatrice",
                    first.plusWeeks(k + 1),
                    "Évaluation " + k));
      }
    }
    return cohort;
  }
}
