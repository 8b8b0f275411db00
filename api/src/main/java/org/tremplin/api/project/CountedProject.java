package org.tremplin.api.project;

import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.report.CountedLearner;

/**
 * A project a figure of the projects report counts, with its team (test accounts left out).
 *
 * @param id the project
 * @param cohort its cohort
 * @param title its title
 * @param client the client's name
 * @param kind the client's kind
 * @param qpvBased whether the client is based in a QPV
 * @param team the learners who built it
 */
public record CountedProject(
    ProjectId id,
    CohortId cohort,
    String title,
    String client,
    ClientKind kind,
    boolean qpvBased,
    List<CountedLearner> team) {
  /**
   * All required; the team copied.
   *
   * @param id the id
   * @param cohort the cohort
   * @param title the title
   * @param client the client
   * @param kind the kind
   * @param qpvBased whether QPV-based
   * @param team the team
   */
  public CountedProject {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(title, "title");
    TremplinException.required(client, "client");
    TremplinException.required(kind, "kind");
    team = List.copyOf(TremplinException.required(team, "team"));
  }
}
