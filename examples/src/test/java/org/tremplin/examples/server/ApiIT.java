package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Role;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The REST API over real HTTP on H2 and PostgreSQL: every operation as a school manager, reads and
 * writes answered with their tags, updates guarded by {@code If-Match}, paging, bad input.
 */
class ApiIT {

  @AllDatabases
  void aSchoolManagerRunsEveryOperationOfTheirSchool(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.token(Role.MANAGER, api.a);
      String schoolA = api.a.id().value().toString();

      // schools: their own only
      ApiTestServer.Reply schools = api.get(manager, "/api/v1/schools");
      assertThat(schools.status()).isEqualTo(200);
      assertThat(schools.json().path("items").findValuesAsText("id")).containsExactly(schoolA);
      ApiTestServer.Reply school = api.get(manager, "/api/v1/schools/" + schoolA);
      assertThat(school.json().path("name").asText()).isEqualTo("École A");
      assertThat(school.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
      assertThat(school.header("Content-Type")).startsWith("application/json");
      assertThat(
              api.get(manager, "/api/v1/schools/" + schoolA + "/cohorts")
                  .json()
                  .path("items")
                  .findValuesAsText("name"))
          .containsExactly("DWWM A");

      // a cohort, a learner, an enrolment
      ApiTestServer.Reply opened =
          api.send(
              manager,
              "POST",
              "/api/v1/cohorts",
              Map.of(
                  "school",
                  schoolA,
                  "name",
                  "DWWM 2026",
                  "start",
                  "2025-09-01",
                  "end",
                  "2026-06-30",
                  "template",
                  Map.of("id", "ecole-du-web", "version", 1),
                  "capacity",
                  10));
      assertThat(opened.status()).as(opened.response().body()).isEqualTo(201);
      String cohort = opened.json().path("id").asText();
      assertThat(opened.header("Location")).endsWith("/api/v1/cohorts/" + cohort);
      assertThat(api.get(manager, "/api/v1/cohorts/" + cohort).json().path("capacity").asInt())
          .isEqualTo(10);

      ApiTestServer.Reply registered =
          api.send(
              manager,
              "POST",
              "/api/v1/learners",
              Map.of("school", schoolA, "givenName", "Grace", "familyName", "Hopper"));
      assertThat(registered.status()).isEqualTo(201);
      String grace = registered.json().path("id").asText();
      assertThat(api.get(manager, "/api/v1/learners/" + grace).json().path("familyName").asText())
          .isEqualTo("Hopper");

      ApiTestServer.Reply enrolled =
          api.send(
              manager,
              "POST",
              "/api/v1/cohorts/" + cohort + "/enrolments",
              Map.of("learner", grace, "date", "2025-09-01"));
      assertThat(enrolled.status()).as(enrolled.response().body()).isEqualTo(201);
      assertThat(enrolled.json().path("enrolled").asBoolean()).isTrue();
      assertThat(
              api.get(manager, "/api/v1/cohorts/" + cohort + "/learners")
                  .json()
                  .path("items")
                  .findValuesAsText("id"))
          .containsExactly(grace);
      assertThat(
              api.get(manager, "/api/v1/cohorts/" + cohort + "/enrolments")
                  .json()
                  .path("items")
                  .findValuesAsText("learner"))
          .containsExactly(grace);

      // leave then re-enter, each with the tag of the last read
      String enrolment = "/api/v1/cohorts/" + cohort + "/enrolments/" + grace;
      String tag = api.get(manager, enrolment).header("ETag");
      ApiTestServer.Reply left =
          api.send(
              manager,
              "POST",
              enrolment + "/leave",
              Map.of("date", "2026-01-15", "reason", "Found a job"),
              Map.of("If-Match", tag));
      assertThat(left.status()).as(left.response().body()).isEqualTo(200);
      assertThat(left.json().path("enrolled").asBoolean()).isFalse();
      assertThat(left.header("ETag")).isEqualTo(api.get(manager, enrolment).header("ETag"));
      ApiTestServer.Reply back =
          api.send(
              manager,
              "POST",
              enrolment + "/reentry",
              Map.of("date", "2026-02-02"),
              Map.of("If-Match", left.header("ETag")));
      assertThat(back.status()).as(back.response().body()).isEqualTo(200);
      assertThat(back.json().path("history").findValuesAsText("kind"))
          .containsExactly("JOINED", "LEFT", "REENTERED");

      // attendance: record, sheet, half-day, correction
      String attendance = "/api/v1/cohorts/" + cohort + "/attendance";
      ApiTestServer.Reply recorded =
          api.send(
              manager,
              "POST",
              attendance,
              Map.of(
                  "entries",
                  List.of(
                      Map.of(
                          "learner", grace, "date", "2026-03-02", "part", "AM", "mark", "PRESENT"),
                      Map.of(
                          "learner",
                          grace,
                          "date",
                          "2026-03-02",
                          "part",
                          "PM",
                          "mark",
                          "LATE",
                          "lateMinutes",
                          15))));
      assertThat(recorded.status()).as(recorded.response().body()).isEqualTo(201);
      assertThat(recorded.json().path("records")).hasSize(2);
      ApiTestServer.Reply sheet = api.get(manager, attendance + "?date=2026-03-02");
      assertThat(sheet.json().path("records").findValuesAsText("mark"))
          .containsExactlyInAnyOrder("PRESENT", "LATE");
      String halfDay = attendance + "/" + grace + "/2026-03-02/AM";
      ApiTestServer.Reply history = api.get(manager, halfDay);
      assertThat(history.json().path("versions")).hasSize(1);
      ApiTestServer.Reply corrected =
          api.send(
              manager,
              "PUT",
              halfDay,
              Map.of("mark", "ABSENT_JUSTIFIED", "reason", "Justification received"),
              Map.of("If-Match", history.header("ETag")));
      assertThat(corrected.status()).as(corrected.response().body()).isEqualTo(200);
      assertThat(corrected.json().path("versions").findValuesAsText("mark"))
          .containsExactly("PRESENT", "ABSENT_JUSTIFIED");
      assertThat(api.get(manager, halfDay).json().path("versions")).hasSize(2);
    }
  }

  @Test
  void theOpenApiDocumentIsServedWithoutATokenAndNamesTheServer() {
    try (ApiTestServer api = new ApiTestServer(TestDatabase.H2, 0)) {
      ApiTestServer.Reply document = api.get(null, "/api/openapi.json");

      assertThat(document.status()).isEqualTo(200);
      assertThat(document.header("Content-Type")).startsWith("application/json");
      assertThat(document.json().path("openapi").asText()).isEqualTo("3.1.0");
      assertThat(document.json().at("/servers/0/url").asText())
          .isEqualTo(api.base.toString().replaceAll("/$", ""));
      assertThat(document.json().path("paths").has("/api/v1/cohorts/{cohort}/attendance")).isTrue();
    }
  }

  @AllDatabases
  void aManagerReadsEvidenceAndReadinessAndAcknowledgesThenResolvesAnAlert(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.token(Role.MANAGER, api.a);
      String learner =
          "/api/v1/cohorts/" + api.cohortA.id().value() + "/learners/" + api.ada.id().value();
      api.tremplin()
          .alerts()
          .raise(
              org.tremplin.api.access.Actor.of(
                  "manager", Role.MANAGER, new org.tremplin.api.access.Scope.OfSchool(api.a.id())),
              api.cohortA.id(),
              api.ada.id(),
              List.of(new org.tremplin.api.alert.RiskSignal.MissedMeetings(2)),
              java.time.LocalDate.of(2026, 3, 2));

      assertThat(api.get(manager, learner + "/evidence").json().path("items")).isEmpty();
      JsonNode readiness = api.get(manager, learner + "/readiness").json();
      assertThat(readiness.path("ready").asBoolean()).isFalse();
      assertThat(readiness.path("blocks")).isNotEmpty();

      JsonNode listed = api.get(manager, learner + "/alerts").json().path("items");
      assertThat(listed).hasSize(1);
      String alert = learner + "/alerts/" + listed.get(0).path("id").asText();
      String tag = api.get(manager, alert).header("ETag");
      api.send(manager, "POST", alert + "/acknowledge", null).problem(428, "PRECONDITION_REQUIRED");
      ApiTestServer.Reply acknowledged =
          api.send(manager, "POST", alert + "/acknowledge", null, Map.of("If-Match", tag));
      assertThat(acknowledged.status()).as(acknowledged.response().body()).isEqualTo(200);
      assertThat(acknowledged.json().path("status").asText()).isEqualTo("ACKNOWLEDGED");
      api.send(manager, "POST", alert + "/resolve", null, Map.of("If-Match", tag))
          .problem(412, "PRECONDITION_FAILED");
      ApiTestServer.Reply resolved =
          api.send(
              manager,
              "POST",
              alert + "/resolve",
              null,
              Map.of("If-Match", acknowledged.header("ETag")));
      assertThat(resolved.json().path("status").asText()).isEqualTo("RESOLVED");
      assertThat(api.get(manager, learner + "/alerts").json().path("items")).isEmpty();
    }
  }

  @AllDatabases
  void anUpdateWithoutIfMatchOrWithAStaleTagWritesNothing(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.token(Role.MANAGER, api.a);
      String enrolment =
          "/api/v1/cohorts/" + api.cohortA.id().value() + "/enrolments/" + api.ada.id().value();
      String stale = api.get(manager, enrolment).header("ETag");
      long events = api.rows("tremplin_enrolment_event");

      api.send(manager, "POST", enrolment + "/leave", Map.of("date", "2026-01-15", "reason", "x"))
          .problem(428, "PRECONDITION_REQUIRED");
      api.send(
              manager,
              "POST",
              enrolment + "/leave",
              Map.of("date", "2026-01-15", "reason", "x"),
              Map.of("If-Match", "\"not-the-tag\""))
          .problem(412, "PRECONDITION_FAILED");
      assertThat(api.rows("tremplin_enrolment_event")).isEqualTo(events);

      // someone else changes it: the tag read before is stale now
      api.send(
          manager,
          "POST",
          enrolment + "/leave",
          Map.of("date", "2026-01-15", "reason", "left"),
          Map.of("If-Match", stale));
      api.send(
              manager,
              "POST",
              enrolment + "/reentry",
              Map.of("date", "2026-02-02"),
              Map.of("If-Match", stale))
          .problem(412, "PRECONDITION_FAILED");
      assertThat(api.rows("tremplin_enrolment_event")).isEqualTo(events + 1);
    }
  }

  @AllDatabases
  void aReadNamedByIfNoneMatchAnswersNotModified(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String trainer = api.token(Role.TRAINER, api.a);
      String path = "/api/v1/cohorts/" + api.cohortA.id().value();
      String tag = api.get(trainer, path).header("ETag");

      ApiTestServer.Reply again =
          api.send(trainer, "GET", path, null, Map.of("If-None-Match", tag));

      assertThat(again.status()).isEqualTo(304);
      assertThat(again.response().body()).isEmpty();
    }
  }

  @AllDatabases
  void listsComeAPageAtATimeFollowingTheNextLink(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.token(Role.MANAGER, api.a);
      String cohort = api.cohortA.id().value().toString();
      List<String> expected = new ArrayList<>();
      expected.add(api.ada.id().value().toString());
      for (int i = 0; i < 4; i++) {
        String id =
            api.send(
                    manager,
                    "POST",
                    "/api/v1/learners",
                    Map.of(
                        "school",
                        api.a.id().value().toString(),
                        "givenName",
                        "L" + i,
                        "familyName",
                        "N" + i))
                .json()
                .path("id")
                .asText();
        api.send(
            manager,
            "POST",
            "/api/v1/cohorts/" + cohort + "/enrolments",
            Map.of("learner", id, "date", "2025-09-01"));
        expected.add(id);
      }

      List<String> seen = new ArrayList<>();
      String next = "/api/v1/cohorts/" + cohort + "/learners?limit=2";
      int pages = 0;
      while (next != null) {
        ApiTestServer.Reply page = api.get(manager, next);
        assertThat(page.status()).isEqualTo(200);
        seen.addAll(page.json().path("items").findValuesAsText("id"));
        pages++;
        String link = page.header("Link");
        if (link.isEmpty()) {
          assertThat(page.json().has("next")).isFalse();
          next = null;
        } else {
          assertThat(link).endsWith(">; rel=\"next\"");
          assertThat(link).contains("cursor=" + page.json().path("next").asText());
          next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
      }

      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
      api.get(manager, "/api/v1/cohorts/" + cohort + "/learners?limit=0")
          .problem(400, "BAD_REQUEST");
      api.get(manager, "/api/v1/cohorts/" + cohort + "/learners?cursor=!!!")
          .problem(400, "BAD_REQUEST");
    }
  }

  @AllDatabases
  void malformedInputIsA400NamingTheFieldAndARuleBrokenIsA422(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      String manager = api.token(Role.MANAGER, api.a);
      String school = api.a.id().value().toString();
      long learners = api.rows("tremplin_learner");

      JsonNode missing =
          api.send(manager, "POST", "/api/v1/learners", Map.of("school", school, "givenName", "A"))
              .problem(400, "BAD_REQUEST")
              .json();
      assertThat(missing.path("errors").get(0).path("pointer").asText()).isEqualTo("/familyName");
      JsonNode unknown =
          api.send(
                  manager,
                  "POST",
                  "/api/v1/learners",
                  Map.of("school", school, "givenName", "A", "familyName", "B", "age", 3))
              .problem(400, "BAD_REQUEST")
              .json();
      assertThat(unknown.path("errors").get(0).path("pointer").asText()).isEqualTo("/age");
      api.send(manager, "POST", "/api/v1/learners", "{not json").problem(400, "BAD_REQUEST");
      JsonNode badMark =
          api.send(
                  manager,
                  "POST",
                  "/api/v1/cohorts/" + api.cohortA.id().value() + "/attendance",
                  Map.of(
                      "entries",
                      List.of(
                          Map.of(
                              "learner",
                              api.ada.id().value().toString(),
                              "date",
                              "2026-03-02",
                              "part",
                              "AM",
                              "mark",
                              "HERE"))))
              .problem(400, "BAD_REQUEST")
              .json();
      assertThat(badMark.path("errors").get(0).path("pointer").asText())
          .isEqualTo("/entries/0/mark");
      api.get(manager, "/api/v1/cohorts/not-a-uuid").problem(400, "BAD_REQUEST");
      api.get(manager, "/api/v1/cohorts/" + api.cohortA.id().value() + "/attendance")
          .problem(400, "BAD_REQUEST");
      // well-formed, but a rule of core refuses it
      api.send(
              manager,
              "POST",
              "/api/v1/learners",
              Map.of("school", school, "givenName", " ", "familyName", "B"))
          .problem(422, "INVALID_ARGUMENT");
      api.send(
              manager,
              "POST",
              "/api/v1/cohorts/" + api.cohortA.id().value() + "/attendance",
              Map.of(
                  "entries",
                  List.of(
                      Map.of(
                          "learner",
                          api.ada.id().value().toString(),
                          "date",
                          "2026-03-01",
                          "part",
                          "AM",
                          "mark",
                          "PRESENT"))))
          .problem(422, "ATTENDANCE_DAY_NOT_IN_CALENDAR");
      api.get(manager, "/api/v1/cohorts/" + java.util.UUID.randomUUID())
          .problem(404, "COHORT_NOT_FOUND");
      assertThat(api.rows("tremplin_learner")).isEqualTo(learners);
      assertThat(api.rows("tremplin_attendance")).isZero();
    }
  }
}
