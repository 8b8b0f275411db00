package org.tremplin.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.token.IssuedToken;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.form.WebSchema;
import org.tremplin.web.school.KnownCoaches;

/**
 * A staff person's data found, exported and erased by an operator (ADR 0026), on H2 and PostgreSQL:
 * every kind the tool holds goes, the learners' files and the other staff stay.
 */
class StaffPrivacyIT {
  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
  private static final String ISS = "https://moodle.example.org";
  private static final String CLIENT = "tremplin";
  private static final Actor OPERATOR = Actor.of("cli:operator", Role.ADMIN, new Scope.Network());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(NOW);

  /** A school with Karim (coach, named, with a roster e-mail, a session, a token) and Julie. */
  private final class Fixture {
    final Tremplin tremplin;
    final LtiDirectory directory;
    final JdbiSessions sessions;
    final KnownCoaches coaches;
    final StaffPrivacy privacy;
    final School school;
    final String karim;
    final String julie;
    final String karimSession;
    final String julieSession;
    final IssuedToken karimToken;
    final LearnerId ada;
    final String adaPerson;

    Fixture(TestDatabase db) {
      tremplin = Tremplin.create(db.fresh(), clock);
      WebSchema.install(tremplin);
      LtiSchema.install(tremplin);
      directory = new LtiDirectory(tremplin.transactions(), clock);
      sessions = new JdbiSessions(tremplin.transactions(), clock);
      coaches = new KnownCoaches(tremplin, clock);
      privacy = new StaffPrivacy(tremplin, clock);
      school = tremplin.schools().create(OPERATOR, "École du Web de Bondy", Departement.of("93"));
      Grant coach = new Grant(Role.COACH, new Scope.OfSchool(school.id()));
      Grant manager = new Grant(Role.MANAGER, new Scope.OfSchool(school.id()));
      karim = directory.personOf(new PlatformUser(ISS, CLIENT, "sub-karim"));
      julie = directory.personOf(new PlatformUser(ISS, CLIENT, "sub-julie"));
      coaches.remember(session(karim, "Karim Benyahia", coach));
      coaches.remember(session(julie, "Julie Marchand", coach, manager));
      karimSession = sessions.open(session(karim, "Karim Benyahia", coach)).token();
      julieSession = sessions.open(session(julie, "Julie Marchand", manager)).token();
      roster("sub-karim", "Karim.B@ecole.example", null);
      roster("sub-julie", "julie.m@ecole.example", null);
      karimToken =
          tremplin
              .tokens()
              .create(OPERATOR, coach, karim, "agenda de Karim", NOW.plus(Duration.ofDays(90)));
      ada =
          tremplin
              .learners()
              .register(
                  Actor.of(julie, Role.MANAGER, new Scope.OfSchool(school.id())),
                  school.id(),
                  "Ada",
                  "Lovelace")
              .id();
      directory.linkLearner(new PlatformUser(ISS, CLIENT, "sub-ada"), ada);
      adaPerson = directory.personOf(new PlatformUser(ISS, CLIENT, "sub-ada"));
      roster("sub-ada", "ada@eleves.example", ada);
      tremplin
          .transactions()
          .inTransaction(
              h ->
                  h.createUpdate(
                          "insert into tremplin_web_person (person_id, display_name, updated_at)"
                              + " values (:p, 'Ada Lovelace', :at)")
                      .bind("p", adaPerson)
                      .bind("at", UnitOfWork.timestamp(NOW))
                      .execute());
    }

    private void roster(String sub, String email, @Nullable LearnerId learner) {
      tremplin
          .transactions()
          .inTransaction(
              h ->
                  h.createUpdate(
                          "insert into tremplin_lti_roster_member (issuer, client_id,"
                              + " deployment_id, context_id, sub, roles, status, email, email_key,"
                              + " sourcedid, learner_id, waiting, first_seen_at, last_seen_at)"
                              + " values (:iss, :client, 'dep-1', 'course-1', :sub, 'Instructor',"
                              + " 'ACTIVE', :email, :key, null, cast(:learner as uuid), false, :at, :at)")
                      .bind("iss", ISS)
                      .bind("client", CLIENT)
                      .bind("sub", sub)
                      .bind("email", email)
                      .bind("key", email.toLowerCase(Locale.ROOT))
                      .bindByType("learner", learner == null ? null : learner.value(), UUID.class)
                      .bind("at", UnitOfWork.timestamp(NOW))
                      .execute());
    }

    int rows(String table, String person) {
      return tremplin
          .transactions()
          .read(
              h ->
                  h.createQuery("select count(*) from " + table + " where person_id = :p")
                      .bind("p", person)
                      .mapTo(Integer.class)
                      .one());
    }
  }

  private static AppSession session(String person, String name, Grant... grants) {
    return new AppSession(
        person, name, List.of(grants), null, null, Locale.FRENCH, NOW.plusSeconds(3600));
  }

  @AllDatabases
  void anOperatorFindsStaffByNameOrEmailButNeverALearner(TestDatabase db) {
    Fixture f = new Fixture(db);

    List<StaffMember> byName = f.privacy.find(OPERATOR, "benya");
    List<StaffMember> byEmail = f.privacy.find(OPERATOR, "KARIM.B@ECOLE");
    List<StaffMember> byId = f.privacy.find(OPERATOR, f.julie);

    assertThat(byName)
        .containsExactly(
            new StaffMember(
                f.karim,
                "Karim Benyahia",
                List.of("Karim.B@ecole.example"),
                List.of(f.school.id())));
    assertThat(byEmail).extracting(StaffMember::personId).containsExactly(f.karim);
    assertThat(byId).extracting(StaffMember::name).containsExactly("Julie Marchand");
    assertThat(f.privacy.find(OPERATOR, "ada")).isEmpty();
    assertThat(f.privacy.find(OPERATOR, "lovelace")).isEmpty();
    assertThat(f.privacy.find(OPERATOR, "%")).isEmpty();
    assertThat(f.privacy.find(OPERATOR, "_")).isEmpty();
  }

  @AllDatabases
  void theExportHoldsEveryKindOfDataAndEachExportIsRecorded(TestDatabase db) throws Exception {
    Fixture f = new Fixture(db);

    JsonNode first = JSON.readTree(f.privacy.export(OPERATOR, f.karim));
    JsonNode second = JSON.readTree(f.privacy.export(OPERATOR, f.karim));

    assertThat(first.get("name").asText()).isEqualTo("Karim Benyahia");
    assertThat(first.get("lmsAccounts").get(0).get("sub").asText()).isEqualTo("sub-karim");
    assertThat(first.get("rosterPlaces").get(0).get("email").asText())
        .isEqualTo("Karim.B@ecole.example");
    assertThat(first.get("sessions").get(0).get("display_name").asText())
        .isEqualTo("Karim Benyahia");
    assertThat(first.get("coachOf").get(0).get("school_id").asText())
        .isEqualTo(f.school.id().value().toString());
    assertThat(first.get("apiTokens").get(0).get("id").asText())
        .isEqualTo(f.karimToken.token().id().toString());
    assertThat(first.get("requests")).isEmpty();
    assertThat(second.get("requests")).hasSize(1);
    assertThat(second.get("requests").get(0).get("kind").asText()).isEqualTo("EXPORT");
    assertThat(second.get("requests").get(0).get("requested_by").asText()).isEqualTo(OPERATOR.id());
    assertThat(first.toString()).doesNotContain("Julie", "julie.m@", "Ada", "ada@");
  }

  @AllDatabases
  void anErasureRemovesEveryKindSignsOutRevokesTokensAndLeavesOthersAlone(TestDatabase db)
      throws Exception {
    Fixture f = new Fixture(db);

    StaffErasure erasure = f.privacy.erase(OPERATOR, f.karim);

    assertThat(erasure.deleted())
        .containsEntry("name", 1)
        .containsEntry("rosterPlaces", 1)
        .containsEntry("sessions", 1)
        .containsEntry("coachOf", 1)
        .containsEntry("lmsAccounts", 1);
    assertThat(erasure.revokedTokens()).containsExactly(f.karimToken.token().id());
    assertThat(f.sessions.find(f.karimSession)).isEmpty();
    assertThat(f.coaches.of(f.school.id())).containsOnlyKeys(f.julie);
    assertThat(f.rows("tremplin_web_person", f.karim)).isZero();
    assertThatThrownBy(() -> f.tremplin.tokens().authenticate(f.karimToken.secret()))
        .isInstanceOf(TremplinException.class);
    // the next launch of the same LMS account is a new person: the old id names nobody
    assertThat(f.directory.personOf(new PlatformUser(ISS, CLIENT, "sub-karim")))
        .isNotEqualTo(f.karim);
    assertThat(f.privacy.find(OPERATOR, "karim")).isEmpty();
    JsonNode after = JSON.readTree(f.privacy.export(OPERATOR, f.karim));
    assertThat(after.get("name").asText()).isEmpty();
    assertThat(after.get("rosterPlaces")).isEmpty();
    assertThat(after.get("requests").get(0).get("kind").asText()).isEqualTo("ERASURE");
    assertThat(after.get("apiTokens").get(0).get("revokedAt").isNull()).isFalse();
    // the others: Julie's name, session and roster place; Ada's file and account
    assertThat(f.sessions.find(f.julieSession)).isPresent();
    assertThat(f.privacy.find(OPERATOR, "julie.m@")).hasSize(1);
    assertThat(f.directory.learnerOf(new PlatformUser(ISS, CLIENT, "sub-ada"))).contains(f.ada);
  }

  @AllDatabases
  void aLearnerAReferentCoachAnUnknownIdAndANonOperatorAreRefusedWithNothingChanged(TestDatabase db)
      throws Exception {
    Fixture f = new Fixture(db);
    Actor manager = Actor.of(f.julie, Role.MANAGER, new Scope.OfSchool(f.school.id()));
    f.tremplin.referents().assign(manager, f.ada, f.karim, LocalDate.of(2026, 9, 1));
    String before = f.privacy.export(OPERATOR, f.karim);

    assertThatThrownBy(() -> f.privacy.erase(OPERATOR, f.adaPerson))
        .extracting(e -> ((LtiException) e).code())
        .isEqualTo(LtiErrorCode.LTI_PERSON_IS_LEARNER);
    assertThatThrownBy(() -> f.privacy.export(OPERATOR, f.adaPerson))
        .extracting(e -> ((LtiException) e).code())
        .isEqualTo(LtiErrorCode.LTI_PERSON_IS_LEARNER);
    assertThatThrownBy(() -> f.privacy.erase(OPERATOR, f.karim))
        .hasMessageContaining("1 learner")
        .extracting(e -> ((LtiException) e).code())
        .isEqualTo(LtiErrorCode.LTI_PERSON_IS_REFERENT);
    assertThatThrownBy(() -> f.privacy.erase(OPERATOR, "no-such-person"))
        .extracting(e -> ((LtiException) e).code())
        .isEqualTo(LtiErrorCode.LTI_PERSON_NOT_FOUND);
    assertThatThrownBy(() -> f.privacy.erase(manager, f.karim))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(() -> f.privacy.find(manager, "karim"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);

    // nothing changed: Karim's export is the same but for the request just recorded, his token
    // still works, Ada's account still leads to her
    JsonNode now = JSON.readTree(f.privacy.export(OPERATOR, f.karim));
    JsonNode then = JSON.readTree(before);
    for (String kind :
        List.of("name", "lmsAccounts", "rosterPlaces", "sessions", "coachOf", "apiTokens")) {
      assertThat(now.get(kind)).as(kind).isEqualTo(then.get(kind));
    }
    assertThat(f.tremplin.tokens().authenticate(f.karimToken.secret()).id()).isEqualTo(f.karim);
    assertThat(f.directory.learnerOf(new PlatformUser(ISS, CLIENT, "sub-ada"))).contains(f.ada);
  }
}
