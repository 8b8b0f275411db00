package org.tremplin.api.project;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * Real projects of a cohort: client organisations, projects, their team and milestones, and their
 * delivery. Writes need {@code EVIDENCE_WRITE} on the cohort (its trainers, the school's managers);
 * reads of a cohort's projects need {@code COHORT_READ} on it; a learner reads the projects they
 * are in ({@code EVIDENCE_READ} on themself). {@code ACCESS_DENIED} otherwise, checked before
 * anything is read or written. Each write is one transaction, audited on each team member.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProjectService {
  /**
   * Registers a client organisation for the cohort's school.
   *
   * @param actor who calls
   * @param cohort a cohort of the school (the actor's scope is checked on it)
   * @param client the organisation
   * @return the stored organisation
   * @throws org.tremplin.api.TremplinException {@code COHORT_NOT_FOUND}
   */
  ClientOrganisation registerClient(Actor actor, CohortId cohort, NewClientOrganisation client);

  /**
   * The client organisations of the cohort's school, by name.
   *
   * @param actor who calls
   * @param cohort a cohort of the school
   * @return the organisations
   */
  List<ClientOrganisation> clients(Actor actor, CohortId cohort);

  /**
   * Starts a project.
   *
   * @param actor who calls
   * @param cohort the cohort
   * @param project the project
   * @return the project, in progress
   * @throws org.tremplin.api.TremplinException {@code CLIENT_ORGANISATION_NOT_FOUND} (or of another
   *     school), {@code LEARNER_NOT_ENROLLED}, {@code EVIDENCE_UNKNOWN_COMPETENCY}
   */
  Project start(Actor actor, CohortId cohort, NewProject project);

  /**
   * Replaces a project's team.
   *
   * @param actor who calls
   * @param project the project
   * @param team learners of the project's cohort
   * @return the project
   * @throws org.tremplin.api.TremplinException {@code PROJECT_NOT_FOUND}, {@code
   *     LEARNER_NOT_ENROLLED}, {@code PROJECT_ALREADY_DELIVERED}
   */
  Project changeTeam(Actor actor, ProjectId project, List<LearnerId> team);

  /**
   * Adds a milestone, numbered after the last one.
   *
   * @param actor who calls
   * @param project the project
   * @param title what is due, 1 to 200 characters
   * @param due the day it is due
   * @return the project
   * @throws org.tremplin.api.TremplinException {@code PROJECT_NOT_FOUND}, {@code
   *     PROJECT_ALREADY_DELIVERED}
   */
  Project addMilestone(Actor actor, ProjectId project, String title, LocalDate due);

  /**
   * Marks a milestone done (again: nothing changes).
   *
   * @param actor who calls
   * @param project the project
   * @param milestone the milestone's number
   * @return the project
   * @throws org.tremplin.api.TremplinException {@code PROJECT_NOT_FOUND} (the milestone too)
   */
  Project markMilestoneDone(Actor actor, ProjectId project, int milestone);

  /**
   * Delivers a project: stores what was delivered and the competencies it evidences, and records,
   * in the same transaction, one piece of evidence with source {@code PROJECT} (result {@code
   * ACQUIRED}, on the competency, dated the delivery day) for each team member on each of them.
   *
   * @param actor who calls
   * @param project the project
   * @param on the delivery day, not in the future
   * @param deliverable what was delivered
   * @param competencies the competency codes of the cohort's certification version, at least one
   * @return the delivered project
   * @throws org.tremplin.api.TremplinException {@code PROJECT_NOT_FOUND}, {@code
   *     PROJECT_ALREADY_DELIVERED}, {@code PROJECT_TEAM_EMPTY}, {@code
   *     EVIDENCE_UNKNOWN_COMPETENCY}, {@code EVIDENCE_IN_FUTURE}, {@code LEARNER_NOT_ENROLLED}
   */
  Project deliver(
      Actor actor,
      ProjectId project,
      LocalDate on,
      Deliverable deliverable,
      List<String> competencies);

  /**
   * One project, for someone who may read its cohort or is in its team.
   *
   * @param actor who calls
   * @param project the project
   * @return the project
   * @throws org.tremplin.api.TremplinException {@code PROJECT_NOT_FOUND}
   */
  Project project(Actor actor, ProjectId project);

  /**
   * The cohort's projects, newest first.
   *
   * @param actor who calls
   * @param cohort the cohort
   * @return the projects
   */
  List<Project> projects(Actor actor, CohortId cohort);

  /**
   * The projects a learner of the cohort is in, newest first.
   *
   * @param actor who calls (the learner themself, or a reader of the cohort's evidence)
   * @param cohort the cohort
   * @param learner the learner
   * @return the projects
   */
  List<Project> projectsOf(Actor actor, CohortId cohort, LearnerId learner);
}
