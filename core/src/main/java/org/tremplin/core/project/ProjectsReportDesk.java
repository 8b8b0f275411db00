package org.tremplin.core.project;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.CompetencyEvidenced;
import org.tremplin.api.project.CountedProject;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.project.ProjectsReportService;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * {@link ProjectsReportService} on read-side queries: checks {@code REPORT_READ} on the school,
 * then reads the whole report on one handle. Learners are named only to a reader who may open the
 * school's learner files ({@code INSERTION_READ}: its manager); anyone else (a network
 * administrator) gets them in pseudonymous form (ADR 0013). Thread-safe.
 */
public final class ProjectsReportDesk implements ProjectsReportService {
  private final Database database;
  private final SchoolService schools;
  private final AccessRules access;

  /**
   * A desk on the migrated database.
   *
   * @param database the database
   * @param schools the schools
   * @param access the permission matrix
   */
  public ProjectsReportDesk(Database database, SchoolService schools, AccessRules access) {
    this.database = database;
    this.schools = schools;
    this.access = access;
  }

  @Override
  public ProjectsReport projects(Actor actor, SchoolId school, DateRange period) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    TremplinException.required(period, "period");
    access.check(actor, Operation.REPORT_READ, new Target.OfSchool(school));
    schools.get(school);
    ProjectsReport report = database.read(h -> ProjectsReportQuery.run(h, school, period));
    return access.allows(actor, Operation.INSERTION_READ, new Target.OfSchool(school))
        ? report
        : pseudonymous(report);
  }

  /** The report with every learner in pseudonymous form, each team in reference order. */
  private static ProjectsReport pseudonymous(ProjectsReport r) {
    Map<ClientKind, List<CountedProject>> byKind = new EnumMap<>(ClientKind.class);
    r.deliveredByKind().forEach((kind, list) -> byKind.put(kind, pseudonymous(list)));
    return new ProjectsReport(
        r.school(),
        r.period(),
        pseudonymous(r.delivered()),
        pseudonymous(r.inProgress()),
        byKind,
        pseudonymous(r.deliveredForQpvClients()),
        r.competencies().stream()
            .map(
                c ->
                    new CompetencyEvidenced(
                        c.competency(),
                        pseudonymous(c.projects()),
                        new Figure(hidden(c.learners().learners()))))
            .toList());
  }

  private static List<CountedProject> pseudonymous(List<CountedProject> projects) {
    return projects.stream()
        .map(
            p ->
                new CountedProject(
                    p.id(),
                    p.cohort(),
                    p.title(),
                    p.client(),
                    p.kind(),
                    p.qpvBased(),
                    hidden(p.team())))
        .toList();
  }

  private static List<CountedLearner> hidden(List<CountedLearner> learners) {
    return learners.stream()
        .map(CountedLearner::pseudonymous)
        .sorted(java.util.Comparator.comparing(CountedLearner::reference))
        .toList();
  }
}
