package org.tremplin.core.project;

import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.project.ProjectsReportService;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * {@link ProjectsReportService} on read-side queries: checks {@code REPORT_READ} on the school,
 * then reads the whole report on one handle. Thread-safe.
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
    return database.read(h -> ProjectsReportQuery.run(h, school, period));
  }
}
