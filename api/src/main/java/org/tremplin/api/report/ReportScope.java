package org.tremplin.api.report;

import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.school.Departement;

/**
 * Which schools a report covers: one school, the schools of a département, or the whole network. A
 * school is read by its manager or a network administrator; a département or the network only by
 * network roles.
 */
public sealed interface ReportScope {
  /** Every school of the network. */
  record Network() implements ReportScope {}

  /**
   * The schools of one département.
   *
   * @param departement the département
   */
  record OfDepartement(Departement departement) implements ReportScope {
    /**
     * Required.
     *
     * @param departement the département
     */
    public OfDepartement {
      TremplinException.required(departement, "departement");
    }
  }

  /**
   * One school.
   *
   * @param school the school
   */
  record OfSchool(SchoolId school) implements ReportScope {
    /**
     * Required.
     *
     * @param school the school
     */
    public OfSchool {
      TremplinException.required(school, "school");
    }
  }
}
