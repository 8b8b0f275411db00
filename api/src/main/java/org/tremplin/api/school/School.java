package org.tremplin.api.school;

import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;

/**
 * A school (an École du Web site).
 *
 * @param id its id
 * @param name its name, e.g. "École du Web de Villeneuve-la-Garenne"
 * @param departement where it is (regional holidays, reports)
 */
public record School(SchoolId id, String name, Departement departement) {
  /**
   * All fields required.
   *
   * @param id the identifier
   * @param name the name
   * @param departement the departement
   */
  public School {
    TremplinException.required(id, "school id");
    TremplinException.requiredText(name, "school name");
    TremplinException.check(name.length() <= 200, "school name is longer than 200 characters");
    TremplinException.required(departement, "departement");
  }
}
