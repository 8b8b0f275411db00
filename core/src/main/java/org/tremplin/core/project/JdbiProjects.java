package org.tremplin.core.project;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.ClientOrganisation;
import org.tremplin.api.project.ClientOrganisationId;
import org.tremplin.api.project.Deliverable;
import org.tremplin.api.project.Milestone;
import org.tremplin.api.project.Project;
import org.tremplin.api.project.ProjectId;
import org.tremplin.api.project.ProjectStatus;
import org.tremplin.core.internal.Database;

/**
 * Client organisations and projects on JDBC (tables of migration V20). Reading projects costs five
 * queries whatever their number. Runs on the caller's handle when inside a transaction.
 * Thread-safe.
 */
public final class JdbiProjects {
  private final Jdbi jdbi;

  /**
   * A store on the migrated database.
   *
   * @param jdbi the database
   */
  public JdbiProjects(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores a client organisation.
   *
   * @param c the organisation
   * @param by the actor id
   * @param at when
   */
  public void insertClient(ClientOrganisation c, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_client_organisation (id, school_id, name, kind,"
                        + " qpv_based, created_by, created_at) values (:id, :school, :name,"
                        + " :kind, :qpv, :by, :at)")
                .bind("id", c.id().value())
                .bind("school", c.school().value())
                .bind("name", c.name())
                .bind("kind", c.kind().name())
                .bind("qpv", c.qpvBased())
                .bind("by", by)
                .bind("at", Database.timestamp(at))
                .execute());
  }

  /**
   * A client organisation.
   *
   * @param id its id
   * @return the organisation; empty when unknown
   */
  public Optional<ClientOrganisation> client(ClientOrganisationId id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, school_id, name, kind, qpv_based from"
                        + " tremplin_client_organisation where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> client(rs, ""))
                .findFirst());
  }

  /**
   * The client organisations of a school, by name.
   *
   * @param school the school
   * @return the organisations
   */
  public List<ClientOrganisation> clients(SchoolId school) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, school_id, name, kind, qpv_based from"
                        + " tremplin_client_organisation where school_id = :school"
                        + " order by lower(name), id")
                .bind("school", school.value())
                .map((rs, ctx) -> client(rs, ""))
                .list());
  }

  /**
   * Stores a new project, in progress, with its team and competencies.
   *
   * @param p the project
   * @param startedOn the day it started
   * @param by the actor id
   * @param at when
   */
  public void insert(Project p, LocalDate startedOn, String by, Instant at) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "insert into tremplin_project (id, cohort_id, client_id, title, brief,"
                      + " started_on, created_by, created_at) values (:id, :cohort, :client,"
                      + " :title, :brief, :started, :by, :at)")
              .bind("id", p.id().value())
              .bind("cohort", p.cohort().value())
              .bind("client", p.client().id().value())
              .bind("title", p.title())
              .bind("brief", p.brief())
              .bind("started", startedOn)
              .bind("by", by)
              .bind("at", Database.timestamp(at))
              .execute();
          insertTeam(h, p.id(), p.team());
          insertCompetencies(h, p.id(), p.competencies());
        });
  }

  /**
   * Replaces a project's team.
   *
   * @param project the project
   * @param team the new team
   */
  public void replaceTeam(ProjectId project, List<LearnerId> team) {
    jdbi.useHandle(
        h -> {
          h.createUpdate("delete from tremplin_project_member where project_id = :p")
              .bind("p", project.value())
              .execute();
          insertTeam(h, project, team);
        });
  }

  /**
   * Adds a milestone numbered after the last one.
   *
   * @param project the project
   * @param title what is due
   * @param due when
   */
  public void addMilestone(ProjectId project, String title, LocalDate due) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_project_milestone (project_id, ordinal, title, due_on)"
                        + " values (:p, (select coalesce(max(ordinal), 0) + 1 from"
                        + " tremplin_project_milestone where project_id = :p), :title, :due)")
                .bind("p", project.value())
                .bind("title", title)
                .bind("due", due)
                .execute());
  }

  /**
   * Marks a milestone done on a day, unless it is done already.
   *
   * @param project the project
   * @param milestone its number
   * @param on the day
   * @return whether the milestone exists
   */
  public boolean markDone(ProjectId project, int milestone, LocalDate on) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "update tremplin_project_milestone set done_on = :on where project_id = :p"
                      + " and ordinal = :n and done_on is null")
              .bind("p", project.value())
              .bind("n", milestone)
              .bind("on", on)
              .execute();
          return h.createQuery(
                      "select count(*) from tremplin_project_milestone where project_id = :p"
                          + " and ordinal = :n")
                  .bind("p", project.value())
                  .bind("n", milestone)
                  .mapTo(Integer.class)
                  .one()
              > 0;
        });
  }

  /**
   * Records a delivery and replaces the competencies, if the project is still in progress.
   *
   * @param project the project
   * @param on the delivery day
   * @param deliverable what was delivered
   * @param competencies the competencies it evidences
   * @return whether it was in progress (false: delivered meanwhile, nothing changed)
   */
  public boolean deliver(
      ProjectId project, LocalDate on, Deliverable deliverable, List<String> competencies) {
    return jdbi.withHandle(
        h -> {
          int changed =
              h.createUpdate(
                      "update tremplin_project set delivered_on = :on, deliverable_kind = :kind,"
                          + " deliverable = :what where id = :p and delivered_on is null")
                  .bind("p", project.value())
                  .bind("on", on)
                  .bind("kind", deliverable instanceof Deliverable.Url ? "URL" : "ARTEFACT")
                  .bind(
                      "what",
                      deliverable instanceof Deliverable.Url u
                          ? u.url().toString()
                          : ((Deliverable.Artefact) deliverable).description())
                  .execute();
          if (changed == 0) {
            return false;
          }
          h.createUpdate("delete from tremplin_project_competency where project_id = :p")
              .bind("p", project.value())
              .execute();
          insertCompetencies(h, project, competencies);
          return true;
        });
  }

  /**
   * One project.
   *
   * @param id its id
   * @return the project; empty when unknown
   */
  public Optional<Project> project(ProjectId id) {
    return read(" where p.id = :key", id.value()).stream().findFirst();
  }

  /**
   * The projects of a cohort, newest first.
   *
   * @param cohort the cohort
   * @return the projects
   */
  public List<Project> byCohort(CohortId cohort) {
    return read(" where p.cohort_id = :key", cohort.value());
  }

  /**
   * The projects of a cohort a learner is in, newest first.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the projects
   */
  public List<Project> byMember(CohortId cohort, LearnerId learner) {
    return read(
            " where p.id in (select m.project_id from tremplin_project_member m"
                + " where m.learner_id = :key)",
            learner.value())
        .stream()
        .filter(p -> p.cohort().equals(cohort))
        .toList();
  }

  private List<Project> read(String where, UUID key) {
    return jdbi.withHandle(
        h -> {
          record Row(
              ProjectId id,
              CohortId cohort,
              ClientOrganisation client,
              String title,
              String brief,
              ProjectStatus status) {}
          List<Row> rows =
              h.createQuery(
                      "select p.id, p.cohort_id, p.title, p.brief, p.delivered_on,"
                          + " p.deliverable_kind, p.deliverable, c.id as client_id, c.school_id,"
                          + " c.name, c.kind, c.qpv_based from tremplin_project p"
                          + " join tremplin_client_organisation c on c.id = p.client_id"
                          + where
                          + " order by p.seq desc")
                  .bind("key", key)
                  .map(
                      (rs, ctx) ->
                          new Row(
                              new ProjectId(rs.getObject("id", UUID.class)),
                              new CohortId(rs.getObject("cohort_id", UUID.class)),
                              client(rs, "client_"),
                              rs.getString("title"),
                              rs.getString("brief"),
                              status(
                                  rs.getObject("delivered_on", LocalDate.class),
                                  rs.getString("deliverable_kind"),
                                  rs.getString("deliverable"))))
                  .list();
          if (rows.isEmpty()) {
            return List.of();
          }
          List<UUID> ids = rows.stream().map(r -> r.id().value()).toList();
          Map<UUID, List<LearnerId>> team = new LinkedHashMap<>();
          h.createQuery(
                  "select m.project_id, m.learner_id from tremplin_project_member m"
                      + " join tremplin_learner l on l.id = m.learner_id"
                      + " where m.project_id in (<ids>) order by l.family_name, l.given_name,"
                      + " m.learner_id")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getObject("project_id", UUID.class),
                          new LearnerId(rs.getObject("learner_id", UUID.class))))
              .forEach(
                  e -> team.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          Map<UUID, List<String>> competencies = new LinkedHashMap<>();
          h.createQuery(
                  "select project_id, competency from tremplin_project_competency"
                      + " where project_id in (<ids>) order by competency")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(rs.getObject("project_id", UUID.class), rs.getString("competency")))
              .forEach(
                  e ->
                      competencies
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          Map<UUID, List<Milestone>> milestones = new LinkedHashMap<>();
          h.createQuery(
                  "select project_id, ordinal, title, due_on, done_on from"
                      + " tremplin_project_milestone where project_id in (<ids>)"
                      + " order by ordinal")
              .bindList("ids", ids)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getObject("project_id", UUID.class),
                          new Milestone(
                              rs.getInt("ordinal"),
                              rs.getString("title"),
                              rs.getObject("due_on", LocalDate.class),
                              rs.getObject("done_on", LocalDate.class) != null)))
              .forEach(
                  e ->
                      milestones
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          return rows.stream()
              .map(
                  r ->
                      new Project(
                          r.id(),
                          r.cohort(),
                          r.client(),
                          r.title(),
                          r.brief(),
                          team.getOrDefault(r.id().value(), List.of()),
                          milestones.getOrDefault(r.id().value(), List.of()),
                          competencies.getOrDefault(r.id().value(), List.of()),
                          r.status()))
              .toList();
        });
  }

  private static void insertTeam(Handle h, ProjectId project, List<LearnerId> team) {
    var batch =
        h.prepareBatch(
            "insert into tremplin_project_member (project_id, learner_id) values (:p, :l)");
    for (LearnerId l : team) {
      batch.bind("p", project.value()).bind("l", l.value()).add();
    }
    if (!team.isEmpty()) {
      batch.execute();
    }
  }

  private static void insertCompetencies(Handle h, ProjectId project, List<String> codes) {
    var batch =
        h.prepareBatch(
            "insert into tremplin_project_competency (project_id, competency) values (:p, :c)");
    for (String c : codes) {
      batch.bind("p", project.value()).bind("c", c).add();
    }
    if (!codes.isEmpty()) {
      batch.execute();
    }
  }

  private static ProjectStatus status(
      @Nullable LocalDate on, @Nullable String kind, @Nullable String what) {
    if (on == null || kind == null || what == null) {
      return new ProjectStatus.InProgress();
    }
    return new ProjectStatus.Delivered(
        on,
        kind.equals("URL")
            ? new Deliverable.Url(URI.create(what))
            : new Deliverable.Artefact(what));
  }

  private static ClientOrganisation client(ResultSet rs, String idPrefix) throws SQLException {
    return new ClientOrganisation(
        new ClientOrganisationId(rs.getObject(idPrefix.isEmpty() ? "id" : "client_id", UUID.class)),
        new SchoolId(rs.getObject("school_id", UUID.class)),
        rs.getString("name"),
        ClientKind.valueOf(rs.getString("kind")),
        rs.getBoolean("qpv_based"));
  }
}
