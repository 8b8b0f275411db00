package org.tremplin.core.report;

import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.report.ReportService;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * {@link ReportService} on read-side queries: checks {@code REPORT_READ} on the school, then reads
 * the whole report on one handle. Thread-safe.
 */
public final class ReportDesk implements ReportService {
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
  public ReportDesk(Database database, SchoolService schools, AccessRules access) {
    this.database = database;
    this.schools = schools;
    this.access = access;
  }

  @Override
  public YearlyReview yearlyReview(Actor actor, SchoolId school, int year) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    TremplinException.check(
        year >= 2000 && year <= 2100, "year must be between 2000 and 2100, got " + year);
    access.check(actor, Operation.REPORT_READ, new Target.OfSchool(school));
    schools.get(school);
    return database.read(h -> YearlyReviewQuery.run(h, school, year));
  }
}
