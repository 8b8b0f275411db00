package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.alert.RiskSignal;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Every operation of the REST API for every role × scope a token may have: what the access rules
 * refuse answers 403 problem+json ({@code ACCESS_DENIED}) and writes nothing; what they allow is
 * never refused. The expected grants are written out by hand, not computed.
 */
class ApiAccessIT {
  private static final Set<String> EVERYONE_OF_A =
      Set.of("ADMIN:net", "ADMIN:A", "MANAGER:net", "MANAGER:A", "TRAINER:net", "TRAINER:A");
  private static final Set<String> MANAGERS_OF_A = Set.of("MANAGER:net", "MANAGER:A");
  private static final Set<String> PROGRAMME_OF_A =
      Set.of("ADMIN:net", "ADMIN:A", "MANAGER:net", "MANAGER:A");
  private static final Set<String> ATTENDANCE_OF_A =
      Set.of("MANAGER:net", "MANAGER:A", "TRAINER:net", "TRAINER:A");

  /** One operation: who may, what it writes to (empty for a read), how to call it. */
  private record Op(
      String name, Set<String> allowed, String table, Function<String, ApiTestServer.Reply> call) {}

  @AllDatabases
  void everyRoleAndScopeRefusedAnOperationGets403AndWritesNothing(TestDatabase db) {
    try (ApiTestServer api = new ApiTestServer(db, 0)) {
      Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
      api.tremplin()
          .attendance()
          .record(
              manager,
              api.cohortA.id(),
              new AttendanceEntry(
                  api.ada.id(),
                  HalfDay.am(LocalDate.of(2026, 3, 2)),
                  AttendanceMark.of(Mark.PRESENT)));
      String alert =
          api.tremplin()
              .alerts()
              .raise(
                  manager,
                  api.cohortA.id(),
                  api.ada.id(),
                  List.of(new RiskSignal.MissedMeetings(2)),
                  LocalDate.of(2026, 3, 2))
              .get(0)
              .id()
              .toString();
      Map<String, String> tokens = new LinkedHashMap<>();
      for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.TRAINER)) {
        tokens.put(role + ":net", api.networkToken(role));
        tokens.put(role + ":A", api.token(role, api.a));
        tokens.put(role + ":B", api.token(role, api.b));
      }
      String school = api.a.id().value().toString();
      String cohort = "/api/v1/cohorts/" + api.cohortA.id().value();
      String ada = api.ada.id().value().toString();
      String halfDay = cohort + "/attendance/" + ada + "/2026-03-02/AM";
      Map<String, String> anyTag = Map.of("If-Match", "*");
      List<Op> ops =
          List.of(
              new Op("getSchool", EVERYONE_OF_A, "", t -> api.get(t, "/api/v1/schools/" + school)),
              new Op(
                  "createSchool",
                  Set.of("ADMIN:net", "MANAGER:net"),
                  "tremplin_school",
                  t ->
                      api.send(
                          t, "POST", "/api/v1/schools", Map.of("name", "N", "departement", "75"))),
              new Op(
                  "listCohorts",
                  EVERYONE_OF_A,
                  "",
                  t -> api.get(t, "/api/v1/schools/" + school + "/cohorts")),
              new Op(
                  "openCohort",
                  PROGRAMME_OF_A,
                  "tremplin_cohort",
                  t ->
                      api.send(
                          t,
                          "POST",
                          "/api/v1/cohorts",
                          Map.of(
                              "school",
                              school,
                              "name",
                              "N",
                              "start",
                              "2025-09-01",
                              "end",
                              "2026-06-30",
                              "template",
                              Map.of("id", "ecole-du-web", "version", 1),
                              "capacity",
                              10))),
              new Op("getCohort", EVERYONE_OF_A, "", t -> api.get(t, cohort)),
              new Op(
                  "registerLearner",
                  MANAGERS_OF_A,
                  "tremplin_learner",
                  t ->
                      api.send(
                          t,
                          "POST",
                          "/api/v1/learners",
                          Map.of("school", school, "givenName", "G", "familyName", "F"))),
              new Op("getLearner", EVERYONE_OF_A, "", t -> api.get(t, "/api/v1/learners/" + ada)),
              new Op(
                  "listCohortLearners", EVERYONE_OF_A, "", t -> api.get(t, cohort + "/learners")),
              new Op("listEnrolments", EVERYONE_OF_A, "", t -> api.get(t, cohort + "/enrolments")),
              new Op(
                  "getEnrolment",
                  EVERYONE_OF_A,
                  "",
                  t -> api.get(t, cohort + "/enrolments/" + ada)),
              new Op(
                  "enrol",
                  MANAGERS_OF_A,
                  "tremplin_enrolment_event",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/enrolments",
                          Map.of("learner", ada, "date", "2025-09-01"))),
              new Op(
                  "leave",
                  MANAGERS_OF_A,
                  "tremplin_enrolment_event",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/enrolments/" + ada + "/leave",
                          Map.of("date", "2026-01-15", "reason", "r"),
                          anyTag)),
              new Op(
                  "reenter",
                  MANAGERS_OF_A,
                  "tremplin_enrolment_event",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/enrolments/" + ada + "/reentry",
                          Map.of("date", "2026-02-02"),
                          anyTag)),
              new Op(
                  "getAttendanceSheet",
                  ATTENDANCE_OF_A,
                  "",
                  t -> api.get(t, cohort + "/attendance?date=2026-03-02")),
              new Op(
                  "recordAttendance",
                  ATTENDANCE_OF_A,
                  "tremplin_attendance",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/attendance",
                          Map.of(
                              "entries",
                              List.of(
                                  Map.of(
                                      "learner",
                                      ada,
                                      "date",
                                      "2026-03-03",
                                      "part",
                                      "AM",
                                      "mark",
                                      "PRESENT"))))),
              new Op("getAttendanceHalfDay", ATTENDANCE_OF_A, "", t -> api.get(t, halfDay)),
              new Op(
                  "listEvidence",
                  ATTENDANCE_OF_A,
                  "",
                  t -> api.get(t, cohort + "/learners/" + ada + "/evidence")),
              new Op(
                  "getReadiness",
                  ATTENDANCE_OF_A,
                  "",
                  t -> api.get(t, cohort + "/learners/" + ada + "/readiness")),
              new Op(
                  "listAlerts",
                  MANAGERS_OF_A,
                  "",
                  t -> api.get(t, cohort + "/learners/" + ada + "/alerts")),
              new Op(
                  "getAlert",
                  MANAGERS_OF_A,
                  "",
                  t -> api.get(t, cohort + "/learners/" + ada + "/alerts/" + alert)),
              new Op(
                  "acknowledgeAlert",
                  MANAGERS_OF_A,
                  "",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/learners/" + ada + "/alerts/" + alert + "/acknowledge",
                          null,
                          anyTag)),
              new Op(
                  "resolveAlert",
                  MANAGERS_OF_A,
                  "",
                  t ->
                      api.send(
                          t,
                          "POST",
                          cohort + "/learners/" + ada + "/alerts/" + alert + "/resolve",
                          null,
                          anyTag)),
              new Op(
                  "correctAttendance",
                  ATTENDANCE_OF_A,
                  "tremplin_attendance",
                  t ->
                      api.send(
                          t,
                          "PUT",
                          halfDay,
                          Map.of("mark", "ABSENT_JUSTIFIED", "reason", "r"),
                          anyTag)),
              // a learner's personal data: the school's managers only; last, as it erases Ada
              new Op(
                  "exportPersonalData",
                  MANAGERS_OF_A,
                  "tremplin_audit",
                  t -> api.get(t, "/api/v1/learners/" + ada + "/personal-data")),
              new Op(
                  "listAuditTrail",
                  MANAGERS_OF_A,
                  "tremplin_audit",
                  t -> api.get(t, "/api/v1/learners/" + ada + "/audit-trail")),
              new Op(
                  "eraseLearner",
                  MANAGERS_OF_A,
                  "tremplin_audit",
                  t ->
                      api.send(
                          t,
                          "POST",
                          "/api/v1/learners/" + ada + "/erasure",
                          Map.of("confirm", ada))));

      int denials = 0;
      for (Op op : ops) {
        for (Map.Entry<String, String> token : tokens.entrySet()) {
          long before = op.table().isEmpty() ? 0 : api.rows(op.table());
          ApiTestServer.Reply reply = op.call().apply(token.getValue());
          String what = op.name() + " as " + token.getKey() + ": " + reply.response().body();
          if (op.allowed().contains(token.getKey())) {
            assertThat(reply.status()).as(what).isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(reply.status()).as(what).isEqualTo(403);
            reply.problem(403, "ACCESS_DENIED");
            if (!op.table().isEmpty()) {
              assertThat(api.rows(op.table())).as(what).isEqualTo(before);
            }
            denials++;
          }
        }
      }
      assertThat(denials).isGreaterThan(60);

      // the list of schools is filtered, never refused
      for (Map.Entry<String, String> token : tokens.entrySet()) {
        List<String> seen =
            api.get(token.getValue(), "/api/v1/schools")
                .json()
                .path("items")
                .findValuesAsText("id");
        if (token.getKey().endsWith(":B")) {
          assertThat(seen).as(token.getKey()).containsExactly(api.b.id().value().toString());
        } else if (token.getKey().endsWith(":A")) {
          assertThat(seen).as(token.getKey()).containsExactly(school);
        } else {
          assertThat(seen).as(token.getKey()).contains(school, api.b.id().value().toString());
        }
      }
    }
  }
}
