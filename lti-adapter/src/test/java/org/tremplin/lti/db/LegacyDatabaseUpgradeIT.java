package org.tremplin.lti.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.JdbiNonces;
import org.tremplin.lti.registration.JdbiRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * A database made by the migrations of the release before ADR 0005 (core's V1–V12: its V1–V8 as
 * they still are, and copies of the LTI tables' V9–V12 that core held then in {@code
 * legacy-schema/}), with a row in every LTI table, opened by today's code: core keeps its V1–V8,
 * the adapter adopts the tables at its V4 without running anything, and every row is still there
 * and served.
 */
class LegacyDatabaseUpgradeIT {
  private static final Instant NOW = Instant.parse("2026-01-09T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String ISSUER = "https://moodle.example.fr";
  private static final String CLIENT = "client-1";
  private static final String DYNAMIC_ISSUER = "https://canvas.example.edu";
  private static final String DYNAMIC_CLIENT = "10000000000042";
  private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID COHORT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  private static final UUID LEARNER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
  private static final String TOKEN = "a-session-token-issued-before-the-upgrade";
  private static final List<String> LTI_TABLES =
      List.of(
          "tremplin_lti_login_state",
          "tremplin_lti_nonce",
          "tremplin_lti_tool_key",
          "tremplin_lti_session",
          "tremplin_lti_registration",
          "tremplin_lti_deployment",
          "tremplin_lti_person",
          "tremplin_lti_context",
          "tremplin_lti_platform_school");

  /** A database as the release before ADR 0005 left it, with data in every LTI table. */
  private static DataSource legacyDatabase(TestDatabase db) {
    DataSource ds = db.fresh();
    Flyway.configure()
        .dataSource(ds)
        .table("tremplin_schema_history")
        // core's own V1-V8 (released migrations never change) and the copies of the LTI V9-V12
        // that core held then; nothing newer (V13 came after)
        .locations("classpath:org/tremplin/core/db/migration", "classpath:legacy-schema")
        .target("12")
        .load()
        .migrate();
    KeyPair keys = rsa();
    Jdbi.create(ds)
        .useTransaction(
            h -> {
              h.createUpdate(
                      "insert into tremplin_programme_template values ('ecole-du-web', 1, :body,"
                          + " :at)")
                  .bind("body", builtInTemplate())
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_school values (:id, 'École du Web 92', '92', :at)")
                  .bind("id", SCHOOL)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_cohort values (:id, :school, 'Promo DWWM 2026',"
                          + " :first, :last, 'ecole-du-web', 1, 12, :at)")
                  .bind("id", COHORT)
                  .bind("school", SCHOOL)
                  .bind("first", LocalDate.of(2025, 9, 1))
                  .bind("last", LocalDate.of(2026, 6, 30))
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_learner (id, school_id, given_name, family_name,"
                          + " created_at) values (:id, :school, 'Ada', 'Lovelace', :at)")
                  .bind("id", LEARNER)
                  .bind("school", SCHOOL)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_person (issuer, client_id, sub, person_id,"
                          + " learner_id, created_at) values (:iss, :client, 's-ada', 'p-ada',"
                          + " :learner, :at)")
                  .bind("iss", ISSUER)
                  .bind("client", CLIENT)
                  .bind("learner", LEARNER)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_context values (:iss, :client, 'dep-1', 'course-7',"
                          + " :cohort, 'p-trainer', :at)")
                  .bind("iss", ISSUER)
                  .bind("client", CLIENT)
                  .bind("cohort", COHORT)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_platform_school values (:iss, :client, :school)")
                  .bind("iss", ISSUER)
                  .bind("client", CLIENT)
                  .bind("school", SCHOOL)
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_registration values (:iss, :client, 'Canvas',"
                          + " :iss || '/auth', :iss || '/token', :iss || '/jwks', true, :at)")
                  .bind("iss", DYNAMIC_ISSUER)
                  .bind("client", DYNAMIC_CLIENT)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_deployment values (:iss, :client, 'dep-9',"
                          + " 'LAUNCH', :at)")
                  .bind("iss", DYNAMIC_ISSUER)
                  .bind("client", DYNAMIC_CLIENT)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_session (token_hash, person_id, display_name,"
                          + " grants, cohort_id, pending_link, locale, created_at, expires_at)"
                          + " values (:hash, 'p-ada', 'Ada Lovelace', :grants, :cohort, null, 'fr',"
                          + " :at, :expires)")
                  .bind("hash", sha256(TOKEN))
                  .bind(
                      "grants",
                      "[{\"role\":\"LEARNER\",\"scope\":\"learner\",\"learner\":\""
                          + LEARNER
                          + "\"}]")
                  .bind("cohort", COHORT)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .bind("expires", UnitOfWork.timestamp(NOW.plusSeconds(3600)))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_login_state (state, issuer, client_id, nonce,"
                          + " target_link_uri, deployment_hint, expires_at, created_at,"
                          + " storage_target) values ('st-1', :iss, :client, 'n-login',"
                          + " 'https://tool.example/lti/launch', null, :expires, :at, '_parent')")
                  .bind("iss", DYNAMIC_ISSUER)
                  .bind("client", DYNAMIC_CLIENT)
                  .bind("at", UnitOfWork.timestamp(NOW))
                  .bind("expires", UnitOfWork.timestamp(NOW.plusSeconds(600)))
                  .execute();
              h.createUpdate("insert into tremplin_lti_nonce values (:iss, 'n-used', :expires)")
                  .bind("iss", ISSUER)
                  .bind("expires", UnitOfWork.timestamp(NOW.plusSeconds(3600)))
                  .execute();
              h.createUpdate(
                      "insert into tremplin_lti_tool_key values ('legacy-kid', :private, :public,"
                          + " 'RS256', :at, :at, null)")
                  .bind(
                      "private", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()))
                  .bind("public", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
                  .bind("at", UnitOfWork.timestamp(NOW.minusSeconds(86_400)))
                  .execute();
            });
    return ds;
  }

  @AllDatabases
  void aDatabaseOfTheOldLayoutKeepsEveryLtiRowAndServesItAfterTheUpgrade(TestDatabase db) {
    DataSource ds = legacyDatabase(db);
    Map<String, Integer> before = counts(Jdbi.create(ds));
    assertThat(before.values()).allMatch(n -> n == 1);

    Tremplin tremplin = Tremplin.create(ds, CLOCK);
    UnitOfWork work = LtiSchema.install(tremplin);

    assertThat(counts(Jdbi.create(ds))).isEqualTo(before);
    // the adapter's migrations after the baseline (V5 course services, V6 grades, V7 deep linking
    // requests, V8 placed line items) run on top
    assertThat(sqlVersions(work, "tremplin_lti_schema_history"))
        .containsExactly("5", "6", "7", "8");
    assertThat(baselineOf(work)).isEqualTo("4");

    LtiDirectory directory = new LtiDirectory(work, CLOCK);
    PlatformUser ada = new PlatformUser(ISSUER, CLIENT, "s-ada");
    assertThat(directory.personOf(ada)).isEqualTo("p-ada");
    assertThat(directory.learnerOf(ada)).contains(new LearnerId(LEARNER));
    assertThat(directory.cohortOf(new CourseContext(ISSUER, CLIENT, "dep-1", "course-7")))
        .contains(new CohortId(COHORT));
    assertThat(directory.schoolOf(ISSUER, CLIENT)).contains(new SchoolId(SCHOOL));

    AppSession session = new JdbiSessions(work, CLOCK).find(TOKEN).orElseThrow();
    assertThat(session.displayName()).isEqualTo("Ada Lovelace");
    assertThat(session.personId()).isEqualTo("p-ada");

    JdbiRegistrations registrations = new JdbiRegistrations(work, List.of(), CLOCK);
    PlatformRegistration canvas = registrations.find(DYNAMIC_ISSUER, DYNAMIC_CLIENT).orElseThrow();
    assertThat(canvas.deploymentIds()).contains("dep-9");
    // login states are no longer stored (signed states, ADR 0007): the old row is only kept
    assertThat(new JdbiNonces(work, CLOCK).consume(ISSUER, "n-used", NOW.plusSeconds(60)))
        .isFalse();
    assertThat(new JdbiToolKeys(work, CLOCK).signingKey().getKeyID()).isEqualTo("legacy-kid");

    // and today's code writes on it: a new cohort linked to a new course, the learner's export
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(new SchoolId(SCHOOL)));
    Cohort next =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    new SchoolId(SCHOOL),
                    "Promo DWWM 2027",
                    new DateRange(LocalDate.of(2026, 9, 7), LocalDate.of(2027, 7, 9)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    CourseContext course8 = new CourseContext(ISSUER, CLIENT, "dep-1", "course-8");
    directory.linkCourse(course8, next.id(), "p-trainer");
    assertThat(directory.cohortOf(course8)).contains(next.id());
    assertThat(tremplin.privacy().export(manager, new LearnerId(LEARNER)))
        .contains("\"lmsAccounts\"")
        .contains("s-ada")
        .contains("Ada Lovelace");

    // a restart changes nothing
    LtiSchema.install(Tremplin.create(ds, CLOCK));
    assertThat(sqlVersions(work, "tremplin_lti_schema_history"))
        .containsExactly("5", "6", "7", "8");
    assertThat(new JdbiSessions(work, CLOCK).find(TOKEN)).isPresent();
  }

  @AllDatabases
  void aFreshDatabaseGetsCoresMigrationsThenTheAdaptersInTheirOwnHistories(TestDatabase db) {
    UnitOfWork work = LtiSchema.install(Tremplin.create(db.fresh(), CLOCK));

    // core's versions go on growing after 13 (14: API tokens...); the retired 9-12 never come back
    assertThat(sqlVersions(work, "tremplin_schema_history"))
        .startsWith("1", "2", "3", "4", "5", "6", "7", "8", "13", "14")
        .doesNotContain("9", "10", "11", "12");
    assertThat(sqlVersions(work, "tremplin_lti_schema_history")).startsWith("1", "2", "3", "4");
    assertThat(counts(work)).allSatisfy((table, n) -> assertThat(n).isZero());
  }

  private static Map<String, Integer> counts(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (String table : LTI_TABLES) {
            counts.put(
                table, h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
          }
          return counts;
        });
  }

  private static Map<String, Integer> counts(UnitOfWork work) {
    return work.read(
        h -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (String table : LTI_TABLES) {
            counts.put(
                table, h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
          }
          return counts;
        });
  }

  /** The versions a history table records as scripts run (not baselines), in order. */
  private static List<String> sqlVersions(UnitOfWork work, String history) {
    return work.read(
        h ->
            h.createQuery(
                    "select version from "
                        + history
                        + " where type = 'SQL' and success order by installed_rank")
                .mapTo(String.class)
                .list());
  }

  private static String baselineOf(UnitOfWork work) {
    return work.read(
        h ->
            h.createQuery("select version from tremplin_lti_schema_history where type = 'BASELINE'")
                .mapTo(String.class)
                .one());
  }

  private static String builtInTemplate() {
    try (InputStream in =
        Objects.requireNonNull(
            Tremplin.class.getResourceAsStream("programme/ecole-du-web.json"),
            "built-in template")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
