package org.tremplin.core.report;

import org.jdbi.v3.core.statement.Query;
import org.tremplin.api.report.ReportScope;

/**
 * The SQL condition on a cohort {@code c} that keeps a report's scope, and its binding. Immutable.
 *
 * @param condition a condition on {@code c.school_id}
 * @param scope the scope it stands for
 */
record ScopeSql(String condition, ReportScope scope) {
  static ScopeSql of(ReportScope scope) {
    if (scope instanceof ReportScope.OfSchool) {
      return new ScopeSql("c.school_id = :scope_school", scope);
    }
    if (scope instanceof ReportScope.OfDepartement) {
      return new ScopeSql(
          "c.school_id in (select s.id from tremplin_school s where s.departement = :scope_dep)",
          scope);
    }
    return new ScopeSql("1 = 1", scope);
  }

  Query bind(Query q) {
    if (scope instanceof ReportScope.OfSchool s) {
      return q.bind("scope_school", s.school().value());
    }
    if (scope instanceof ReportScope.OfDepartement d) {
      return q.bind("scope_dep", d.departement().code());
    }
    return q;
  }
}
