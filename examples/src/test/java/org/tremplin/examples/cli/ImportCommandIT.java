package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cohort open|list} and {@code import learners|attendance|exits} on a configured database: a
 * school set up from the sample files of docs/imports.md exactly as the page says (so the page
 * stays true), importing them again changes nothing, and a file with bad rows is refused whole with
 * each line and reason in the run's language.
 */
class ImportCommandIT {
  private static final Path SAMPLES = Path.of("..", "docs", "imports");
  private static final String SCHOOL = "École du Web 93";

  @TempDir Path dir;

  private String config() throws Exception {
    Path file = dir.resolve("tremplin.properties");
    Files.writeString(
        file, "tremplin.datasource.url=jdbc:h2:file:" + dir.resolve("tremplin") + "\n");
    return file.toString();
  }

  /** Runs the command line in this JVM, in French unless the arguments say otherwise. */
  private static JarRun cli(String config, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--lang")) {
      all.add("--lang");
      all.add("fr");
    }
    all.add("--config");
    all.add(config);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TremplinCli.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new JarRun(code, out.toString(), err.toString());
  }

  private static String sample(String name) {
    return SAMPLES.resolve(name).toString();
  }

  private static JarRun setUp(String config) {
    assertThat(cli(config, "school", "add", "--name", SCHOOL, "--departement", "93").exitCode())
        .isZero();
    JarRun opened =
        cli(
            config,
            "cohort",
            "open",
            "--school",
            SCHOOL,
            "--name",
            "Promo 2025-2026",
            "--from",
            "01/09/2025",
            "--to",
            "2026-06-30",
            "--capacity",
            "12",
            "--closure",
            "22/12/2025..02/01/2026");
    assertThat(opened.exitCode()).as(opened.stderr()).isZero();
    return opened;
  }

  @Test
  void aSchoolIsSetUpFromTheDocumentedSampleFilesAndImportingThemAgainChangesNothing()
      throws Exception {
    String config = config();
    JarRun opened = setUp(config);
    assertThat(opened.stdout()).contains("Promotion « Promo 2025-2026 » ouverte", "12 places");
    assertThat(cli(config, "cohort", "list", "--school", SCHOOL).stdout())
        .contains("2025-09-01  2026-06-30  12 places  Promo 2025-2026");

    JarRun learners = cli(config, "import", "learners", "--school", SCHOOL, sample("learners.csv"));
    JarRun long_ =
        cli(config, "import", "attendance", "--school", SCHOOL, sample("attendance-long.csv"));
    JarRun grid =
        cli(config, "import", "attendance", "--school", SCHOOL, sample("attendance-grid.csv"));
    JarRun exits = cli(config, "import", "exits", "--school", SCHOOL, sample("exits.csv"));

    assertThat(learners.exitCode()).as(learners.stdout() + learners.stderr()).isZero();
    assertThat(learners.stdout())
        .contains("Apprenant·es : 4 ligne(s) lue(s) ; 4 créé(s), 0 mis à jour, 0 inchangé(s)");
    assertThat(long_.stdout()).as(long_.stderr()).contains("12 créé(s), 0 mis à jour");
    assertThat(grid.stdout()).as(grid.stderr()).contains("40 créé(s), 0 mis à jour");
    assertThat(exits.stdout()).as(exits.stderr()).contains("2 créé(s), 0 mis à jour");

    for (String[] again :
        List.of(
            new String[] {"learners", "learners.csv", "4"},
            new String[] {"attendance", "attendance-long.csv", "12"},
            new String[] {"attendance", "attendance-grid.csv", "40"},
            new String[] {"exits", "exits.csv", "2"})) {
      JarRun run =
          cli(config, "import", again[0], "--school", SCHOOL, "--lang", "en", sample(again[1]));
      assertThat(run.exitCode()).isZero();
      assertThat(run.stdout()).contains("0 created, 0 updated, " + again[2] + " unchanged");
    }
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEveryLineAndItsReason() throws Exception {
    String config = config();
    setUp(config);
    cli(config, "import", "learners", "--school", SCHOOL, sample("learners.csv"));
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "reference;date;part;mark\n"
            + "A-001;15/09/2025;AM;P\n"
            + "A-001;13/09/2025;AM;P\n"
            + "Z-9;15/09/2025;AM;P\n"
            + "A-002;15/09/2025;AM;XX\n",
        StandardCharsets.UTF_8);

    JarRun dry =
        cli(config, "import", "attendance", "--school", SCHOOL, "--dry-run", bad.toString());
    JarRun english =
        cli(config, "import", "attendance", "--school", SCHOOL, "--lang", "en", bad.toString());

    assertThat(dry.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(dry.outputLines())
        .contains(
            "Ligne 3, colonne « date » : 2025-09-13 n’est pas un jour ouvré de la promotion"
                + " (week-end, jour férié ou fermeture)",
            "Ligne 4, colonne « reference » : aucun·e apprenant·e de l’école n’a la référence « Z-9 »"
                + " (importez d’abord les apprenant·es)",
            "Ligne 5, colonne « mark » : « XX » n’est pas une marque (P, R15, AJ, AI, M, CP, E, F)");
    assertThat(english.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(english.stdout())
        .contains("Line 5, column \"mark\": \"XX\" is not a mark")
        .contains("Nothing was imported: fix these 3 row(s)");
    JarRun clean =
        cli(
            config,
            "import",
            "attendance",
            "--school",
            SCHOOL,
            "--format",
            "json",
            sample("attendance-long.csv"));
    assertThat(clean.stdout()).contains("\"created\" : 12");
  }

  @Test
  void aCohortThatDoesNotFitItsTemplateIsRefusedInTheRunsLanguage() throws Exception {
    String config = config();
    cli(config, "school", "add", "--name", SCHOOL, "--departement", "93");
    JarRun refused =
        cli(
            config,
            "cohort",
            "open",
            "--school",
            SCHOOL,
            "--name",
            "Trop courte",
            "--from",
            "2025-09-01",
            "--to",
            "2025-10-31",
            "--lang",
            "en");
    assertThat(refused.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(refused.stderr()).contains("Template ecole-du-web does not fit");
  }
}
