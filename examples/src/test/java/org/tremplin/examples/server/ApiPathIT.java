package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The insertion path and coaching over the REST API (issue 13, item 5): what the learner's referent
 * coach (a COACH token, ADR 0017) and the school's managers may do, what everyone else is refused
 * (403, nothing written: the path read back is unchanged), and that a confidential note's text
 * never reaches a manager's token.
 */
class ApiPathIT {
  private static final String COACH = "cip-1";
  private static final String SECRET = "Situation familiale difficile SECRET-7f3a";

  private static final Set<String> FILE_KEEPERS = Set.of("MANAGER:net", "MANAGER:A", "COACH:A");

  /** One operation: who may, how to call it. */
  private record Op(String name, Set<String> allowed, Function<String, ApiTestServer.Reply> call) {}

  private static String coachToken(ApiTestServer api, School school, String person) {
    return api.tremplin()
        .tokens()
        .create(
            ApiTestServer.OPERATOR,
            new Grant(Role.COACH, new Scope.OfSchool(school.id())),
            person,
            "test",
            null)
        .secret();
  }

  private static String learnerPath(ApiTestServer api) {
    return "/api/v1/cohorts/" + api.cohortA.id().value() + "/learners/" + api.ada.id().value();
  }

  /** Ada's insertion path and coaching as her coach reads them: what a write would change. */
  private static String snapshot(ApiTestServer api, String coach) {
    StringBuilder all = new StringBuilder();
    for (String part :
        List.of(
            "insertion?on=2026-03-02",
            "barriers",
            "action-plan",
            "immersions",
            "exit",
            "meetings")) {
      ApiTestServer.Reply reply = api.get(coach, learnerPath(api) + "/" + part);
      assertThat(reply.status()).as(part + ": " + reply.response().body()).isEqualTo(200);
      all.append(reply.response().body()).append('\n');
    }
    return all.toString();
  }

  private static long audited(ApiTestServer api, String actor) {
    try (Connection c = api.data.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from tremplin_audit where actor_id = ? and what like 'coaching%'")) {
      s.setString(1, actor);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void seedInsertion(Tremplin core, ApiTestServer api, Actor manager) {
    var cohort = api.cohortA.id();
    var ada = api.ada.id();
    LocalDate hire = LocalDate.of(2025, 9, 1);
    core.insertion()
        .recordDiagnosis(
            manager,
            cohort,
            ada,
            new NewDiagnosis(
                LocalDate.of(2025, 8, 25),
                StructureKind.ACI,
                List.of("RSA"),
                List.of(new SupportingDocument("RSA", LocalDate.of(2025, 8, 1)))));
    core.insertion()
        .recordContract(
            manager,
            cohort,
            ada,
            new InsertionContract(
                StructureKind.ACI, hire, LocalDate.of(2026, 4, 30), 26, List.of(), List.of(), ""));
    core.insertion()
        .recordPass(manager, cohort, ada, new PassIae("999992512345", hire, List.of(), List.of()));
  }

  @AllDatabases
  void theReferentCoachKeepsTheInsertionPathAndTheMeetingsOverTheApi(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Tremplin core = api.tremplin();
      Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
      core.referents().assign(manager, api.ada.id(), COACH, LocalDate.of(2025, 9, 1));
      seedInsertion(core, api, manager);
      String coach = coachToken(api, api.a, COACH);
      String path = learnerPath(api);
      String ada = api.ada.id().value().toString();

      // the caseload names where Ada's file is
      JsonNode caseload = api.get(coach, "/api/v1/caseload").json();
      assertThat(caseload.path("items").findValuesAsText("learner")).containsExactly(ada);
      assertThat(caseload.at("/items/0/cohort").asText())
          .isEqualTo(api.cohortA.id().value().toString());

      // eligibility, contract and PASS, with a 304 for the same read
      ApiTestServer.Reply insertion = api.get(coach, path + "/insertion?on=2026-03-02");
      assertThat(insertion.status()).as(insertion.response().body()).isEqualTo(200);
      JsonNode in = insertion.json();
      assertThat(in.at("/eligibility/criteria/0/code").asText()).isEqualTo("RSA");
      assertThat(in.at("/eligibility/date").asText()).isEqualTo("2025-08-25");
      assertThat(in.at("/contract/end").asText()).isEqualTo("2026-04-30");
      assertThat(in.at("/contract/weeklyHours").asInt()).isEqualTo(26);
      assertThat(in.at("/pass/number").asText()).isEqualTo("999992512345");
      assertThat(in.at("/pass/running").asBoolean()).isTrue();
      assertThat(
              api.send(
                      coach,
                      "GET",
                      path + "/insertion?on=2026-03-02",
                      null,
                      Map.of("If-None-Match", insertion.header("ETag")))
                  .status())
          .isEqualTo(304);

      // barriers: open, then a status change guarded by If-Match
      ApiTestServer.Reply opened =
          api.send(
              coach,
              "POST",
              path + "/barriers",
              Map.of(
                  "category", "MOBILITY",
                  "severity", "HIGH",
                  "description", "Pas de bus le matin",
                  "openedOn", "2026-03-02"));
      assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
      String barrier = opened.header("Location");
      assertThat(opened.json().path("status").asText()).isEqualTo("OPEN");
      String barrierTag = api.get(coach, barrier).header("ETag");
      Map<String, Object> resolve =
          Map.of("status", "RESOLVED", "note", "Carte de bus", "on", "2026-03-09");
      api.send(coach, "POST", barrier + "/status", resolve).problem(428, "PRECONDITION_REQUIRED");
      api.send(coach, "POST", barrier + "/status", resolve, Map.of("If-Match", "\"stale\""))
          .problem(412, "PRECONDITION_FAILED");
      assertThat(api.get(coach, barrier).json().path("status").asText()).isEqualTo("OPEN");
      ApiTestServer.Reply resolved =
          api.send(coach, "POST", barrier + "/status", resolve, Map.of("If-Match", barrierTag));
      assertThat(resolved.status()).as(resolved.response().body()).isEqualTo(200);
      assertThat(resolved.json().path("status").asText()).isEqualTo("RESOLVED");
      assertThat(resolved.json().path("result").asText()).isEqualTo("Carte de bus");
      assertThat(resolved.header("ETag")).isEqualTo(api.get(coach, barrier).header("ETag"));
      assertThat(api.get(coach, path + "/barriers").json().path("items")).hasSize(1);

      // the action plan: objective, action (closed with If-Match), referral
      ApiTestServer.Reply objective =
          api.send(
              coach,
              "POST",
              path + "/action-plan/objectives",
              Map.of("title", "Trouver un stage", "setOn", "2026-03-02"));
      assertThat(objective.status()).as(objective.response().body()).isEqualTo(201);
      ApiTestServer.Reply action =
          api.send(
              coach,
              "POST",
              path + "/action-plan/actions",
              Map.of(
                  "objective", objective.json().path("id").asText(),
                  "description", "Appeler la mission locale",
                  "owner", "LEARNER",
                  "dueOn", "2026-03-16"));
      assertThat(action.status()).as(action.response().body()).isEqualTo(201);
      String actionAt = action.header("Location");
      String actionTag = api.get(coach, actionAt).header("ETag");
      api.send(
              coach,
              "POST",
              actionAt + "/close",
              Map.of("status", "DONE"),
              Map.of("If-Match", "\"x\""))
          .problem(412, "PRECONDITION_FAILED");
      ApiTestServer.Reply done =
          api.send(
              coach,
              "POST",
              actionAt + "/close",
              Map.of("status", "DONE"),
              Map.of("If-Match", actionTag));
      assertThat(done.status()).as(done.response().body()).isEqualTo(200);
      assertThat(done.json().path("status").asText()).isEqualTo("DONE");
      ApiTestServer.Reply referral =
          api.send(
              coach,
              "POST",
              path + "/action-plan/referrals",
              Map.of("partner", "HOUSING", "purpose", "Logement", "on", "2026-03-03"));
      assertThat(referral.status()).as(referral.response().body()).isEqualTo(201);
      JsonNode plan = api.get(coach, path + "/action-plan").json();
      assertThat(plan.at("/objectives/0/title").asText()).isEqualTo("Trouver un stage");
      assertThat(plan.at("/objectives/0/actions/0/status").asText()).isEqualTo("DONE");
      assertThat(plan.at("/referrals/0/partner").asText()).isEqualTo("HOUSING");
      assertThat(plan.at("/referrals/0/recordedBy").asText()).isEqualTo(COACH);

      // an immersion, then one longer than a month refused by the rule (422)
      ApiTestServer.Reply immersion =
          api.send(
              coach,
              "POST",
              path + "/immersions",
              Map.of(
                  "objective", "DISCOVER_JOB",
                  "hostOrganisation", "Boulangerie Martin",
                  "tutor", "Paul Martin",
                  "firstDay", "2026-04-06",
                  "lastDay", "2026-04-17"));
      assertThat(immersion.status()).as(immersion.response().body()).isEqualTo(201);
      assertThat(
              api.send(
                      coach,
                      "POST",
                      path + "/immersions",
                      Map.of(
                          "objective", "DISCOVER_JOB",
                          "hostOrganisation", "Boulangerie Martin",
                          "tutor", "Paul Martin",
                          "firstDay", "2026-04-06",
                          "lastDay", "2026-06-17"))
                  .status())
          .isEqualTo(422);
      assertThat(api.get(coach, path + "/immersions").json().path("items")).hasSize(1);

      // the exit: none, CDD without months refused, recorded, corrected with If-Match and reason
      assertThat(api.get(coach, path + "/exit").json().path("recorded").asBoolean()).isFalse();
      api.send(coach, "PUT", path + "/exit", Map.of("leftOn", "2026-06-30", "situation", "CDD"))
          .problem(422, "EXIT_CONTRACT_LENGTH_REQUIRED");
      ApiTestServer.Reply exit =
          api.send(
              coach,
              "PUT",
              path + "/exit",
              Map.of("leftOn", "2026-06-30", "situation", "CDD", "months", 6));
      assertThat(exit.status()).as(exit.response().body()).isEqualTo(201);
      assertThat(exit.json().path("category").asText()).isEqualTo("EMPLOI_DURABLE");
      assertThat(exit.json().path("version").asInt()).isEqualTo(1);
      Map<String, Object> cdi =
          Map.of("leftOn", "2026-06-30", "situation", "CDI", "correctionReason", "CDI signé");
      api.send(coach, "PUT", path + "/exit", cdi).problem(428, "PRECONDITION_REQUIRED");
      api.send(
              coach,
              "PUT",
              path + "/exit",
              Map.of("leftOn", "2026-06-30", "situation", "CDI"),
              Map.of("If-Match", exit.header("ETag")))
          .problem(400, "BAD_REQUEST");
      ApiTestServer.Reply corrected =
          api.send(coach, "PUT", path + "/exit", cdi, Map.of("If-Match", exit.header("ETag")));
      assertThat(corrected.status()).as(corrected.response().body()).isEqualTo(200);
      JsonNode stored = api.get(coach, path + "/exit").json();
      assertThat(stored.path("situation").asText()).isEqualTo("CDI");
      assertThat(stored.path("version").asInt()).isEqualTo(2);
      assertThat(stored.path("correctionReason").asText()).isEqualTo("CDI signé");

      // meetings: one held now with its confidential note, one planned ahead
      ApiTestServer.Reply held =
          api.send(
              coach,
              "POST",
              path + "/meetings",
              Map.of("outcome", "HELD", "note", "Point stage", "confidentialNote", SECRET));
      assertThat(held.status()).as(held.response().body()).isEqualTo(201);
      assertThat(held.json().path("confidentialNote").asText()).isEqualTo(SECRET);
      String ahead =
          LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
      ApiTestServer.Reply planned =
          api.send(
              coach,
              "POST",
              path + "/meetings",
              Map.of("plannedAt", ahead, "note", "Préparer l'entretien"));
      assertThat(planned.status()).as(planned.response().body()).isEqualTo(201);
      assertThat(planned.json().path("status").asText()).isEqualTo("PLANNED");
      JsonNode meetings = api.get(coach, path + "/meetings").json();
      assertThat(meetings.path("past")).hasSize(1);
      assertThat(meetings.at("/past/0/confidentialNote").asText()).isEqualTo(SECRET);
      assertThat(meetings.at("/next/0/id").asText()).isEqualTo(planned.json().path("id").asText());
      assertThat(meetings.path("confidentialNotesWithheld").asInt()).isZero();
      // an outcome for a meeting still ahead is refused by the rule
      String plannedAt = planned.header("Location");
      api.send(
              coach,
              "POST",
              plannedAt + "/outcome",
              Map.of("outcome", "HELD"),
              Map.of("If-Match", api.get(coach, plannedAt).header("ETag")))
          .problem(422, "INVALID_ARGUMENT");
      assertThat(audited(api, COACH)).isPositive();
    }
  }

  @AllDatabases
  void malformedInputIsA400NamingTheMemberAndWritesNothing(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
      api.tremplin().referents().assign(manager, api.ada.id(), COACH, LocalDate.of(2025, 9, 1));
      String coach = coachToken(api, api.a, COACH);
      String path = learnerPath(api);
      String before = snapshot(api, coach);

      assertPointer(
          api.send(
              coach,
              "POST",
              path + "/barriers",
              Map.of("category", "NOPE", "severity", "HIGH", "description", "d")),
          "/category");
      assertPointer(
          api.send(
              coach,
              "POST",
              path + "/action-plan/actions",
              Map.of(
                  "objective",
                  "not-a-uuid",
                  "description",
                  "d",
                  "owner",
                  "LEARNER",
                  "dueOn",
                  "2026-03-16")),
          "/objective");
      assertPointer(
          api.send(
              coach,
              "POST",
              path + "/action-plan/actions",
              Map.of(
                  "objective",
                  "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                  "description",
                  "d",
                  "dueOn",
                  "2026-03-16")),
          "/owner");
      assertPointer(
          api.send(coach, "POST", path + "/meetings", Map.of("plannedAt", "demain")), "/plannedAt");
      assertPointer(
          api.send(coach, "POST", path + "/meetings", Map.of("note", "sans date")), "/plannedAt");
      assertPointer(
          api.send(
              coach, "PUT", path + "/exit", Map.of("leftOn", "2026-06-30", "situation", "CDX")),
          "/situation");
      assertPointer(
          api.send(coach, "POST", path + "/immersions", "{\"objective\":\"DISCOVER_JOB\","), "");
      assertPointer(api.get(coach, path + "/insertion?on=hier"), "on");
      assertPointer(
          api.get(coach, "/api/v1/cohorts/" + api.cohortA.id().value() + "/learners/nope/barriers"),
          "learner");

      assertThat(snapshot(api, coach)).isEqualTo(before);
    }
  }

  @AllDatabases
  void theOpenApiDocumentDescribesThePathWithNumberLikeCodesAsText(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      JsonNode doc = api.get(null, "/api/openapi.json").json();
      assertThat(doc.at("/paths/~1api~1v1~1caseload/get/operationId").asText())
          .isEqualTo("listCaseload");
      for (String operation :
          List.of(
              "getInsertionPath",
              "openBarrier",
              "changeBarrierStatus",
              "closeAction",
              "addReferral",
              "planImmersion",
              "recordExit",
              "addMeeting",
              "recordMeetingOutcome")) {
        assertThat(doc.path("paths").findValuesAsText("operationId")).contains(operation);
      }
      JsonNode number = doc.at("/components/schemas/Pass/properties/number/example");
      assertThat(number.isTextual()).as(number.toString()).isTrue();
      assertThat(number.asText()).isEqualTo("999992500123");
      assertThat(doc.at("/components/schemas/Exit/properties/rulesVersion/example").asText())
          .isEqualTo("2024");
    }
  }

  private static void assertPointer(ApiTestServer.Reply reply, String pointer) {
    reply.problem(400, "BAD_REQUEST");
    assertThat(reply.json().path("errors").findValuesAsText("pointer"))
        .as(reply.response().body())
        .containsExactly(pointer);
  }

  @AllDatabases
  void aManagerReadsThatAConfidentialNoteExistsButNeverItsText(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
      api.tremplin().referents().assign(manager, api.ada.id(), COACH, LocalDate.of(2025, 9, 1));
      String coach = coachToken(api, api.a, COACH);
      String path = learnerPath(api);
      ApiTestServer.Reply held =
          api.send(
              coach,
              "POST",
              path + "/meetings",
              Map.of("outcome", "HELD", "note", "Point stage", "confidentialNote", SECRET));
      assertThat(held.status()).as(held.response().body()).isEqualTo(201);
      String meeting = held.header("Location");

      for (String token : List.of(api.token(Role.MANAGER, api.a), api.networkToken(Role.MANAGER))) {
        long auditedBefore = audited(api, "token:" + tokenId(api, token));
        ApiTestServer.Reply list = api.get(token, path + "/meetings");
        assertThat(list.status()).as(list.response().body()).isEqualTo(200);
        assertThat(list.response().body()).doesNotContain("SECRET-7f3a").contains("Point stage");
        assertThat(list.json().at("/past/0").has("confidentialNote")).isFalse();
        assertThat(list.json().at("/past/0/confidentialNoteWithheld").asBoolean()).isTrue();
        assertThat(list.json().path("confidentialNotesWithheld").asInt()).isEqualTo(1);
        ApiTestServer.Reply one = api.get(token, meeting);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.response().body()).doesNotContain("SECRET-7f3a");
        assertThat(one.json().has("confidentialNote")).isFalse();
        assertThat(audited(api, "token:" + tokenId(api, token))).isGreaterThan(auditedBefore);

        // a manager may not write a confidential note either: 403, nothing written
        String before = snapshot(api, coach);
        api.send(
                token,
                "POST",
                path + "/meetings",
                Map.of("outcome", "HELD", "note", "n", "confidentialNote", "mine"))
            .problem(403, "ACCESS_DENIED");
        assertThat(snapshot(api, coach)).isEqualTo(before);
      }
    }
  }

  private static String tokenId(ApiTestServer api, String secret) {
    return api.tremplin().tokens().authenticate(secret).id().substring("token:".length());
  }

  @AllDatabases
  void everyRoleAndScopeRefusedAnOperationGets403AndTheStateReadBackIsUnchanged(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Tremplin core = api.tremplin();
      Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
      var cohort = api.cohortA.id();
      var adaId = api.ada.id();
      core.referents().assign(manager, adaId, COACH, LocalDate.of(2025, 9, 1));
      seedInsertion(core, api, manager);
      String barrier =
          core.coaching()
              .openBarrier(
                  manager,
                  cohort,
                  adaId,
                  new NewBarrier(
                      BarrierCategory.HOUSING,
                      BarrierSeverity.MEDIUM,
                      LocalDate.of(2026, 3, 2),
                      "Hébergé chez un tiers"))
              .id()
              .value()
              .toString();
      var objective =
          core.coaching()
              .addObjective(
                  manager,
                  cohort,
                  adaId,
                  new NewObjective(
                      "Trouver un stage",
                      new ObjectiveFocus.CareerProject(),
                      LocalDate.of(2026, 3, 2)));
      String action =
          core.coaching()
              .addAction(
                  manager,
                  cohort,
                  adaId,
                  objective.id(),
                  new NewAction("Appeler", ActionOwner.LEARNER, LocalDate.of(2026, 3, 16)))
              .id()
              .value()
              .toString();
      String meeting =
          core.coaching()
              .planMeeting(manager, cohort, adaId, LocalDateTime.of(2026, 3, 2, 10, 0), "agenda")
              .id()
              .value()
              .toString();

      Map<String, String> tokens = new LinkedHashMap<>();
      for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.TRAINER)) {
        tokens.put(role + ":net", api.networkToken(role));
        tokens.put(role + ":A", api.token(role, api.a));
        tokens.put(role + ":B", api.token(role, api.b));
      }
      tokens.put("COACH:A", coachToken(api, api.a, COACH));
      tokens.put("COACH:A-other-caseload", coachToken(api, api.a, "cip-2"));
      tokens.put("COACH:B", coachToken(api, api.b, COACH));
      String coach = tokens.get("COACH:A");
      String path = learnerPath(api);
      Map<String, String> anyTag = Map.of("If-Match", "*");
      List<Op> ops =
          List.of(
              new Op("getInsertionPath", FILE_KEEPERS, t -> api.get(t, path + "/insertion")),
              new Op("listBarriers", FILE_KEEPERS, t -> api.get(t, path + "/barriers")),
              new Op("getBarrier", FILE_KEEPERS, t -> api.get(t, path + "/barriers/" + barrier)),
              new Op(
                  "openBarrier",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/barriers",
                          Map.of("category", "HEALTH", "severity", "LOW", "description", "d"))),
              new Op(
                  "changeBarrierStatus",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/barriers/" + barrier + "/status",
                          Map.of("status", "IN_PROGRESS"),
                          anyTag)),
              new Op("getActionPlan", FILE_KEEPERS, t -> api.get(t, path + "/action-plan")),
              new Op(
                  "addObjective",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t, "POST", path + "/action-plan/objectives", Map.of("title", "Permis"))),
              new Op(
                  "addAction",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/action-plan/actions",
                          Map.of(
                              "objective", objective.id().value().toString(),
                              "description", "d",
                              "owner", "COACH",
                              "dueOn", "2026-04-01"))),
              new Op(
                  "getAction",
                  FILE_KEEPERS,
                  t -> api.get(t, path + "/action-plan/actions/" + action)),
              new Op(
                  "closeAction",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/action-plan/actions/" + action + "/close",
                          Map.of("status", "CANCELLED"),
                          anyTag)),
              new Op(
                  "addReferral",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/action-plan/referrals",
                          Map.of("partner", "HEALTH", "purpose", "Bilan"))),
              new Op("listImmersions", FILE_KEEPERS, t -> api.get(t, path + "/immersions")),
              new Op(
                  "planImmersion",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/immersions",
                          Map.of(
                              "objective", "CONFIRM_PROJECT",
                              "hostOrganisation", "Garage",
                              "tutor", "Jo",
                              "firstDay", "2026-05-04",
                              "lastDay", "2026-05-08"))),
              new Op("getExit", FILE_KEEPERS, t -> api.get(t, path + "/exit")),
              new Op(
                  "recordExit",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "PUT",
                          path + "/exit",
                          Map.of(
                              "leftOn", "2026-06-30",
                              "situation", "FORMATION_QUALIFIANTE",
                              "correctionReason", "r"),
                          anyTag)),
              new Op("listMeetings", FILE_KEEPERS, t -> api.get(t, path + "/meetings")),
              new Op("getMeeting", FILE_KEEPERS, t -> api.get(t, path + "/meetings/" + meeting)),
              new Op(
                  "addMeeting",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/meetings",
                          Map.of("outcome", "MISSED_LEARNER", "note", "absent"))),
              new Op(
                  "recordMeetingOutcome",
                  FILE_KEEPERS,
                  t ->
                      api.send(
                          t,
                          "POST",
                          path + "/meetings/" + meeting + "/outcome",
                          Map.of("outcome", "HELD", "note", "fait"),
                          anyTag)));

      int denials = 0;
      for (Op op : ops) {
        for (Map.Entry<String, String> token : tokens.entrySet()) {
          boolean allowed = op.allowed().contains(token.getKey());
          String before = allowed ? "" : snapshot(api, coach);
          ApiTestServer.Reply reply = op.call().apply(token.getValue());
          String what = op.name() + " as " + token.getKey() + ": " + reply.response().body();
          if (allowed) {
            assertThat(reply.status()).as(what).isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(reply.status()).as(what).isEqualTo(403);
            reply.problem(403, "ACCESS_DENIED");
            assertThat(snapshot(api, coach)).as(what).isEqualTo(before);
            denials++;
          }
        }
      }
      assertThat(denials).isEqualTo(ops.size() * (tokens.size() - FILE_KEEPERS.size()));
    }
  }
}
