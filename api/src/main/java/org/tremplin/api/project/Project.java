package org.tremplin.api.project;

import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A real project built by a team of a cohort for a client organisation.
 *
 * @param id its id
 * @param cohort the cohort whose learners build it
 * @param client the client organisation
 * @param title its title
 * @param brief what the client asked for (possibly empty)
 * @param team the learners who build it
 * @param milestones its milestones, by number
 * @param competencies the competency codes it evidences
 * @param status in progress, or delivered with what
 */
public record Project(
    ProjectId id,
    CohortId cohort,
    ClientOrganisation client,
    String title,
    String brief,
    List<LearnerId> team,
    List<Milestone> milestones,
    List<String> competencies,
    ProjectStatus status) {
  /**
   * All fields required; lists copied.
   *
   * @param id the id
   * @param cohort the cohort
   * @param client the client
   * @param title the title
   * @param brief the brief
   * @param team the team
   * @param milestones the milestones
   * @param competencies the competencies
   * @param status the status
   */
  public Project {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(client, "client");
    TremplinException.requiredText(title, "title");
    TremplinException.required(brief, "brief");
    team = List.copyOf(TremplinException.required(team, "team"));
    milestones = List.copyOf(TremplinException.required(milestones, "milestones"));
    competencies = List.copyOf(TremplinException.required(competencies, "competencies"));
    TremplinException.required(status, "status");
  }

  /**
   * Whether it was delivered.
   *
   * @return whether it was delivered
   */
  public boolean delivered() {
    return status instanceof ProjectStatus.Delivered;
  }
}
