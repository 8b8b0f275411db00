package org.tremplin.web.school;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.session.AppSession;

/**
 * The coaches each school knows: every person who opened Tremplin with a coach grant in one of the
 * school's courses or for its learners (web forms' table {@code tremplin_web_school_coach}, their
 * names in {@code tremplin_web_person}), so that the manager's referent form offers them by name.
 * The tables are the web pages' own ({@link org.tremplin.web.form.WebSchema}, installed by the
 * forms' guard). Thread-safe.
 */
public final class KnownCoaches {
  private static final int MAX_NAME = 500;

  private final Tremplin tremplin;
  private final UnitOfWork database;
  private final Clock clock;

  /**
   * Over the engine's database (the web pages' tables must be installed) and this clock.
   *
   * @param tremplin the engine (its database, and the session cohort's school)
   * @param clock the clock of "seen at"
   */
  public KnownCoaches(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.database = tremplin.transactions();
    this.clock = clock;
  }

  /**
   * Remembers the session's person as a coach of each school its coach grants reach (a grant for
   * learners reaches the school of the session's cohort); does nothing for a session without a
   * coach grant.
   *
   * @param session the session that opened a page
   */
  public void remember(AppSession session) {
    Set<String> schools = new TreeSet<>();
    for (Grant g : session.grants()) {
      if (g.role() != Role.COACH) {
        continue;
      }
      if (g.scope() instanceof Scope.OfSchool s) {
        schools.add(s.school().value().toString());
      } else if (g.scope() instanceof Scope.OfCohort c) {
        schools.add(c.school().value().toString());
      } else {
        cohortSchool(session.cohortId()).ifPresent(id -> schools.add(id.value().toString()));
      }
    }
    if (schools.isEmpty()) {
      return;
    }
    String person = session.personId();
    String name = session.displayName().strip();
    database.inTransaction(
        h -> {
          for (String school : schools) {
            int seen =
                h.createUpdate(
                        "update tremplin_web_school_coach set seen_at = :at"
                            + " where school_id = :school and person_id = :person")
                    .bind("at", UnitOfWork.timestamp(clock.instant()))
                    .bind("school", java.util.UUID.fromString(school))
                    .bind("person", person)
                    .execute();
            if (seen == 0) {
              h.createUpdate(
                      "insert into tremplin_web_school_coach (school_id, person_id, seen_at)"
                          + " values (:school, :person, :at) on conflict do nothing")
                  .bind("at", UnitOfWork.timestamp(clock.instant()))
                  .bind("school", java.util.UUID.fromString(school))
                  .bind("person", person)
                  .execute();
            }
          }
          if (!name.isEmpty()) {
            String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
            int named =
                h.createUpdate(
                        "update tremplin_web_person set display_name = :name, updated_at = :at"
                            + " where person_id = :person")
                    .bind("name", shown)
                    .bind("at", UnitOfWork.timestamp(clock.instant()))
                    .bind("person", person)
                    .execute();
            if (named == 0) {
              h.createUpdate(
                      "insert into tremplin_web_person (person_id, display_name, updated_at)"
                          + " values (:person, :name, :at) on conflict do nothing")
                  .bind("name", shown)
                  .bind("at", UnitOfWork.timestamp(clock.instant()))
                  .bind("person", person)
                  .execute();
            }
          }
          return null;
        });
  }

  /**
   * The coaches the school knows, by name (their person id when no name is known): person id to
   * name, in the order of the names.
   *
   * @param school the school
   * @return the coaches, empty when none opened Tremplin yet
   */
  public Map<String, String> of(SchoolId school) {
    return database.read(
        h ->
            h.createQuery(
                    "select c.person_id, p.display_name from tremplin_web_school_coach c"
                        + " left join tremplin_web_person p on p.person_id = c.person_id"
                        + " where c.school_id = :school"
                        + " order by coalesce(p.display_name, c.person_id), c.person_id")
                .bind("school", school.value())
                .reduceRows(
                    new LinkedHashMap<String, String>(),
                    (map, row) -> {
                      String id = row.getColumn("person_id", String.class);
                      String name = row.getColumn("display_name", String.class);
                      map.put(id, name == null || name.isBlank() ? id : name);
                      return map;
                    }));
  }

  private Optional<SchoolId> cohortSchool(@Nullable CohortId cohort) {
    if (cohort == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LaunchIdentities.cohort(tremplin, cohort).school());
    } catch (TremplinException e) {
      return Optional.empty(); // a cohort gone since the launch: no school to remember
    }
  }
}
