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
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * {@code report yearly} on an H2 file database named in a properties file. The school: A joins on 1
 * Sept 2025 and leaves with a CDI on 28 Nov (88 days), B joins on 1 Sept and leaves for health on
 * 14 Nov (74 days, neutralised), C joins on 6 Oct and leaves job seeking on 19 Dec (74 days); a
 * test account joins, attends and leaves with a CDI but is never counted. So 2025: 3 entries, 3
 * leavers, dynamic and durable rates 1/2 = 50.0 %, average path 236/3 = 78.7 days; October: A 1
 * attended half-day (3.5 h), B 2 (7 h), 5.25 h per learner.
 */
class YearlyReportCommandIT {
  private static final Instant NOW = Instant.parse("2026-01-09T16:00:00Z");
  private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);
  private static final LocalDate OCT_6 = LocalDate.of(2025, 10, 6);

  @TempDir static Path dir;
  static Path config;
  static School school;
  static Learner a;

  @BeforeAll
  static void school() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("tremplin");
    Tremplin t =
        Tremplin.create(
            Tremplin.dataSource(url, "sa", ""), Clock.fixed(NOW, ZoneId.of("Europe/Paris")));
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    school = t.schools().create(admin, "École du Web de Saint-Denis", new Departement("93"));
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
    a = t.learners().register(manager, school.id(), "Ada", "Lovelace");
    Learner b = t.learners().register(manager, school.id(), "Bob", "Martin");
    Learner c = t.learners().register(manager, school.id(), "Chloé", "Nguyen");
    Learner test = t.learners().register(manager, school.id(), "Test", "Student");
    t.learners().join(manager, cohort.id(), a.id(), SEP_1);
    t.learners().join(manager, cohort.id(), b.id(), SEP_1);
    t.learners().join(manager, cohort.id(), c.id(), OCT_6);
    t.learners().join(manager, cohort.id(), test.id(), SEP_1);
    t.funderFacts().markTestAccount(manager, cohort.id(), test.id(), true);
    exit(t, manager, cohort, a.id(), LocalDate.of(2025, 11, 28), ExitSituation.CDI);
    exit(t, manager, cohort, b.id(), LocalDate.of(2025, 11, 14), ExitSituation.SANTE);
    exit(t, manager, cohort, c.id(), LocalDate.of(2025, 12, 19), ExitSituation.RECHERCHE_EMPLOI);
    exit(t, manager, cohort, test.id(), LocalDate.of(2025, 11, 28), ExitSituation.CDI);
    t.attendance()
        .recordAll(
            manager,
            cohort.id(),
            List.of(
                entry(a.id(), HalfDay.am(OCT_6), Mark.PRESENT),
                entry(a.id(), HalfDay.pm(OCT_6), Mark.ABSENT_UNJUSTIFIED),
                entry(b.id(), HalfDay.am(OCT_6), Mark.PRESENT),
                entry(b.id(), HalfDay.pm(OCT_6), Mark.IN_PLACEMENT),
                entry(test.id(), HalfDay.am(OCT_6), Mark.PRESENT)));
    config = dir.resolve("tremplin.properties");
    Files.writeString(config, "tremplin.datasource.url=" + url + "\n");
  }

  private static void exit(
      Tremplin t, Actor manager, Cohort cohort, LearnerId l, LocalDate on, ExitSituation s) {
    t.insertion().recordExit(manager, cohort.id(), l, NewExit.of(on, s));
  }

  private static AttendanceEntry entry(LearnerId l, HalfDay halfDay, Mark mark) {
    return new AttendanceEntry(l, halfDay, AttendanceMark.of(mark));
  }

  /** A run in this process: exit code, stdout, stderr. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TremplinCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static List<CSVRecord> csv(String text, char delimiter) throws Exception {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static CSVRecord row(List<CSVRecord> rows, String code) {
    return rows.stream()
        .filter(r -> r.get(0).equals(code) && r.get(3).isEmpty())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + code));
  }

  @Test
  void jsonGivesTheFiguresAndWithDetailsTheLearnersTheyCount() throws Exception {
    Run r =
        run(
            "report",
            "yearly",
            "--school",
            "école du web de saint-denis",
            "--year",
            "2025",
            "--details",
            "--config",
            config.toString(),
            "--lang",
            "en");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("year").asInt()).isEqualTo(2025);
    assertThat(doc.get("entries").get("count").asInt()).isEqualTo(3);
    assertThat(doc.get("leavers").get("count").asInt()).isEqualTo(3);
    assertThat(doc.get("exitsByCategory").get("EMPLOI_DURABLE").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("exitsByCategory").get("NEUTRALISEE").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("dynamicExitRate").get("outOf").asInt()).isEqualTo(2);
    assertThat(doc.get("dynamicExitRate").get("percent").decimalValue())
        .isEqualByComparingTo("50.0");
    assertThat(doc.get("durableExitRate").get("percent").decimalValue())
        .isEqualByComparingTo("50.0");
    assertThat(doc.get("pathLength").get("averageDays").decimalValue())
        .isEqualByComparingTo("78.7");
    JsonNode october = doc.get("monthlyHours").get(9);
    assertThat(october.get("month").asText()).isEqualTo("2025-10");
    assertThat(october.get("totalHours").decimalValue()).isEqualByComparingTo("10.5");
    assertThat(october.get("hoursPerLearner").decimalValue()).isEqualByComparingTo("5.25");
    assertThat(october.get("details")).hasSize(2);
    assertThat(doc.get("entries").get("learners").findValuesAsText("name"))
        .containsExactlyInAnyOrder("Ada Lovelace", "Bob Martin", "Chloé Nguyen");
    assertThat(
            doc.get("exitsByCategory")
                .get("EMPLOI_DURABLE")
                .get("learners")
                .get(0)
                .get("learner")
                .asText())
        .isEqualTo(a.id().value().toString());
    assertThat(r.out()).doesNotContain("Test Student");

    Run plain =
        run(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--config",
            config.toString());
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(new ObjectMapper().readTree(plain.out()).get("entries").has("learners")).isFalse();
    assertThat(plain.out()).doesNotContain("Ada Lovelace");
  }

  @Test
  void csvSpeaksFrenchWithSemicolonsAndDecimalCommasOrEnglish() throws Exception {
    Run fr =
        run(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--format",
            "csv",
            "--lang",
            "fr",
            "--config",
            config.toString());
    assertThat(fr.code()).as(fr.err()).isZero();
    assertThat(fr.out().lines().findFirst())
        .contains("code;indicateur;valeur;salarié;promotion;nom");
    List<CSVRecord> rows = csv(fr.out(), ';');
    assertThat(row(rows, "entries").get(1)).isEqualTo("Entrées");
    assertThat(row(rows, "entries").get(2)).isEqualTo("3");
    assertThat(row(rows, "rate.dynamic").get(2)).isEqualTo("50,0");
    assertThat(row(rows, "path.averageDays").get(2)).isEqualTo("78,7");
    assertThat(row(rows, "hours.2025-10").get(1)).contains("octobre 2025");
    assertThat(row(rows, "hours.2025-10").get(2)).isEqualTo("5,25");
    assertThat(row(rows, "hours.2025-09").get(2)).isEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.get(3)).isEmpty());

    Run en =
        run(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--format",
            "csv",
            "--lang",
            "en",
            "--details",
            "--config",
            config.toString());
    assertThat(en.code()).as(en.err()).isZero();
    List<CSVRecord> enRows = csv(en.out(), ',');
    assertThat(row(enRows, "exits.EMPLOI_DURABLE").get(2)).isEqualTo("1");
    assertThat(row(enRows, "hours.2025-10").get(1)).contains("October 2025");
    assertThat(row(enRows, "hours.2025-10").get(2)).isEqualTo("5.25");
    assertThat(
            enRows.stream()
                .filter(r -> r.get(0).equals("entries") && !r.get(3).isEmpty())
                .map(r -> r.get(5)))
        .containsExactlyInAnyOrder("Ada Lovelace", "Bob Martin", "Chloé Nguyen");
    assertThat(en.out()).doesNotContain("Test Student");
  }

  @Test
  void badArgumentsExitWithTwoAndOneLineInTheChosenLanguage() {
    Run year =
        run(
            "report",
            "yearly",
            "--school",
            "x",
            "--year",
            "20x5",
            "--config",
            config.toString(),
            "--lang",
            "en");
    assertThat(year.code()).isEqualTo(2);
    assertThat(year.err().lines()).singleElement().asString().contains("--year 20x5");
    Run unknown =
        run(
            "report",
            "yearly",
            "--school",
            "Nowhere",
            "--year",
            "2025",
            "--config",
            config.toString(),
            "--lang",
            "fr");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("aucune école");
    Run format = run("report", "yearly", "--school", "x", "--year", "2025", "--format", "pdf");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("json, csv");
    Run missing = run("report", "yearly", "--year", "2025", "--lang", "en");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--school");
    Run bare = run("report", "--lang", "en");
    assertThat(bare.code()).isEqualTo(2);
    assertThat(bare.err()).contains("yearly");
  }

  @Test
  void helpDescribesTheReportInFrenchAndEnglish() {
    Run en = run("report", "yearly", "--help", "--lang", "en");
    assertThat(en.code()).isZero();
    assertThat(en.out()).contains("yearly review", "--details", "json (default) or csv");
    Run fr = run("report", "yearly", "--help", "--lang", "fr");
    assertThat(fr.out()).contains("Bilan annuel", "--details", "json (par défaut) ou csv");
  }

  @Test
  void theJarPrintsTheCsvReport() throws Exception {
    JarRun jar =
        JarRun.of(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--format",
            "csv",
            "--lang",
            "en",
            "--config",
            config.toString());
    assertThat(jar.exitCode()).as(jar.stderr()).isZero();
    assertThat(row(csv(jar.stdout(), ','), "leavers").get(2)).isEqualTo("3");
  }
}
