package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.tremplin.api.access.Actor;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.TestDatabase;

/**
 * The set-up subcommands run as processes on a configured database: {@code school add|list}, {@code
 * token create|list|revoke}, {@code platform list}; their refusals exit 2 with one line in the
 * run's language.
 */
class SetupCommandsIT {
  // Refusals run in this JVM (TremplinCli.execute); what writes runs the jar as a process.
  @TempDir Path dir;

  private String config(String... lines) throws Exception {
    Path file = dir.resolve("tremplin.properties");
    Files.writeString(
        file,
        "tremplin.datasource.url=jdbc:h2:file:"
            + dir.resolve("tremplin")
            + "\n"
            + String.join("\n", lines)
            + "\n");
    return file.toString();
  }

  private static JarRun run(String config, String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add("--config");
    all.add(config);
    return JarRun.of(all.toArray(String[]::new));
  }

  /**
   * Runs the command line in this JVM (refusals need no process of their own), in French unless the
   * arguments say {@code --lang en}.
   */
  private static JarRun inProcess(String config, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (!all.contains("--lang")) {
      all.add("--lang");
      all.add("fr");
    }
    if (config != null) {
      all.add("--config");
      all.add(config);
    }
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        TremplinCli.execute(
            all.toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    return new JarRun(code, out.toString(), err.toString());
  }

  private static String tokenLine(JarRun run) {
    return run.outputLines().stream()
        .filter(l -> l.startsWith("tremplin_"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no token printed: " + run.stdout()));
  }

  @Test
  void aSchoolAddedIsListedWithItsIdInFrenchAndInEnglish() throws Exception {
    String config = config();

    JarRun added = run(config, "school", "add", "--name", "École du Web 93", "--departement", "93");
    JarRun french = run(config, "school", "list");
    JarRun english = run(config, "school", "list", "--lang", "en");

    assertThat(added.exitCode()).as(added.stderr()).isZero();
    assertThat(added.stdout()).startsWith("École ajoutée : École du Web 93 (département 93)");
    String id = added.stdout().strip().substring(added.stdout().strip().lastIndexOf(' ') + 1);
    assertThat(french.outputLines()).containsExactly(id + "  93  École du Web 93");
    assertThat(english.outputLines()).containsExactly(id + "  93  École du Web 93");
  }

  @Test
  void aZoneThatIsNoTimeZoneIsAUsageErrorNamingTheKeyBeforeAnythingIsWritten() throws Exception {
    String config = config("tremplin.zone=Paris");

    JarRun added =
        inProcess(
            config,
            "school",
            "add",
            "--name",
            "École du Web 93",
            "--departement",
            "93",
            "--lang",
            "en");
    JarRun report =
        inProcess(
            config,
            "report",
            "yearly",
            "--school",
            "École du Web 93",
            "--year",
            "2026",
            "--lang",
            "en");

    assertThat(added.exitCode()).isEqualTo(2);
    assertThat(added.errorLines()).singleElement().asString().contains("tremplin.zone");
    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.errorLines()).singleElement().asString().contains("tremplin.zone");
    JarRun listed = inProcess(config("tremplin.zone=Indian/Reunion"), "school", "list");
    assertThat(listed.exitCode()).as(listed.stderr()).isZero();
    assertThat(listed.outputLines()).doesNotContain("École du Web 93").hasSize(1);
  }

  @Test
  void aTokensLastDayEndsAtMidnightInTheConfiguredZoneAndIsPrintedThere() throws Exception {
    String config = config("tremplin.zone=Indian/Reunion");
    JarRun created =
        inProcess(
            config,
            "token",
            "create",
            "--network",
            "--role",
            "admin",
            "--expires",
            "2099-01-15",
            "--lang",
            "en");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    // the end of 15 January in La Réunion (UTC+4) is 16 January 00:00 there, 15 January 21:00
    // in Paris: printed where the schools are, with the zone named
    assertThat(created.outputLines().get(0))
        .contains("valid until Jan 16, 2099", "12:00:00", "(Indian/Reunion)")
        .doesNotContain("Europe/Paris");
  }

  @Test
  void badSchoolArgumentsExitWith2AndOneLineNamingTheValue() throws Exception {
    String config = config();
    JarRun first = inProcess(config, "school", "add", "--name", "École A", "--departement", "93");
    assertThat(first.exitCode()).as(first.stderr()).isZero();

    JarRun missing = inProcess(config, "school", "add", "--name", "École B");
    JarRun badDepartement =
        inProcess(
            config, "school", "add", "--name", "École B", "--departement", "999", "--lang", "en");
    JarRun taken = inProcess(config, "school", "add", "--name", "école a", "--departement", "92");
    JarRun noSubcommand = inProcess(null, "school", "--lang", "en");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errorLines())
        .containsExactly("tremplin school add: option obligatoire manquante : --departement");
    assertThat(badDepartement.exitCode()).isEqualTo(2);
    assertThat(badDepartement.errorLines())
        .singleElement()
        .asString()
        .contains("--departement 999");
    assertThat(taken.exitCode()).isEqualTo(2);
    assertThat(taken.errorLines())
        .containsExactly("tremplin school add: --name école a : une école porte déjà ce nom");
    assertThat(noSubcommand.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.errorLines())
        .containsExactly("tremplin school: missing subcommand (one of: add, list)");
    assertThat(inProcess(config, "school", "list").outputLines()).hasSize(1);
  }

  @Test
  void aTokenIsPrintedOnceListedWithoutItsValueAndRevoked() throws Exception {
    String config = config();
    run(config, "school", "add", "--name", "École du Web 93", "--departement", "93");

    JarRun created =
        run(
            config,
            "token",
            "create",
            "--school",
            "École du Web 93",
            "--role",
            "manager",
            "--expires",
            "90d",
            "--label",
            "SI régional",
            "--lang",
            "en");
    String token = tokenLine(created);
    String id = created.stdout().split(" ")[1];
    JarRun listed = run(config, "token", "list", "--lang", "en");
    JarRun revoked = run(config, "token", "revoke", id);
    JarRun listedAgain = run(config, "token", "list", "--school", "École du Web 93");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.outputLines().get(0))
        .startsWith("Token " + id + " created: MANAGER, school École du Web 93, valid until ");
    assertThat(listed.stdout()).contains(id, "MANAGER", "SI régional").doesNotContain(token);
    assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
    assertThat(revoked.stdout()).startsWith("Jeton " + id + " révoqué le ");
    assertThat(listedAgain.outputLines()).singleElement().asString().contains("révoqué le");
    DataSource ds = Tremplin.dataSource("jdbc:h2:file:" + dir.resolve("tremplin"), "sa", "");
    assertThatTokenIsRefusedAndNotStored(ds, token);
  }

  @Test
  void aCoachTokenNamesItsCoachAndActsAsThem() throws Exception {
    String config = config();
    inProcess(config, "school", "add", "--name", "École du Web 93", "--departement", "93");

    JarRun created =
        inProcess(
            config,
            "token",
            "create",
            "--school",
            "École du Web 93",
            "--role",
            "coach",
            "--person",
            "lti:cip-1",
            "--lang",
            "en");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.outputLines().get(0))
        .contains(" created: COACH of lti:cip-1, school École du Web 93");
    // the list says whose caseload a COACH token reaches, in either language
    assertThat(inProcess(config, "token", "list", "--lang", "en").stdout())
        .contains("COACH of lti:cip-1");
    assertThat(inProcess(config, "token", "list", "--school", "École du Web 93").stdout())
        .contains("COACH de lti:cip-1");
    DataSource ds = Tremplin.dataSource("jdbc:h2:file:" + dir.resolve("tremplin"), "sa", "");
    try (Tremplin tremplin = Tremplin.create(ds, Clock.systemUTC())) {
      Actor actor = tremplin.tokens().authenticate(tokenLine(created));
      assertThat(actor.id()).isEqualTo("lti:cip-1");
      assertThat(actor.grants())
          .singleElement()
          .satisfies(g -> assertThat(g.role()).isEqualTo(org.tremplin.api.access.Role.COACH));
    }
  }

  @Test
  void badTokenArgumentsExitWith2AndOneLineInTheRunsLanguage() throws Exception {
    String config = config();
    inProcess(config, "school", "add", "--name", "École du Web 93", "--departement", "93");

    JarRun noScope = inProcess(config, "token", "create", "--role", "admin");
    JarRun bothScopes =
        run(
            config,
            "token",
            "create",
            "--network",
            "--school",
            "x",
            "--role",
            "admin",
            "--lang",
            "en");
    JarRun learner = inProcess(config, "token", "create", "--network", "--role", "learner");
    JarRun badExpiry =
        inProcess(config, "token", "create", "--network", "--role", "admin", "--expires", "soon");
    JarRun pastExpiry =
        run(
            config,
            "token",
            "create",
            "--network",
            "--role",
            "admin",
            "--expires",
            "2020-01-01",
            "--lang",
            "en");
    JarRun unknownSchool =
        inProcess(
            config, "token", "create", "--school", "Nowhere", "--role", "admin", "--lang", "en");
    JarRun coachWithoutPerson =
        inProcess(config, "token", "create", "--school", "École du Web 93", "--role", "coach");
    JarRun coachOfTheNetwork =
        inProcess(
            config, "token", "create", "--network", "--role", "coach", "--person", "lti:cip-1");
    JarRun personOfAManager =
        inProcess(
            config,
            "token",
            "create",
            "--network",
            "--role",
            "manager",
            "--person",
            "lti:cip-1",
            "--lang",
            "en");
    JarRun badId = inProcess(config, "token", "revoke", "abc");
    JarRun unknownId =
        inProcess(
            config, "token", "revoke", "00000000-0000-0000-0000-000000000000", "--lang", "en");

    assertThat(noScope.errorLines())
        .containsExactly(
            "tremplin token create: donnez soit --school ID|NOM, soit --network (l’un des deux,"
                + " pas les deux)");
    assertThat(bothScopes.errorLines())
        .containsExactly(
            "tremplin token create: give either --school ID|NAME or --network (one of them, not"
                + " both)");
    assertThat(learner.errorLines())
        .containsExactly(
            "tremplin token create: --role learner : valeur invalide (au choix : admin, manager,"
                + " trainer, coach)");
    assertThat(badExpiry.errorLines())
        .singleElement()
        .asString()
        .startsWith("tremplin token create: --expires soon : attendu une date");
    assertThat(pastExpiry.errorLines())
        .containsExactly(
            "tremplin token create: --expires 2020-01-01: that moment has already passed");
    assertThat(unknownSchool.errorLines())
        .containsExactly(
            "tremplin token create: --school Nowhere: no school has this id or name (see school"
                + " list)");
    assertThat(badId.errorLines())
        .containsExactly(
            "tremplin token revoke: abc : identifiant de jeton invalide (voir token list)");
    assertThat(unknownId.errorLines())
        .containsExactly(
            "tremplin token revoke: 00000000-0000-0000-0000-000000000000: no token has this id"
                + " (see token list)");
    for (JarRun r : List.of(coachWithoutPerson, coachOfTheNetwork)) {
      assertThat(r.errorLines())
          .singleElement()
          .asString()
          .startsWith("tremplin token create: un jeton COACH est celui d’un·e conseiller·ère");
    }
    assertThat(personOfAManager.errorLines())
        .singleElement()
        .asString()
        .startsWith("tremplin token create: a COACH token is one coach's in one school");
    for (JarRun r :
        List.of(
            noScope,
            bothScopes,
            learner,
            badExpiry,
            pastExpiry,
            unknownSchool,
            coachWithoutPerson,
            coachOfTheNetwork,
            personOfAManager,
            badId,
            unknownId)) {
      assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
      assertThat(r.stdout()).isEmpty();
    }
    assertThat(inProcess(config, "token", "list").outputLines()).containsExactly("Aucun jeton");
  }

  @Test
  void platformListShowsConfiguredPlatformsTheirDeploymentsAndWhetherTheyServeASchool()
      throws Exception {
    String config =
        config(
            "tremplin.lti.platforms=moodle,canvas",
            "tremplin.lti.platform.moodle.issuer=https://moodle.example.fr",
            "tremplin.lti.platform.moodle.client-id=abc123",
            "tremplin.lti.platform.moodle.deployment-ids=1,2",
            "tremplin.lti.platform.moodle.auth-url=https://moodle.example.fr/mod/lti/auth.php",
            "tremplin.lti.platform.moodle.token-url=https://moodle.example.fr/mod/lti/token.php",
            "tremplin.lti.platform.moodle.jwks-url=https://moodle.example.fr/mod/lti/certs.php",
            "tremplin.lti.platform.canvas.issuer=https://canvas.instructure.com",
            "tremplin.lti.platform.canvas.client-id=10000000000042",
            "tremplin.lti.platform.canvas.auto-deployments=true",
            "tremplin.lti.platform.canvas.auth-url=https://sso.canvaslms.com/api/lti/authorize_redirect",
            "tremplin.lti.platform.canvas.token-url=https://sso.canvaslms.com/login/oauth2/token",
            "tremplin.lti.platform.canvas.jwks-url=https://sso.canvaslms.com/api/lti/security/jwks");
    JarRun empty = run(config, "platform", "list", "--lang", "en");
    run(config, "school", "add", "--name", "École A", "--departement", "93");
    JarRun oneSchool = run(config, "platform", "list", "--lang", "en");
    run(config, "school", "add", "--name", "École B", "--departement", "92");
    JarRun bound =
        run(
            config,
            "bind-school",
            "--issuer",
            "https://moodle.example.fr",
            "--client-id",
            "abc123",
            "--school",
            "École B");
    JarRun twoSchools = run(config, "platform", "list");

    assertThat(empty.exitCode()).as(empty.stderr()).isZero();
    assertThat(empty.outputLines())
        .contains(
            "moodle — issuer https://moodle.example.fr, client abc123 (configured)",
            "  deployments: 1, 2",
            "  deployments: none yet; any new deployment is accepted (auto-deployments)");
    assertThat(empty.stdout()).contains("PENDING: serves no school");
    assertThat(oneSchool.stdout())
        .contains("  school: École A (the only school; configured platform, not bound)")
        .doesNotContain("PENDING");
    assertThat(bound.exitCode()).as(bound.stderr()).isZero();
    assertThat(twoSchools.outputLines())
        .containsSubsequence(
            "moodle — issuer https://moodle.example.fr, client abc123 (configurée)",
            "  déploiements : 1, 2",
            "  école : École B (rattachée)",
            "canvas — issuer https://canvas.instructure.com, client 10000000000042 (configurée)")
        .contains(
            "  EN ATTENTE : ne sert aucune école ; rattachez-la : bind-school --issuer"
                + " https://canvas.instructure.com --client-id 10000000000042 --school ID|NOM");
  }

  @Test
  void schoolsAndTokensAreStoredOnPostgresqlToo() throws Exception {
    PGSimpleDataSource pg = (PGSimpleDataSource) TestDatabase.POSTGRES.fresh();
    Path file = dir.resolve("pg.properties");
    Files.writeString(
        file,
        "tremplin.datasource.url="
            + pg.getURL()
            + "\ntremplin.datasource.username="
            + pg.getUser()
            + "\ntremplin.datasource.password="
            + (pg.getPassword() == null ? "" : pg.getPassword())
            + "\n");
    String config = file.toString();

    JarRun added = run(config, "school", "add", "--name", "École du Web 95", "--departement", "95");
    JarRun created =
        run(config, "token", "create", "--school", "École du Web 95", "--role", "admin");
    JarRun listed = run(config, "school", "list");

    assertThat(added.exitCode()).as(added.stderr()).isZero();
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(listed.stdout()).contains("École du Web 95");
    assertThatTokenIsRefusedAndNotStored(pg, tokenLine(created));
  }

  /**
   * The token's value appears in no column; once revoked (or if it is) it authenticates no more.
   */
  private static void assertThatTokenIsRefusedAndNotStored(DataSource ds, String token) {
    // tremplin_<32 hex digits>_<secret>: the secret is base64url, which may itself contain '_'
    String secret = token.substring("tremplin_".length() + 32 + 1);
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
    List<String> stored =
        Jdbi.create(ds)
            .withHandle(
                h ->
                    h.createQuery(
                            "select concat(secret_hash, '|', label, '|', created_by, '|', role)"
                                + " from tremplin_api_token")
                        .mapTo(String.class)
                        .list());
    assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(secret));
    Tremplin tremplin = Tremplin.create(ds, Clock.systemUTC());
    boolean revoked =
        Jdbi.create(ds)
                .withHandle(
                    h ->
                        h.createQuery(
                                "select count(*) from tremplin_api_token where revoked_at is null")
                            .mapTo(Integer.class)
                            .one())
            == 0;
    if (revoked) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> tremplin.tokens().authenticate(token))
          .hasFieldOrPropertyWithValue("code", org.tremplin.api.ErrorCode.TOKEN_INVALID);
    } else {
      Actor actor = tremplin.tokens().authenticate(token);
      assertThat(actor.id()).startsWith("token:");
    }
  }
}
