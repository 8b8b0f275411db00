package org.tremplin.core.school;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.SchoolId;
import org.tremplin.api.school.School;

/** Stored schools. Thread-safe; calls inside a transaction join it. */
public interface Schools {
  /**
   * Stores a new school.
   *
   * @param school the school
   * @param createdAt the created at
   */
  void insert(School school, Instant createdAt);

  /**
   * The school, or empty when there is none with this id.
   *
   * @param id the identifier
   * @return the school, or empty when there is none with this id
   */
  Optional<School> find(SchoolId id);

  /**
   * Every school, by name.
   *
   * @return every school, by name
   */
  List<School> all();
}
