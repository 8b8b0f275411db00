package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.web.form.WebSchema;

/**
 * {@code privacy staff find|export|erase} on a configured H2 file (ADR 0026): a coach found by
 * name, exported, refused while a referent, erased once confirmed; a learner's person refused; each
 * refusal exit 2 with one line and nothing deleted.
 */
class StaffPrivacyCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KARIM = "0f5c1d2e-0000-4000-8000-00000000000a";

  @TempDir Path dir;
  private Path config;
  private DataSource data;
  private Tremplin tremplin;
  private Actor manager;
  private Learner ada;

  @BeforeEach
  void school() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("tremplin");
    data = Tremplin.dataSource(url, "sa", "");
    tremplin =
        Tremplin.create(
            data, Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneId.of("Europe/Paris")));
    WebSchema.install(tremplin);
    LtiSchema.install(tremplin);
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School school = tremplin.schools().create(admin, "École du Web 93", new Departement("93"));
    manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    ada = tremplin.learners().register(manager, school.id(), "Ada", "Lovelace");
    update(
        "insert into tremplin_lti_person (issuer, client_id, sub, person_id, learner_id,"
            + " created_at) values ('https://lms.example', 'c', 'sub-karim', ?, null,"
            + " current_timestamp)",
        KARIM);
    update(
        "insert into tremplin_lti_person (issuer, client_id, sub, person_id, learner_id,"
            + " created_at) values ('https://lms.example', 'c', 'sub-ada', 'lms:ada', ?,"
            + " current_timestamp)",
        ada.id().value());
    update(
        "insert into tremplin_web_person (person_id, display_name, updated_at)"
            + " values (?, 'Karim Benyahia', current_timestamp)",
        KARIM);
    update(
        "insert into tremplin_web_school_coach (school_id, person_id, seen_at)"
            + " values (?, ?, current_timestamp)",
        school.id().value(),
        KARIM);
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

  private int count(String sql) throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, KARIM);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
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

  @Test
  void anOperatorFindsExportsThenErasesACoachWhoFollowsNobodyAnyMore() throws Exception {
    JarRun found = cli("privacy", "staff", "find", "--text", "benyahia");
    JarRun learner = cli("privacy", "staff", "find", "--text", "lovelace");
    JarRun exported = cli("privacy", "staff", "export", "--person", KARIM);

    assertThat(found.exitCode()).as(found.stderr()).isZero();
    assertThat(found.outputLines())
        .containsExactly(KARIM + "  Karim Benyahia  —  conseiller·ère dans 1 école(s)");
    assertThat(learner.outputLines()).hasSize(1).allMatch(l -> l.startsWith("Aucun membre"));
    assertThat(exported.exitCode()).as(exported.stderr()).isZero();
    assertThat(JSON.readTree(exported.stdout()).get("name").asText()).isEqualTo("Karim Benyahia");

    JarRun erased = cli("privacy", "staff", "erase", "--person", KARIM, "--confirm", KARIM);

    assertThat(erased.exitCode()).as(erased.stderr()).isZero();
    assertThat(erased.outputLines().get(0)).startsWith("Personne " + KARIM + " effacée le ");
    assertThat(erased.outputLines()).contains("  name : 1", "  lmsAccounts : 1", "  coachOf : 1");
    assertThat(count("select count(*) from tremplin_web_person where person_id = ?")).isZero();
    assertThat(count("select count(*) from tremplin_lti_person where person_id = ?")).isZero();
    assertThat(count("select count(*) from tremplin_web_staff_request where person_id = ?"))
        .isEqualTo(2);
  }

  @Test
  void aReferentALearnerAnUnknownIdAndAMissingConfirmationExit2AndDeleteNothing() throws Exception {
    tremplin.referents().assign(manager, ada.id(), KARIM, LocalDate.of(2026, 9, 1));

    JarRun referent = cli("privacy", "staff", "erase", "--person", KARIM, "--confirm", KARIM);
    JarRun unconfirmed = cli("privacy", "staff", "erase", "--person", KARIM, "--confirm", "x");
    JarRun learner =
        cli("privacy", "staff", "erase", "--person", "lms:ada", "--confirm", "lms:ada");
    JarRun unknown = cli("privacy", "staff", "export", "--person", "nobody", "--lang", "en");

    assertThat(referent.exitCode()).isEqualTo(2);
    assertThat(referent.stderr())
        .isEqualTo(
            "tremplin privacy staff erase: Rien n’a été effacé : "
                + KARIM
                + " est encore le ou la référent·e d’apprenant·es ; confiez-les d’abord à un·e"
                + " autre conseiller·ère (page Référent·es)\n");
    assertThat(unconfirmed.exitCode()).isEqualTo(2);
    assertThat(unconfirmed.stderr()).contains("--confirm");
    assertThat(learner.exitCode()).isEqualTo(2);
    assertThat(learner.stderr()).contains("privacy export|erase --learner");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("No staff person has the id nobody");
    assertThat(count("select count(*) from tremplin_web_person where person_id = ?")).isOne();
    assertThat(count("select count(*) from tremplin_lti_person where person_id = ?")).isOne();
    assertThat(count("select count(*) from tremplin_web_school_coach where person_id = ?")).isOne();
    assertThat(count("select count(*) from tremplin_web_staff_request where person_id = ?"))
        .isZero();
  }
}
