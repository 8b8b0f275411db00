package org.tremplin.api.project;

import java.util.List;
import org.tremplin.api.TremplinException;
import org.tremplin.api.report.Figure;

/**
 * A competency that delivered projects evidenced, with the projects and the learners.
 *
 * @param competency the competency code
 * @param projects the delivered projects that evidence it
 * @param learners their team members (one per project and learner)
 */
public record CompetencyEvidenced(
    String competency, List<CountedProject> projects, Figure learners) {
  /**
   * All required.
   *
   * @param competency the competency
   * @param projects the projects
   * @param learners the learners
   */
  public CompetencyEvidenced {
    TremplinException.requiredText(competency, "competency");
    projects = List.copyOf(TremplinException.required(projects, "projects"));
    TremplinException.required(learners, "learners");
  }
}
