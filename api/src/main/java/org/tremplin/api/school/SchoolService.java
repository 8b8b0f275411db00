package org.tremplin.api.school;

import java.util.List;

/**
 * Creates and finds schools.
 *
 * <p>Implementations are thread-safe.
 */
public interface SchoolService {
  /** Creates a school. */
  School create(String name, Departement departement);

  /**
   * The school with this id.
   *
   * @throws org.tremplin.api.TremplinException {@code SCHOOL_NOT_FOUND}
   */
  School get(SchoolId id);

  /** Every school, by name. */
  List<School> list();
}
