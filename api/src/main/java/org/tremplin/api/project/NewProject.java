package org.tremplin.api.project;

import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A project to start in a cohort.
 *
 * @param client the client organisation (of the cohort's school)
 * @param title a short title, 1 to 200 characters
 * @param brief what the client asked for, at most 4000 characters
 * @param team learners of the cohort, possibly none yet
 * @param competencies the competency codes it is meant to evidence, possibly none yet
 */
public record NewProject(
    ClientOrganisationId client,
    String title,
    String brief,
    List<LearnerId> team,
    List<String> competencies) {
  /**
   * Client and title required; texts stripped; lists copied without duplicates.
   *
   * @param client the client
   * @param title the title
   * @param brief the brief
   * @param team the team
   * @param competencies the competencies
   */
  public NewProject {
    TremplinException.required(client, "client");
    title = TremplinException.requiredText(title, "project title").strip();
    TremplinException.check(title.length() <= 200, "project title is longer than 200 characters");
    brief = TremplinException.required(brief, "brief").strip();
    TremplinException.check(brief.length() <= 4000, "brief is longer than 4000 characters");
    team = List.copyOf(TremplinException.required(team, "team").stream().distinct().toList());
    competencies =
        List.copyOf(
            TremplinException.required(competencies, "competencies").stream()
                .map(String::strip)
                .distinct()
                .toList());
  }
}
