package org.tremplin.core.school;

import java.time.Clock;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/** Creates and finds schools. Thread-safe. */
public final class SchoolRegistry implements SchoolService {
  private final Database database;
  private final Schools schools;
  private final AccessRules access;
  private final Clock clock;

  /**
   * A registry on a store.
   *
   * @param database the database (unit of work)
   * @param schools the schools
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public SchoolRegistry(Database database, Schools schools, AccessRules access, Clock clock) {
    this.database = database;
    this.schools = schools;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public School create(Actor actor, String name, Departement departement) {
    access.check(actor, Operation.PROGRAMME_WRITE, new Target.OfNetwork());
    School school = new School(SchoolId.random(), name == null ? "" : name.strip(), departement);
    database.inTransaction(
        h -> {
          schools.insert(school, clock.instant());
          return school;
        });
    return school;
  }

  @Override
  public School get(SchoolId id) {
    TremplinException.required(id, "school id");
    return database
        .read(h -> schools.find(id))
        .orElseThrow(
            () -> new TremplinException(ErrorCode.SCHOOL_NOT_FOUND, "no school with id " + id));
  }

  @Override
  public List<School> list() {
    return database.read(h -> schools.all());
  }
}
