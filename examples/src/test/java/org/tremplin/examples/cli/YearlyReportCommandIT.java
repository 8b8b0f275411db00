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
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
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
  static Cohort cohort;
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
    cohort =
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
    t.attendance()
        .correct(
            manager,
            cohort.id(),
            entry(a.id(), HalfDay.pm(OCT_6), Mark.ABSENT_JUSTIFIED),
            "justificatif reçu");
    t.funderFacts()
        .declare(
            manager,
            cohort.id(),
            a.id(),
            new FunderFacts(
                SEP_1,
                DeclaredSex.FEMALE,
                LocalDate.of(2001, 5, 5),
                DiplomaLevel.BAC,
                true,
                true,
                true));
    t.funderFacts()
        .declare(
            manager,
            cohort.id(),
            b.id(),
            new FunderFacts(
                SEP_1,
                DeclaredSex.MALE,
                LocalDate.of(1980, 1, 1),
                DiplomaLevel.BAC_PLUS_2,
                false,
                false,
                false));
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

  private static CSVRecord wide(List<CSVRecord> rows, String code) {
    return rows.stream()
        .filter(r -> r.get(0).equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + code));
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
        .contains("code;indicateur;valeur;salarié;promotion;nom;référence");
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
  void readAsTheNetworkAdministratorTheDetailsGiveReferencesNeverNames() throws Exception {
    Run r =
        run(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--details",
            "--as",
            "admin",
            "--config",
            config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode entries = new ObjectMapper().readTree(r.out()).get("entries");
    assertThat(entries.get("count").asInt()).isEqualTo(3);
    assertThat(entries.get("learners").findValuesAsText("reference"))
        .hasSize(3)
        .allSatisfy(ref -> assertThat(ref).matches("L-[0-9A-F]{10}"));
    assertThat(r.out()).doesNotContain("Ada Lovelace", "Bob Martin", a.id().value().toString());
    assertThat(entries.get("learners").get(0).has("name")).isFalse();

    Run csv =
        run(
            "report",
            "yearly",
            "--school",
            school.id().value().toString(),
            "--year",
            "2025",
            "--details",
            "--as",
            "admin",
            "--format",
            "csv",
            "--lang",
            "en",
            "--config",
            config.toString());
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out()).doesNotContain("Lovelace").contains("L-");
  }

  @Test
  void genGivesTheSharesOfTheEntriesWithFacts() throws Exception {
    Run r =
        run(
            "report",
            "gen",
            "--school",
            school.name(),
            "--year",
            "2025",
            "--details",
            "--config",
            config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("entries").get("count").asInt()).isEqualTo(3);
    assertThat(doc.get("withoutFunderFacts").get("count").asInt()).isEqualTo(1);
    JsonNode women = doc.get("sharesOfEntries").get("women");
    assertThat(women.get("count").asInt()).isEqualTo(1);
    assertThat(women.get("outOf").asInt()).isEqualTo(2);
    assertThat(women.get("percent").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(women.get("learners").findValuesAsText("name")).containsExactly("Ada Lovelace");
    assertThat(doc.get("sharesOfEntries").get("under26").get("count").asInt()).isEqualTo(1);
    assertThat(doc.get("leavers").get("count").asInt()).isEqualTo(3);
    assertThat(doc.get("followUpPending").get("count").asInt()).isEqualTo(3);

    Run fr =
        run(
            "report",
            "gen",
            "--departement",
            "93",
            "--year",
            "2025",
            "--format",
            "csv",
            "--details",
            "--lang",
            "fr",
            "--config",
            config.toString());
    assertThat(fr.code()).as(fr.err()).isZero();
    List<CSVRecord> rows = csv(fr.out(), ';');
    assertThat(row(rows, "gen.women.percent").get(2)).isEqualTo("50,0");
    assertThat(row(rows, "gen.women").get(1)).isEqualTo("Femmes");
    assertThat(fr.out()).doesNotContain("Lovelace");

    Run both = run("report", "gen", "--school", "x", "--departement", "93", "--year", "2025");
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void networkPutsSchoolsDepartementsAndTheNetworkSideBySide() throws Exception {
    Run r =
        run(
            "report",
            "network",
            "--year",
            "2025",
            "--format",
            "csv",
            "--lang",
            "en",
            "--config",
            config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst())
        .contains("code,indicator," + school.name() + ",93,Network");
    List<CSVRecord> rows = csv(r.out(), ',');
    CSVRecord entries = wide(rows, "entries");
    assertThat(List.of(entries.get(2), entries.get(3), entries.get(4)))
        .containsExactly("3", "3", "3");
    assertThat(wide(rows, "gen.women.percent").get(4)).isEqualTo("50.0");
    assertThat(wide(rows, "rate.dynamic").get(4)).isEqualTo("50.0");

    Run json =
        run("report", "network", "--year", "2025", "--details", "--config", config.toString());
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertThat(doc.get("schools").get(0).get("label").asText()).isEqualTo(school.name());
    assertThat(doc.get("network").get("review").get("leavers").get("count").asInt()).isEqualTo(3);
    assertThat(json.out()).doesNotContain("Lovelace").contains("L-");
  }

  @Test
  void theAttendanceProofIsACsvAndAPdfThatReadsBack() throws Exception {
    Run csvRun =
        run(
            "report",
            "attendance",
            "--cohort",
            cohort.id().value().toString(),
            "--from",
            "06/10/2025",
            "--to",
            "2025-10-10",
            "--lang",
            "en",
            "--config",
            config.toString());
    assertThat(csvRun.code()).as(csvRun.err()).isZero();
    List<CSVRecord> rows = csv(csvRun.out(), ',');
    // 3 learners x 10 half-days, one more row for A's corrected afternoon, then 3 totals.
    assertThat(rows).hasSize(34);
    assertThat(csvRun.out()).contains("justificatif reçu").doesNotContain("Test Student");
    CSVRecord adaTotal =
        rows.stream()
            .filter(x -> x.get(0).equals("total") && x.get(2).equals("Ada Lovelace"))
            .findFirst()
            .orElseThrow();
    assertThat(adaTotal.get("attended half-days")).isEqualTo("1");
    assertThat(adaTotal.get("justified absences")).isEqualTo("1");
    assertThat(adaTotal.get("not marked")).isEqualTo("8");
    assertThat(adaTotal.get("corrections")).isEqualTo("1");
    assertThat(adaTotal.get("attended hours")).isEqualTo("3.5");

    Path pdf = dir.resolve("proof.pdf");
    Run pdfRun =
        run(
            "report",
            "attendance",
            "--cohort",
            cohort.id().value().toString(),
            "--from",
            "2025-10-06",
            "--to",
            "2025-10-10",
            "--format",
            "pdf",
            "--out",
            pdf.toString(),
            "--lang",
            "fr",
            "--config",
            config.toString());
    assertThat(pdfRun.code()).as(pdfRun.err()).isZero();
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
    StringBuilder text = new StringBuilder();
    com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
        new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(extractor.getTextFromPage(p)).append('\n');
    }
    reader.close();
    assertThat(text.toString())
        .contains(
            "Attestation de présence",
            school.name(),
            "Promo 2025",
            "du 6 octobre 2025 au 10 octobre 2025",
            "Semaine du 6 octobre 2025",
            "Ada Lovelace",
            "Bob Martin",
            "Chloé Nguyen",
            "justificatif reçu",
            "absence injustifiée, corrigé en absence justifiée par manager",
            "3,5",
            "7,0",
            "page 1")
        .doesNotContain("Test Student");

    Run noOut =
        run(
            "report",
            "attendance",
            "--cohort",
            cohort.id().value().toString(),
            "--from",
            "2025-10-06",
            "--to",
            "2025-10-10",
            "--format",
            "pdf",
            "--config",
            config.toString());
    assertThat(noOut.code()).isEqualTo(2);
    Run backwards =
        run(
            "report",
            "attendance",
            "--cohort",
            cohort.id().value().toString(),
            "--from",
            "2025-10-10",
            "--to",
            "2025-10-06",
            "--config",
            config.toString());
    assertThat(backwards.code()).isEqualTo(2);
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
