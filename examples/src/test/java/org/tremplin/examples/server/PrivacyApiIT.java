package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * A learner's privacy requests over the REST API: the export, the audit trail (paged) and the
 * erasure, confirmed in the body, for the school's managers only (403 and nothing written for every
 * other role and scope), audited by core under the token's actor.
 */
class PrivacyApiIT {
  private static final String COACH = "cip-1";

  /** Who may: the managers of Ada's school and of the network. */
  private static final Set<String> MANAGERS = Set.of("MANAGER:net", "MANAGER:A");

  private record Op(String name, Function<String, ApiTestServer.Reply> call) {}

  private static String base(ApiTestServer api, Learner learner) {
    return "/api/v1/learners/" + learner.id().value();
  }

  private static Map<String, Object> confirm(Learner learner) {
    return Map.of("confirm", learner.id().value().toString());
  }

  private static String coachToken(ApiTestServer api, org.tremplin.api.school.School school) {
    return api.tremplin()
        .tokens()
        .create(
            ApiTestServer.OPERATOR,
            new Grant(Role.COACH, new Scope.OfSchool(school.id())),
            COACH,
            "test",
            null)
        .secret();
  }

  private static String tokenActor(ApiTestServer api, String secret) {
    return api.tremplin().tokens().authenticate(secret).id();
  }

  /** Audit lines about Ada written by this actor. */
  private static long auditedBy(ApiTestServer api, String actor) {
    try (Connection c = api.data.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from tremplin_audit where learner_id = ? and actor_id = ?")) {
      s.setObject(1, api.ada.id().value());
      s.setString(2, actor);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the manager reads of Ada: the learner, and her export without its audit section (reading
   * the export appends to that section, nothing else).
   */
  private static String snapshot(ApiTestServer api, String manager) {
    ApiTestServer.Reply learner = api.get(manager, base(api, api.ada));
    assertThat(learner.status()).as(learner.response().body()).isEqualTo(200);
    assertThat(learner.header("Cache-Control")).isEqualTo("private, no-cache");
    ApiTestServer.Reply export = api.get(manager, base(api, api.ada) + "/personal-data");
    assertThat(export.status()).as(export.response().body()).isEqualTo(200);
    ObjectNode document = (ObjectNode) export.json();
    document.remove("audit");
    return learner.response().body() + "\n" + document;
  }

  private static void seed(ApiTestServer api) {
    Tremplin core = api.tremplin();
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
    core.referents().assign(manager, api.ada.id(), COACH, LocalDate.of(2025, 9, 1));
    core.coaching()
        .planMeeting(
            manager, api.cohortA.id(), api.ada.id(), LocalDateTime.of(2026, 3, 2, 10, 0), "agenda");
  }

  @AllDatabases
  void aManagerExportsReadsTheTrailPageByPageAndErasesOnlyOnceConfirmed(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      seed(api);
      Learner grace =
          api.tremplin()
              .learners()
              .register(
                  Actor.of("manager", Role.MANAGER, new Scope.Network()),
                  api.a.id(),
                  "Grace",
                  "Hopper");
      String manager = api.token(Role.MANAGER, api.a);
      String actor = tokenActor(api, manager);
      String ada = base(api, api.ada);

      // the export: the learner, then every section
      ApiTestServer.Reply export = api.get(manager, ada + "/personal-data");
      assertThat(export.status()).as(export.response().body()).isEqualTo(200);
      assertThat(export.header("Content-Type")).startsWith("application/json");
      assertThat(export.header("ETag")).isNotEmpty();
      // confidential notes included: no cache may keep it, not even the caller's
      assertThat(export.header("Cache-Control")).isEqualTo("no-store");
      JsonNode document = export.json();
      assertThat(document.at("/learner/givenName").asText()).isEqualTo("Ada");
      assertThat(document.at("/learner/id").asText()).isEqualTo(api.ada.id().value().toString());
      assertThat(document.has("enrolment")).isTrue();
      assertThat(document.has("attendance")).isTrue();
      assertThat(document.has("lmsAccounts")).isTrue();
      assertThat(document.path("referents").findValuesAsText("coach_id")).contains(COACH);
      assertThat(auditedBy(api, actor)).isEqualTo(1);

      // the trail, oldest first, paged with a cursor and a Link
      ApiTestServer.Reply first = api.get(manager, ada + "/audit-trail?limit=2");
      assertThat(first.status()).as(first.response().body()).isEqualTo(200);
      assertThat(first.json().path("items")).hasSize(2);
      assertThat(first.json().at("/items/0/number").asInt()).isEqualTo(1);
      assertThat(first.json().at("/items/0/actor").asText()).isEqualTo("manager");
      String next = first.json().path("next").asText();
      assertThat(next).isNotEmpty();
      assertThat(first.header("Link")).contains("cursor=" + next).contains("rel=\"next\"");
      List<JsonNode> all = new ArrayList<>();
      first.json().path("items").forEach(all::add);
      String cursor = next;
      while (!cursor.isEmpty()) {
        ApiTestServer.Reply page = api.get(manager, ada + "/audit-trail?limit=2&cursor=" + cursor);
        assertThat(page.status()).as(page.response().body()).isEqualTo(200);
        page.json().path("items").forEach(all::add);
        cursor = page.json().path("next").asText("");
      }
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).path("number").asInt()).isEqualTo(i + 1);
      }
      assertThat(all)
          .anySatisfy(
              e -> {
                assertThat(e.path("actor").asText()).isEqualTo(actor);
                assertThat(e.path("action").asText()).isEqualTo("EXPORT");
                assertThat(e.path("what").asText()).isEqualTo("privacy.export");
              });
      assertThat(all)
          .anySatisfy(e -> assertThat(e.path("what").asText()).isEqualTo("privacy.audit-trail"));
      assertThat(api.get(manager, ada + "/audit-trail?limit=0").status()).isEqualTo(400);

      // an erasure must repeat the id: without it, or with another one, nothing is erased
      String before = snapshot(api, manager);
      long auditedBefore = auditedBy(api, actor);
      api.send(manager, "POST", ada + "/erasure", null).problem(400, "BAD_REQUEST");
      api.send(manager, "POST", ada + "/erasure", Map.of()).problem(400, "BAD_REQUEST");
      api.send(manager, "POST", ada + "/erasure", Map.of("confirm", "yes", "force", true))
          .problem(400, "BAD_REQUEST");
      ApiTestServer.Reply mistyped =
          api.send(manager, "POST", ada + "/erasure", confirm(grace))
              .problem(422, "ERASURE_NOT_CONFIRMED");
      assertThat(mistyped.json().path("errors").findValuesAsText("pointer"))
          .containsExactly("/confirm");
      api.send(manager, "POST", ada + "/erasure", Map.of("confirm", "Ada"))
          .problem(422, "ERASURE_NOT_CONFIRMED");
      api.send(manager, "POST", base(api, grace) + "/erasure", confirm(api.ada))
          .problem(422, "ERASURE_NOT_CONFIRMED");
      assertThat(auditedBy(api, actor)).isEqualTo(auditedBefore);
      assertThat(snapshot(api, manager)).isEqualTo(before);
      assertThat(api.get(manager, base(api, grace)).json().path("givenName").asText())
          .isEqualTo("Grace");

      // confirmed: the report, the names gone, the trail says who erased
      ApiTestServer.Reply erased = api.send(manager, "POST", ada + "/erasure", confirm(api.ada));
      assertThat(erased.status()).as(erased.response().body()).isEqualTo(200);
      JsonNode report = erased.json();
      assertThat(report.path("learner").asText()).isEqualTo(api.ada.id().value().toString());
      assertThat(report.path("erasedAt").asText()).isNotEmpty();
      assertThat(report.path("sections"))
          .anySatisfy(
              s -> {
                assertThat(s.path("section").asText()).isEqualTo("learner");
                assertThat(s.path("rows").asInt()).isEqualTo(1);
              });
      List<String> sections = report.path("sections").findValuesAsText("section");
      assertThat(sections).isSorted();
      assertThat(sections).contains("attendance", "lmsAccounts", "webPersonNames");
      JsonNode after = api.get(manager, ada).json();
      assertThat(after.path("givenName").asText()).isEqualTo("[effacé]");
      assertThat(after.path("familyName").asText()).isEqualTo("[effacé]");
      assertThat(api.get(manager, ada + "/personal-data").response().body())
          .doesNotContain("Lovelace");
      assertThat(api.get(manager, ada + "/audit-trail?limit=200").json().path("items"))
          .anySatisfy(
              e -> {
                assertThat(e.path("actor").asText()).isEqualTo(actor);
                assertThat(e.path("action").asText()).isEqualTo("ERASE");
              });
      assertThat(api.get(manager, base(api, grace)).json().path("familyName").asText())
          .isEqualTo("Hopper");
    }
  }

  @AllDatabases
  void anUnknownLearnerIs404AndAMalformedId400(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.networkToken(Role.MANAGER);
      String unknown = "/api/v1/learners/00000000-0000-4000-8000-000000000000";
      api.get(manager, unknown + "/personal-data").problem(404, "LEARNER_NOT_FOUND");
      api.get(manager, unknown + "/audit-trail").problem(404, "LEARNER_NOT_FOUND");
      api.send(
              manager,
              "POST",
              unknown + "/erasure",
              Map.of("confirm", "00000000-0000-4000-8000-000000000000"))
          .problem(404, "LEARNER_NOT_FOUND");
      api.get(manager, "/api/v1/learners/nope/personal-data").problem(400, "BAD_REQUEST");
      api.get(null, base(api, api.ada) + "/personal-data").problem(401, "TOKEN_INVALID");
    }
  }

  @AllDatabases
  void everyOtherRoleAndScopeGets403AndNothingIsWritten(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      seed(api);
      Map<String, String> tokens = new LinkedHashMap<>();
      for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.TRAINER)) {
        tokens.put(role + ":net", api.networkToken(role));
        tokens.put(role + ":A", api.token(role, api.a));
        tokens.put(role + ":B", api.token(role, api.b));
      }
      // Ada's referent coach, through a token of her school or of the other one
      tokens.put("COACH:A", coachToken(api, api.a));
      tokens.put("COACH:B", coachToken(api, api.b));
      String ada = base(api, api.ada);
      List<Op> ops =
          List.of(
              new Op("exportPersonalData", t -> api.get(t, ada + "/personal-data")),
              new Op("listAuditTrail", t -> api.get(t, ada + "/audit-trail")),
              new Op("eraseLearner", t -> api.send(t, "POST", ada + "/erasure", confirm(api.ada))));
      String reader = tokens.get("MANAGER:A");
      int denials = 0;
      for (Op op : ops) {
        for (Map.Entry<String, String> token : tokens.entrySet()) {
          if (MANAGERS.contains(token.getKey())) {
            continue;
          }
          String before = snapshot(api, reader);
          ApiTestServer.Reply reply = op.call().apply(token.getValue());
          String what = op.name() + " as " + token.getKey() + ": " + reply.response().body();
          assertThat(reply.status()).as(what).isEqualTo(403);
          reply.problem(403, "ACCESS_DENIED");
          assertThat(reply.response().body()).as(what).doesNotContain("Lovelace");
          assertThat(snapshot(api, reader)).as(what).isEqualTo(before);
          assertThat(auditedBy(api, tokenActor(api, token.getValue()))).as(what).isZero();
          denials++;
        }
      }
      assertThat(denials).isEqualTo(ops.size() * (tokens.size() - MANAGERS.size()));

      // the managers may: the network's reads, the school's erases
      for (String allowed : MANAGERS) {
        String token = tokens.get(allowed);
        assertThat(api.get(token, ada + "/personal-data").status()).as(allowed).isEqualTo(200);
        assertThat(api.get(token, ada + "/audit-trail").status()).as(allowed).isEqualTo(200);
      }
      ApiTestServer.Reply erased =
          api.send(tokens.get("MANAGER:net"), "POST", ada + "/erasure", confirm(api.ada));
      assertThat(erased.status()).as(erased.response().body()).isEqualTo(200);
    }
  }

  @AllDatabases
  void theOpenApiDocumentDescribesThePrivacyOperations(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      JsonNode doc = api.get(null, "/api/openapi.json").json();
      JsonNode learner = doc.at("/paths/~1api~1v1~1learners~1{learner}~1personal-data/get");
      assertThat(learner.path("operationId").asText()).isEqualTo("exportPersonalData");
      assertThat(
              doc.at("/paths/~1api~1v1~1learners~1{learner}~1audit-trail/get/operationId").asText())
          .isEqualTo("listAuditTrail");
      JsonNode erase = doc.at("/paths/~1api~1v1~1learners~1{learner}~1erasure/post");
      assertThat(erase.path("operationId").asText()).isEqualTo("eraseLearner");
      assertThat(erase.path("responses").has("422")).isTrue();
      assertThat(doc.at("/components/schemas/ErasureConfirmation/required").toString())
          .contains("confirm");
    }
  }
}
