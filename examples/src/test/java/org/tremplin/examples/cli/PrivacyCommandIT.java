package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.testing.SimulatedLms;
import org.tremplin.web.form.WebSchema;

/**
 * {@code privacy export|audit|erase} on a configured H2 file: the export on stdout or written whole
 * to a file, the audit trail naming the operator, and an erasure only when {@code --confirm}
 * repeats the id (exit 2 and nothing written otherwise), that also removes what the web pages and
 * the LTI adapter keep about the learner; and the jar erasing while {@code serve} holds the file,
 * the server answering the erased learner at once.
 */
class PrivacyCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path config;
  private DataSource data;
  private Learner ada;
  private Learner grace;

  @BeforeEach
  void school() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("tremplin");
    data = Tremplin.dataSource(url, "sa", "");
    Tremplin t =
        Tremplin.create(
            data, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Paris")));
    WebSchema.install(t);
    LtiSchema.install(t);
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School school = t.schools().create(admin, "École du Web 93", new Departement("93"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        t.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo 2025",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    t.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));
    ada = t.learners().register(manager, school.id(), "Ada", "Lovelace");
    grace = t.learners().register(manager, school.id(), "Grace", "Hopper");
    t.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    t.referents().assign(manager, ada.id(), "cip-1", LocalDate.of(2025, 9, 1));
    // what the LTI adapter and the pages keep: Ada's LMS account and her name at the platform
    for (Learner l : List.of(ada, grace)) {
      update(
          "insert into tremplin_lti_person (issuer, client_id, sub, person_id, learner_id,"
              + " created_at) values ('https://lms.example', 'c', ?, ?, ?, current_timestamp)",
          l.givenName(),
          "lms:" + l.givenName(),
          l.id().value());
      update(
          "insert into tremplin_web_person (person_id, display_name, updated_at)"
              + " values (?, ?, current_timestamp)",
          "lms:" + l.givenName(),
          l.givenName() + " " + l.familyName());
    }
    config = dir.resolve("tremplin.properties");
    Files.writeString(config, "tremplin.datasource.url=" + url + "\n");
  }

  private void update(String sql, Object... args) throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private String text(String sql, Object arg) throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          values.add(rs.getString(1));
        }
        return String.join(",", values);
      }
    }
  }

  private String namesOf(Learner l) throws SQLException {
    return text(
        "select given_name || ' ' || family_name from tremplin_learner where id = ?",
        l.id().value());
  }

  private long audited(Learner l, String action) throws SQLException {
    return Long.parseLong(
        text(
            "select count(*) from tremplin_audit where learner_id = ? and action = '"
                + action
                + "'",
            l.id().value()));
  }

  private JarRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--lang")) {
      all.add("--lang");
      all.add("fr");
    }
    all.add("--config");
    all.add(config.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TremplinCli.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new JarRun(code, out.toString(), err.toString());
  }

  private String id(Learner l) {
    return l.id().value().toString();
  }

  @Test
  void theExportGoesToStdoutOrWholeToAFileAndTheTrailNamesTheOperator() throws Exception {
    String operator = Installation.operator().id();

    JarRun printed = cli("privacy", "export", "--learner", id(ada));
    Path file = dir.resolve("ada.json");
    Files.writeString(file, "an older export");
    JarRun written = cli("privacy", "export", "--learner", id(ada), "--out", file.toString());
    JarRun trail = cli("privacy", "audit", "--learner", id(ada));
    JarRun trailJson = cli("privacy", "audit", "--learner", id(ada), "--format", "json");

    assertThat(printed.exitCode()).as(printed.stderr()).isZero();
    JsonNode document = JSON.readTree(printed.stdout());
    assertThat(document.at("/learner/familyName").asText()).isEqualTo("Lovelace");
    assertThat(document.path("referents").findValuesAsText("coach_id")).containsExactly("cip-1");
    assertThat(document.path("lmsAccounts").findValuesAsText("sub")).containsExactly("Ada");
    assertThat(document.path("webPersonNames").findValuesAsText("display_name"))
        .containsExactly("Ada Lovelace");
    assertThat(printed.stdout()).doesNotContain("Hopper");
    assertThat(written.exitCode()).as(written.stderr()).isZero();
    assertThat(written.outputLines()).containsExactly("Export écrit dans " + file);
    assertThat(JSON.readTree(Files.readString(file)).at("/learner/id").asText()).isEqualTo(id(ada));
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(trail.exitCode()).as(trail.stderr()).isZero();
    // two exports, then this read of the trail itself
    List<String> operatorLines =
        trail.outputLines().stream().filter(l -> l.contains("  " + operator + "  ")).toList();
    assertThat(operatorLines).hasSize(3);
    assertThat(operatorLines.subList(0, 2)).allMatch(l -> l.endsWith("  export  privacy.export"));
    assertThat(operatorLines.get(2)).endsWith("  lecture  privacy.audit-trail");
    assertThat(trailJson.exitCode()).as(trailJson.stderr()).isZero();
    JsonNode lines = JSON.readTree(trailJson.stdout());
    assertThat(lines.isArray()).isTrue();
    List<String> operatorActions = new ArrayList<>();
    lines.forEach(
        l -> {
          if (l.path("actor").asText().equals(operator)) {
            operatorActions.add(l.path("action").asText() + " " + l.path("what").asText());
          }
        });
    // the trail read as text is itself in the trail read as JSON
    assertThat(operatorActions)
        .containsExactly(
            "EXPORT privacy.export",
            "EXPORT privacy.export",
            "READ privacy.audit-trail",
            "READ privacy.audit-trail");
  }

  @Test
  void anErasureWithoutTheSameIdErasesNothingAndExits2WithOneLine() throws Exception {
    JarRun other = cli("privacy", "erase", "--learner", id(ada), "--confirm", id(grace));
    JarRun typo = cli("privacy", "erase", "--learner", id(ada), "--confirm", "oui", "--lang", "en");
    JarRun missing = cli("privacy", "erase", "--learner", id(ada));

    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.errorLines())
        .containsExactly(
            "tremplin privacy erase: Rien n’a été effacé : --confirm doit reprendre l’identifiant"
                + " donné à --learner ("
                + id(ada)
                + ")");
    assertThat(other.stdout()).isEmpty();
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.errorLines()).singleElement().asString().contains("Nothing was erased");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errorLines()).singleElement().asString().contains("--confirm");
    assertThat(namesOf(ada)).isEqualTo("Ada Lovelace");
    assertThat(namesOf(grace)).isEqualTo("Grace Hopper");
    assertThat(
            text("select count(*) from tremplin_lti_person where learner_id = ?", ada.id().value()))
        .isEqualTo("1");
    assertThat(text("select display_name from tremplin_web_person where person_id = ?", "lms:Ada"))
        .isEqualTo("Ada Lovelace");
    assertThat(audited(ada, "ERASE")).isZero();
    assertThat(
            text(
                "select count(*) from tremplin_audit where actor_id = ?",
                Installation.operator().id()))
        .isEqualTo("0");
  }

  @Test
  void aConfirmedErasureAnonymisesTheLearnerOnlyAndPrintsTheCountsPerSection() throws Exception {
    JarRun erased =
        cli("privacy", "erase", "--learner", id(ada), "--confirm", id(ada), "--lang", "en");

    assertThat(erased.exitCode()).as(erased.stderr()).isZero();
    assertThat(erased.outputLines().get(0)).startsWith("Learner " + id(ada) + " erased on ");
    assertThat(erased.outputLines())
        .contains("  learner: 1", "  lmsAccounts: 1", "  webPersonNames: 1", "  attendance: 0");
    assertThat(namesOf(ada)).isEqualTo("[effacé] [effacé]");
    assertThat(
            text("select count(*) from tremplin_lti_person where learner_id = ?", ada.id().value()))
        .isEqualTo("0");
    assertThat(text("select count(*) from tremplin_web_person where person_id = ?", "lms:Ada"))
        .isEqualTo("0");
    assertThat(
            text(
                "select actor_id from tremplin_audit where learner_id = ? and action = 'ERASE'",
                ada.id().value()))
        .isEqualTo(Installation.operator().id());
    // Grace, of the same school, keeps everything
    assertThat(namesOf(grace)).isEqualTo("Grace Hopper");
    assertThat(
            text(
                "select count(*) from tremplin_lti_person where learner_id = ?",
                grace.id().value()))
        .isEqualTo("1");
    assertThat(
            text("select display_name from tremplin_web_person where person_id = ?", "lms:Grace"))
        .isEqualTo("Grace Hopper");
  }

  @Test
  void anUnknownOrMalformedLearnerIsOneLineAndExit2() throws Exception {
    String nobody = "00000000-0000-4000-8000-000000000000";
    for (String[] args :
        List.of(
            new String[] {"privacy", "export", "--learner", nobody},
            new String[] {"privacy", "audit", "--learner", nobody},
            new String[] {"privacy", "erase", "--learner", nobody, "--confirm", nobody},
            new String[] {"privacy", "export", "--learner", "Ada"},
            new String[] {"privacy", "erase", "--learner", "Ada", "--confirm", "Ada"})) {
      JarRun run = cli(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.stderr()).isEqualTo(2);
      assertThat(run.errorLines()).as(String.join(" ", args)).hasSize(1);
      assertThat(run.stdout()).isEmpty();
    }
    assertThat(cli("privacy", "export", "--learner", "Ada").stderr())
        .contains("--learner Ada : attendu l’identifiant d’un·e apprenant·e");
    assertThat(namesOf(ada)).isEqualTo("Ada Lovelace");
  }

  @Test
  void theJarExportsToAFile() throws Exception {
    Path file = dir.resolve("export.json");
    JarRun run =
        JarRun.of(
            "privacy",
            "export",
            "--learner",
            id(ada),
            "--out",
            file.toString(),
            "--config",
            config.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(JSON.readTree(Files.readString(file)).at("/learner/givenName").asText())
        .isEqualTo("Ada");
  }

  @Test
  void anErasureWhileServeRunsIsSeenByTheServerAtOnce() throws Exception {
    Path served = Files.createDirectories(dir.resolve("served"));
    try (SimulatedLms lms = new SimulatedLms("moodle-key");
        ServingJar serving = ServingJar.start(served, lms)) {
      // a learner written through the served file (H2's mixed mode, as any subcommand)
      School school;
      Learner zoe;
      try (Tremplin t =
          Tremplin.create(
              Tremplin.dataSource("jdbc:h2:file:" + served.resolve("data/tremplin"), "sa", ""),
              Clock.systemUTC())) {
        Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
        school = t.schools().create(admin, "École du Web 92", new Departement("92"));
        zoe =
            t.learners()
                .register(
                    Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id())),
                    school.id(),
                    "Zoé",
                    "Martin");
      }
      String id = zoe.id().value().toString();
      String config = serving.config();

      JarRun erased =
          JarRun.of("privacy", "erase", "--learner", id, "--confirm", id, "--config", config);
      JarRun token =
          JarRun.of(
              "token",
              "create",
              "--school",
              school.id().value().toString(),
              "--role",
              "manager",
              "--config",
              config);

      assertThat(erased.exitCode()).as(erased.stderr()).isZero();
      assertThat(erased.stderr()).doesNotContain("already in use");
      assertThat(erased.outputLines()).contains("  learner : 1");
      assertThat(token.exitCode()).as(token.stderr()).isZero();
      String secret =
          token.outputLines().stream().filter(l -> l.startsWith("tremplin_")).findFirst().get();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> read =
          http.send(
              HttpRequest.newBuilder(serving.base().resolve("api/v1/learners/" + id))
                  .header("Authorization", "Bearer " + secret)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("familyName").asText()).isEqualTo("[effacé]");
      HttpResponse<String> trail =
          http.send(
              HttpRequest.newBuilder(
                      serving.base().resolve("api/v1/learners/" + id + "/audit-trail"))
                  .header("Authorization", "Bearer " + secret)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
      assertThat(JSON.readTree(trail.body()).at("/items/0/actor").asText())
          .isEqualTo(Installation.operator().id());
      assertThat(JSON.readTree(trail.body()).at("/items/0/action").asText()).isEqualTo("ERASE");
    }
  }
}
