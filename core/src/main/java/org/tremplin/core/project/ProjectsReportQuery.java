package org.tremplin.core.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.CompetencyEvidenced;
import org.tremplin.api.project.CountedProject;
import org.tremplin.api.project.ProjectId;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;

/**
 * The projects report's SQL: three queries over the school's projects (the projects, their teams,
 * the competencies of the delivered ones), whatever their number. Stateless.
 */
final class ProjectsReportQuery {
  private ProjectsReportQuery() {}

  /**
   * Delivered in the period (whenever it was recorded), or started by its last day and not
   * delivered by then.
   */
  private static final String IN_PERIOD =
      " and ((p.delivered_on >= :first and p.delivered_on <= :last)"
          + " or (p.started_on <= :last and (p.delivered_on is null or p.delivered_on > :last)))";

  /** A project counts unless its team is made of test accounts only. */
  private static final String COUNTED =
      " from tremplin_project p"
          + " join tremplin_cohort k on k.id = p.cohort_id"
          + " where k.school_id = :school"
          + IN_PERIOD
          + " and (not exists (select 1 from tremplin_project_member a where a.project_id = p.id)"
          + " or exists (select 1 from tremplin_project_member b where b.project_id = p.id"
          + " and not exists (select 1 from tremplin_test_account t"
          + " where t.learner_id = b.learner_id)))";

  static ProjectsReport run(Handle h, SchoolId school, DateRange period) {
    record Row(
        UUID id,
        CohortId cohort,
        String title,
        String client,
        ClientKind kind,
        boolean qpv,
        boolean delivered) {}
    List<Row> rows =
        h.createQuery(
                "select p.id, p.cohort_id, p.title, p.delivered_on, c.name, c.kind, c.qpv_based"
                    + COUNTED.replace(
                        " join tremplin_cohort k",
                        " join tremplin_client_organisation c on c.id = p.client_id"
                            + " join tremplin_cohort k")
                    + " order by lower(p.title), p.id")
            .bind("school", school.value())
            .bind("first", period.first())
            .bind("last", period.last())
            .map(
                (rs, ctx) -> {
                  LocalDate on = rs.getObject("delivered_on", LocalDate.class);
                  return new Row(
                      rs.getObject("id", UUID.class),
                      new CohortId(rs.getObject("cohort_id", UUID.class)),
                      rs.getString("title"),
                      rs.getString("name"),
                      ClientKind.valueOf(rs.getString("kind")),
                      rs.getBoolean("qpv_based"),
                      on != null && !on.isAfter(period.last()));
                })
            .list();

    Map<UUID, List<CountedLearner>> teams = new LinkedHashMap<>();
    h.createQuery(
            "select m.project_id, p.cohort_id, m.learner_id, l.given_name, l.family_name"
                + " from tremplin_project_member m"
                + " join tremplin_learner l on l.id = m.learner_id"
                + " join tremplin_project p on p.id = m.project_id"
                + " join tremplin_cohort k on k.id = p.cohort_id"
                + " where k.school_id = :school"
                + IN_PERIOD
                + " and not exists (select 1 from tremplin_test_account t"
                + " where t.learner_id = m.learner_id)"
                + " order by l.family_name, l.given_name, m.learner_id")
        .bind("school", school.value())
        .bind("first", period.first())
        .bind("last", period.last())
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getObject("project_id", UUID.class),
                    new CountedLearner(
                        new CohortId(rs.getObject("cohort_id", UUID.class)),
                        new LearnerId(rs.getObject("learner_id", UUID.class)),
                        rs.getString("given_name") + " " + rs.getString("family_name"))))
        .forEach(e -> teams.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));

    Map<UUID, List<String>> competencies = new LinkedHashMap<>();
    h.createQuery(
            "select pc.project_id, pc.competency from tremplin_project_competency pc"
                + " where pc.project_id in (select p.id"
                + COUNTED
                + " and p.delivered_on <= :last)"
                + " order by pc.competency")
        .bind("school", school.value())
        .bind("first", period.first())
        .bind("last", period.last())
        .map((rs, ctx) -> Map.entry(rs.getObject("project_id", UUID.class), rs.getString(2)))
        .forEach(
            e ->
                competencies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));

    List<CountedProject> delivered = new ArrayList<>();
    List<CountedProject> inProgress = new ArrayList<>();
    Map<ClientKind, List<CountedProject>> byKind = new EnumMap<>(ClientKind.class);
    for (ClientKind k : ClientKind.values()) {
      byKind.put(k, new ArrayList<>());
    }
    List<CountedProject> qpv = new ArrayList<>();
    Map<String, List<CountedProject>> byCompetency = new TreeMap<>();
    for (Row r : rows) {
      CountedProject p =
          new CountedProject(
              new ProjectId(r.id()),
              r.cohort(),
              r.title(),
              r.client(),
              r.kind(),
              r.qpv(),
              teams.getOrDefault(r.id(), List.of()));
      if (!r.delivered()) {
        inProgress.add(p);
        continue;
      }
      delivered.add(p);
      byKind.get(r.kind()).add(p);
      if (r.qpv()) {
        qpv.add(p);
      }
      for (String c : competencies.getOrDefault(r.id(), List.of())) {
        byCompetency.computeIfAbsent(c, x -> new ArrayList<>()).add(p);
      }
    }
    List<CompetencyEvidenced> evidenced =
        byCompetency.entrySet().stream()
            .map(
                e ->
                    new CompetencyEvidenced(
                        e.getKey(),
                        e.getValue(),
                        new Figure(e.getValue().stream().flatMap(p -> p.team().stream()).toList())))
            .toList();
    return new ProjectsReport(school, period, delivered, inProgress, byKind, qpv, evidenced);
  }
}
