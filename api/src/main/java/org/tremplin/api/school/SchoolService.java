package org.tremplin.api.school;

import java.util.List;
import org.tremplin.api.SchoolId;

/**
 * Creates and finds schools.
 *
 * <p>Implementations are thread-safe.
 */
public interface SchoolService {
  /**
   * Creates a school; needs {@code PROGRAMME_WRITE} network-wide (an admin).
   *
   * @param actor who calls, checked against the access rules
   * @param name the name
   * @param departement the departement
   * @return the school
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}
   */
  School create(org.tremplin.api.access.Actor actor, String name, Departement departement);

  /**
   * The school with this id.
   *
   * @param id the identifier
   * @return the school with this id
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}
   */
  School get(SchoolId id);

  /**
   * Every school, by name.
   *
   * @return every school, by name
   */
  List<School> list();
}
