package org.tremplin.api.project;

import java.util.List;
import java.util.Map;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;

/**
 * How many real projects a school delivered in a period, for whom and which competencies they
 * evidenced (DOMAIN.md, Real projects). A project counts when at least one member of its team is
 * not a test account; test accounts are left out of every team.
 *
 * @param school the school
 * @param period the period, both days included
 * @param delivered projects delivered in the period (whenever they were recorded)
 * @param inProgress projects started by the period's last day and not delivered by then
 * @param deliveredByKind the delivered projects by client kind (every kind present)
 * @param deliveredForQpvClients the delivered projects whose client is based in a QPV
 * @param competencies the competencies the delivered projects evidenced, by code
 */
public record ProjectsReport(
    SchoolId school,
    DateRange period,
    List<CountedProject> delivered,
    List<CountedProject> inProgress,
    Map<ClientKind, List<CountedProject>> deliveredByKind,
    List<CountedProject> deliveredForQpvClients,
    List<CompetencyEvidenced> competencies) {
  /**
   * All required; collections copied.
   *
   * @param school the school
   * @param period the period
   * @param delivered the delivered
   * @param inProgress the in progress
   * @param deliveredByKind by kind
   * @param deliveredForQpvClients for QPV clients
   * @param competencies the competencies
   */
  public ProjectsReport {
    TremplinException.required(school, "school");
    TremplinException.required(period, "period");
    delivered = List.copyOf(TremplinException.required(delivered, "delivered"));
    inProgress = List.copyOf(TremplinException.required(inProgress, "inProgress"));
    deliveredByKind = Map.copyOf(TremplinException.required(deliveredByKind, "deliveredByKind"));
    deliveredForQpvClients =
        List.copyOf(TremplinException.required(deliveredForQpvClients, "deliveredForQpvClients"));
    competencies = List.copyOf(TremplinException.required(competencies, "competencies"));
  }
}
