package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tremplin.core.Tremplin;

/**
 * {@code tremplin dataset} on a configured H2 file database: writes the demo size with plain
 * progress lines (no terminal here), refuses the same seed twice and bad arguments with one line.
 */
class DatasetCommandIT {
  @TempDir Path dir;

  private String config() throws Exception {
    Path file = dir.resolve("tremplin.properties");
    Files.writeString(
        file, "tremplin.datasource.url=jdbc:h2:file:" + dir.resolve("tremplin") + "\n");
    return file.toString();
  }

  private static JarRun inProcess(String config, String lang, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--lang", lang, "--config", config));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TremplinCli.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new JarRun(code, out.toString(), err.toString());
  }

  private long count(String sql) {
    Jdbi jdbi = Jdbi.create(Tremplin.jdbcUrl("jdbc:h2:file:" + dir.resolve("tremplin")), "sa", "");
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void theDemoSizeIsWrittenWithProgressLinesAndASummary() throws Exception {
    String config = config();

    JarRun run = inProcess(config, "fr", "dataset", "--size", "demo", "--seed", "42");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("Jeu de données demo (graine 42) : 1 école(s), 2 promotion(s)");
    assertThat(run.stdout()).contains("100 % : 2/2 promotions");
    assertThat(run.stdout())
        .contains("Écrit : 1 école(s), 2 promotion(s), 24 salariés (dont 1 comptes de test)");
    assertThat(run.stdout()).doesNotContain("\r");
    assertThat(count("select count(*) from tremplin_learner")).isEqualTo(24);
    assertThat(count("select count(*) from tremplin_school where departement = '93'")).isEqualTo(1);
  }

  @Test
  void theSameSeedTwiceIsRefusedWithOneLineAndAnotherSeedIsAdded() throws Exception {
    String config = config();
    assertThat(inProcess(config, "en", "dataset", "--size", "demo", "--seed", "7").exitCode())
        .isZero();

    JarRun again = inProcess(config, "en", "dataset", "--size", "demo", "--seed", "7");
    JarRun other = inProcess(config, "en", "dataset", "--size", "demo", "--seed", "8");

    assertThat(again.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(again.stderr().strip())
        .isEqualTo(
            "tremplin dataset: --seed 7: this seed's data set is already in this database;"
                + " choose another seed or an empty database");
    assertThat(other.exitCode()).as(other.stderr()).isZero();
    assertThat(other.stdout()).contains("Written: 1 school(s), 2 cohort(s), 24 learners");
    assertThat(count("select count(*) from tremplin_learner")).isEqualTo(48);
  }

  @Test
  void aBadSizeOrSeedIsAUsageErrorNamingIt() throws Exception {
    String config = config();

    JarRun size = inProcess(config, "fr", "dataset", "--size", "huge");
    JarRun seed = inProcess(config, "en", "dataset", "--size", "demo", "--seed", "abc");

    assertThat(size.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(size.stderr().strip())
        .isEqualTo(
            "tremplin dataset: --size huge : taille inconnue, attendu demo, network ou national");
    assertThat(seed.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(seed.stderr()).contains("--seed abc: invalid seed");
  }
}
