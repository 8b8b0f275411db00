package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.NewClientOrganisation;
import org.tremplin.api.project.NewProject;
import org.tremplin.api.project.Project;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * {@code report projects} on an H2 file database named in a properties file. The school: a site for
 * the association "Amis du Parc" (QPV) by Ada and Bob, delivered on 17 Oct 2025 on CP2; a directory
 * for the town hall (not QPV) by Chloé, in progress; a project of a test account alone, delivered,
 * never counted. So from 1 Sept to 31 Dec 2025: 1 delivered (1 association, 1 QPV), 1 in progress,
 * CP2 evidenced for 2 learners.
 */
class ProjectsReportCommandIT {
  private static final Instant NOW = Instant.parse("2026-01-09T16:00:00Z");
  private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);

  @TempDir static Path dir;
  static Path config;

  @BeforeAll
  static void school() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("tremplin");
    Tremplin t =
        Tremplin.create(
            Tremplin.dataSource(url, "sa", ""), Clock.fixed(NOW, ZoneId.of("Europe/Paris")));
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School school = t.schools().create(admin, "École du Web de Bobigny", new Departement("93"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        t.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo 2025",
                    new DateRange(SEP_1, LocalDate.of(2026, 6, 30)),
                    t.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));
    Learner a = t.learners().register(manager, school.id(), "Ada", "Lovelace");
    Learner b = t.learners().register(manager, school.id(), "Bob", "Martin");
    Learner c = t.learners().register(manager, school.id(), "Chloé", "Nguyen");
    Learner test = t.learners().register(manager, school.id(), "Test", "Student");
    for (Learner l : List.of(a, b, c, test)) {
      t.learners().join(manager, cohort.id(), l.id(), SEP_1);
    }
    t.funderFacts().markTestAccount(manager, cohort.id(), test.id(), true);
    ClientOrganisation park =
        t.projects()
            .registerClient(
                manager,
                cohort.id(),
                new NewClientOrganisation("Amis du Parc", ClientKind.ASSOCIATION, true));
    ClientOrganisation townHall =
        t.projects()
            .registerClient(
                manager,
                cohort.id(),
                new NewClientOrganisation("Mairie", ClientKind.PUBLIC_BODY, false));
    Project site =
        t.projects()
            .start(
                manager,
                cohort.id(),
                new NewProject(park.id(), "Site du Parc", "", List.of(a.id(), b.id()), List.of()));
    t.projects()
        .deliver(
            manager,
            site.id(),
            LocalDate.of(2025, 10, 17),
            new Deliverable.Artefact("site remis"),
            List.of("CP2"));
    t.projects()
        .start(
            manager,
            cohort.id(),
            new NewProject(townHall.id(), "Annuaire", "", List.of(c.id()), List.of("CP5")));
    Project trial =
        t.projects()
            .start(
                manager,
                cohort.id(),
                new NewProject(park.id(), "Essai", "", List.of(test.id()), List.of()));
    t.projects()
        .deliver(
            manager,
            trial.id(),
            LocalDate.of(2025, 11, 3),
            new Deliverable.Artefact("essai"),
            List.of("CP8"));
    config = dir.resolve("tremplin.properties");
    Files.writeString(config, "tremplin.datasource.url=" + url + "\n");
  }

  /** A run in this process: exit code, stdout, stderr. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TremplinCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonCountsDeliveredProjectsForWhomAndWhichCompetenciesWithTheirTeams() throws Exception {
    Run r =
        run(
            "report",
            "projects",
            "--school",
            "École du Web de Bobigny",
            "--from",
            "2025-09-01",
            "--to",
            "2026-01-09",
            "--details",
            "--config",
            config.toString(),
            "--lang",
            "en");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("delivered").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("inProgress").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("deliveredByClientKind").get("ASSOCIATION").get("count").asInt())
        .isEqualTo(1);
    assertThat(doc.get("deliveredByClientKind").get("PUBLIC_BODY").get("count").asInt()).isZero();
    assertThat(doc.get("deliveredForQpvClients").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("competencies").get("CP2").get("learners").asInt()).isEqualTo(2);
    assertThat(doc.get("competencies").has("CP8")).isFalse();
    assertThat(doc.get("delivered").get("projects").get(0).get("team").findValuesAsText("name"))
        .containsExactly("Ada Lovelace", "Bob Martin");
    assertThat(r.out()).doesNotContain("Test Student").doesNotContain("Essai");
  }

  @Test
  void frenchCsvHasOneRowPerFigureAndWithDetailsOnePerProjectAndMember() throws Exception {
    Run r =
        run(
            "report",
            "projects",
            "--school",
            "École du Web de Bobigny",
            "--from",
            "2025-09-01",
            "--to",
            "2025-12-31",
            "--format",
            "csv",
            "--details",
            "--config",
            config.toString(),
            "--lang",
            "fr");
    assertThat(r.code()).as(r.err()).isZero();
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(r.out()))
            .getRecords();
    assertThat(rows.stream().filter(x -> x.get(0).equals("delivered")).map(x -> x.get(2)))
        .containsExactly("1", "1", "1");
    assertThat(
            rows.stream()
                .filter(x -> x.get(0).equals("delivered.qpv") && x.get(3).isEmpty())
                .map(x -> x.get(1) + "=" + x.get(2)))
        .containsExactly("Projets livrés pour un commanditaire implanté en QPV=1");
    assertThat(rows.stream().filter(x -> x.get(0).equals("competency.CP2")).map(x -> x.get(7)))
        .containsExactly("", "Ada Lovelace", "Bob Martin");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsAUsageError() {
    Run r =
        run(
            "report",
            "projects",
            "--school",
            "École du Web de Bobigny",
            "--from",
            "2025-09-01",
            "--to",
            "2025-08-01",
            "--config",
            config.toString(),
            "--lang",
            "en");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("the end is before the start");
  }
}
