package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The reports of the REST API over real HTTP: the same figures as core's report services for the
 * same reader, names for the school's manager and pseudonymous references for a network
 * administrator, the attendance proof as JSON, CSV and PDF (with a Vietnamese name), bad years and
 * periods as 400 with the parameter named, entity tags, and every role × scope that core refuses as
 * 403 problem+json.
 */
class ReportsApiIT {
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);

  /** The fixture: Ánh joins cohort A with funder facts; marks on 6 October, one corrected. */
  private static Learner fixture(ApiTestServer api) {
    Tremplin t = api.tremplin();
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
    Learner anh = t.learners().register(manager, api.a.id(), "Thị Ánh", "Nguyễn");
    t.learners().join(manager, api.cohortA.id(), anh.id(), LocalDate.of(2025, 9, 15));
    t.funderFacts()
        .declare(
            manager,
            api.cohortA.id(),
            anh.id(),
            new FunderFacts(
                LocalDate.of(2025, 9, 15),
                DeclaredSex.FEMALE,
                LocalDate.of(2003, 4, 2),
                DiplomaLevel.NONE,
                true,
                true,
                false));
    for (Learner l : List.of(api.ada, anh)) {
      t.attendance()
          .record(
              manager,
              api.cohortA.id(),
              new AttendanceEntry(l.id(), HalfDay.am(OCT_6), AttendanceMark.of(Mark.PRESENT)));
    }
    t.attendance()
        .record(
            manager,
            api.cohortA.id(),
            new AttendanceEntry(
                anh.id(), HalfDay.pm(OCT_6), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED)));
    t.attendance()
        .correct(
            manager,
            api.cohortA.id(),
            new AttendanceEntry(
                anh.id(), HalfDay.pm(OCT_6), AttendanceMark.of(Mark.ABSENT_JUSTIFIED)),
            "certificat médical");
    return anh;
  }

  private static List<String> texts(JsonNode learners, String field) {
    List<String> out = new ArrayList<>();
    learners.forEach(l -> out.add(l.path(field).asText(null)));
    return out;
  }

  @AllDatabases
  void figuresAreTheCoreServicesForTheSameReaderNamedOnlyForTheManager(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      fixture(api);
      Tremplin t = api.tremplin();
      String school = "/api/v1/schools/" + api.a.id().value();
      Actor managerA = Actor.of("m", Role.MANAGER, new Scope.OfSchool(api.a.id()));
      Actor admin = Actor.of("a", Role.ADMIN, new Scope.Network());

      YearlyReview review = t.reports().yearlyReview(managerA, api.a.id(), 2025);
      JsonNode yearly =
          api.get(
                  api.token(Role.MANAGER, api.a),
                  school + "/reports/yearly-review?year=2025&details=true")
              .json();
      assertThat(yearly.at("/school/name").asText()).isEqualTo("École A");
      assertThat(yearly.at("/review/entries/count").asInt())
          .isEqualTo(review.entries().count())
          .isEqualTo(2);
      assertThat(texts(yearly.at("/review/entries/learners"), "name"))
          .containsExactlyElementsOf(
              review.entries().learners().stream().map(CountedLearner::displayName).toList());
      assertThat(yearly.at("/review/monthlyHours")).hasSize(12);
      assertThat(yearly.at("/review/monthlyHours/9/totalHours").decimalValue())
          .isEqualByComparingTo(review.monthlyHours().get(9).totalHours());

      GenIndicators gen =
          t.reports().genIndicators(admin, new ReportScope.OfSchool(api.a.id()), 2025);
      JsonNode adminGen =
          api.get(api.networkToken(Role.ADMIN), school + "/reports/gen?year=2025&details=true")
              .json();
      assertThat(adminGen.at("/entries/count").asInt()).isEqualTo(gen.entries().count());
      assertThat(adminGen.at("/withoutFunderFacts/count").asInt())
          .isEqualTo(gen.withoutFunderFacts().count())
          .isEqualTo(1);
      assertThat(adminGen.at("/sharesOfEntries/women/count").asInt()).isEqualTo(1);
      assertThat(adminGen.at("/sharesOfEntries/women/outOf").asInt()).isEqualTo(1);
      assertThat(adminGen.at("/sharesOfEntries/qpvResidents/percent").decimalValue())
          .isEqualByComparingTo(gen.shareOfEntries(gen.qpvResidents()).percent().orElseThrow());
      // the network administrator gets references only, the same as core's
      JsonNode hidden = adminGen.at("/entries/learners");
      assertThat(texts(hidden, "name")).containsOnlyNulls();
      assertThat(texts(hidden, "learner")).containsOnlyNulls();
      assertThat(texts(hidden, "reference"))
          .containsExactlyElementsOf(
              gen.entries().learners().stream().map(CountedLearner::reference).toList());
      assertThat(adminGen.toString()).doesNotContain("Lovelace", "Nguyễn");
      // without details, counts only
      JsonNode plain =
          api.get(api.networkToken(Role.ADMIN), school + "/reports/gen?year=2025").json();
      assertThat(plain.at("/entries").has("learners")).isFalse();
      assertThat(plain.at("/scope/school/id").asText()).isEqualTo(api.a.id().value().toString());

      NetworkView view = t.reports().networkView(admin, 2025);
      JsonNode network =
          api.get(api.networkToken(Role.ADMIN), "/api/v1/reports/network?year=2025").json();
      assertThat(network.at("/network/review/entries/count").asInt())
          .isEqualTo(view.network().review().entries().count());
      assertThat(network.path("schools")).hasSize(view.schools().size());
      assertThat(network.path("departements")).hasSize(view.departements().size());
      JsonNode dept =
          api.get(api.networkToken(Role.ADMIN), "/api/v1/reports/gen?year=2025&departement=92")
              .json();
      assertThat(dept.at("/scope/departement").asText()).isEqualTo("92");
      assertThat(dept.at("/entries/count").asInt())
          .isEqualTo(
              t.reports()
                  .genIndicators(
                      admin,
                      new ReportScope.OfDepartement(org.tremplin.api.school.Departement.of("92")),
                      2025)
                  .entries()
                  .count());

      JsonNode projects =
          api.get(
                  api.token(Role.MANAGER, api.a),
                  school + "/reports/projects?from=2025-09-01&to=2026-06-30&details=true")
              .json();
      var coreProjects =
          t.projectsReport()
              .projects(
                  managerA,
                  api.a.id(),
                  new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)));
      assertThat(projects.at("/delivered/count").asInt())
          .isEqualTo(coreProjects.delivered().size());
      assertThat(projects.path("deliveredByClientKind").size())
          .isEqualTo(coreProjects.deliveredByKind().size());
    }
  }

  @AllDatabases
  void theAttendanceProofComesAsJsonCsvAndPdfWithEveryNameAsWritten(TestDatabase db)
      throws Exception {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Learner anh = fixture(api);
      String token = api.token(Role.MANAGER, api.a);
      String path =
          "/api/v1/cohorts/"
              + api.cohortA.id().value()
              + "/reports/attendance-proof?from=2025-10-06&to=2025-10-07";

      JsonNode json = api.get(token, path).json();
      assertThat(json.at("/cohort/name").asText()).isEqualTo("DWWM A");
      JsonNode sheet = null;
      for (JsonNode s : json.path("learners")) {
        if (s.at("/learner/learner").asText().equals(anh.id().value().toString())) {
          sheet = s;
        }
      }
      assertThat(sheet).isNotNull();
      assertThat(sheet.at("/learner/name").asText()).isEqualTo("Thị Ánh Nguyễn");
      assertThat(sheet.path("attended").asInt()).isEqualTo(1);
      assertThat(sheet.path("justifiedAbsences").asInt()).isEqualTo(1);
      assertThat(sheet.path("corrections").asInt()).isEqualTo(1);
      assertThat(sheet.at("/lines/1/versions/1/reason").asText()).isEqualTo("certificat médical");

      ApiTestServer.Reply csv = api.send(token, "GET", path, null, Map.of("Accept", "text/csv"));
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.header("Content-Type")).startsWith("text/csv");
      assertThat(csv.header("Content-Disposition")).contains(".csv");
      List<String> lines = csv.response().body().lines().toList();
      assertThat(lines.get(0)).startsWith("type;salarié;nom;");
      assertThat(lines)
          .anyMatch(
              l ->
                  l.startsWith("total;" + anh.id().value() + ";Thị Ánh Nguyễn;")
                      && l.endsWith(";1;1;0;2;1;3,5"));
      ApiTestServer.Reply english =
          api.send(token, "GET", path, null, Map.of("Accept", "text/csv", "Accept-Language", "en"));
      assertThat(english.response().body().lines().findFirst().orElseThrow())
          .startsWith("kind,learner,name,");
      assertThat(english.header("Content-Language")).isEqualTo("en");

      HttpResponse<byte[]> pdf =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api.base.resolve(path.substring(1)))
                      .header("Authorization", "Bearer " + token)
                      .header("Accept", "application/pdf")
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/pdf");
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdfText(pdf.body()))
          .contains("Attestation de présence")
          .contains("DWWM A")
          .contains("Thị Ánh Nguyễn")
          .contains("Ada Lovelace");
    }
  }

  private static String pdfText(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }

  @AllDatabases
  void badYearsAndPeriodsAre400NamingTheParameterAndTagsAnswer304(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String token = api.token(Role.MANAGER, api.a);
      String school = "/api/v1/schools/" + api.a.id().value() + "/reports";
      String proof = "/api/v1/cohorts/" + api.cohortA.id().value() + "/reports/attendance-proof";
      Map<String, String> bad = new LinkedHashMap<>();
      bad.put(school + "/yearly-review", "year");
      bad.put(school + "/yearly-review?year=25", "year");
      bad.put(school + "/gen?year=1999", "year");
      bad.put(school + "/gen?year=2025&details=yes", "details");
      bad.put("/api/v1/reports/network?year=abcd", "year");
      bad.put("/api/v1/reports/gen?year=2025&departement=999", "departement");
      bad.put(proof + "?to=2025-10-31", "from");
      bad.put(proof + "?from=2025-10-01&to=31/10/2025", "to");
      bad.put(proof + "?from=2025-10-31&to=2025-10-01", "to");
      bad.put(proof + "?from=2025-01-01&to=2026-01-02", "to");
      bad.put(school + "/projects?from=2025-09-01&to=2026-09-02", "to");
      for (Map.Entry<String, String> b : bad.entrySet()) {
        JsonNode problem =
            api.get(api.networkToken(Role.MANAGER), b.getKey()).problem(400, "BAD_REQUEST").json();
        assertThat(problem.at("/errors/0/pointer").asText()).as(b.getKey()).isEqualTo(b.getValue());
      }

      ApiTestServer.Reply first = api.get(token, school + "/yearly-review?year=2025");
      String tag = first.header("ETag");
      assertThat(tag).startsWith("\"");
      assertThat(
              api.send(
                      token,
                      "GET",
                      school + "/yearly-review?year=2025",
                      null,
                      Map.of("If-None-Match", tag))
                  .status())
          .isEqualTo(304);
      Map<String, String> csv = Map.of("Accept", "text/csv");
      String csvTag =
          api.send(token, "GET", proof + "?from=2025-10-06&to=2025-10-10", null, csv)
              .header("ETag");
      assertThat(csvTag).isNotEmpty().isNotEqualTo(tag);
      assertThat(
              api.send(
                      token,
                      "GET",
                      proof + "?from=2025-10-06&to=2025-10-10",
                      null,
                      Map.of("Accept", "text/csv", "If-None-Match", csvTag))
                  .status())
          .isEqualTo(304);
    }
  }

  /** One report operation and who may call it. */
  private record Op(String name, Set<String> allowed, String path, Map<String, String> headers) {}

  @AllDatabases
  void everyRoleAndScopeCoreRefusesGets403ProblemJson(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Map<String, String> tokens = new LinkedHashMap<>();
      for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.TRAINER)) {
        tokens.put(role + ":net", api.networkToken(role));
        tokens.put(role + ":A", api.token(role, api.a));
        tokens.put(role + ":B", api.token(role, api.b));
      }
      Set<String> readersOfA = Set.of("ADMIN:net", "ADMIN:A", "MANAGER:net", "MANAGER:A");
      Set<String> managersOfA = Set.of("MANAGER:net", "MANAGER:A");
      Set<String> network = Set.of("ADMIN:net", "MANAGER:net");
      String school = "/api/v1/schools/" + api.a.id().value() + "/reports";
      String proof =
          "/api/v1/cohorts/"
              + api.cohortA.id().value()
              + "/reports/attendance-proof?from=2025-10-01&to=2025-10-31";
      List<Op> ops =
          List.of(
              new Op("yearly", readersOfA, school + "/yearly-review?year=2025", Map.of()),
              new Op("gen", readersOfA, school + "/gen?year=2025&details=true", Map.of()),
              new Op(
                  "projects",
                  readersOfA,
                  school + "/projects?from=2025-09-01&to=2026-06-30",
                  Map.of()),
              new Op("proof", managersOfA, proof, Map.of()),
              new Op("proof csv", managersOfA, proof, Map.of("Accept", "text/csv")),
              new Op("proof pdf", managersOfA, proof, Map.of("Accept", "application/pdf")),
              new Op("network gen", network, "/api/v1/reports/gen?year=2025", Map.of()),
              new Op(
                  "departement gen",
                  network,
                  "/api/v1/reports/gen?year=2025&departement=92",
                  Map.of()),
              new Op("network view", network, "/api/v1/reports/network?year=2025", Map.of()));
      int denials = 0;
      for (Op op : ops) {
        for (Map.Entry<String, String> token : tokens.entrySet()) {
          ApiTestServer.Reply reply =
              api.send(token.getValue(), "GET", op.path(), null, op.headers());
          String what = op.name() + " as " + token.getKey();
          if (op.allowed().contains(token.getKey())) {
            assertThat(reply.status()).as(what + ": " + reply.response().body()).isEqualTo(200);
          } else {
            reply.problem(403, "ACCESS_DENIED");
            denials++;
          }
        }
      }
      assertThat(denials).isEqualTo(9 * 9 - (3 * 4 + 3 * 2 + 3 * 2));
    }
  }
}
