package org.tremplin.core.cohort;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.calendar.CalendarService;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * Opens cohorts and builds their calendars. A cohort and its template version never change, so
 * cohorts and calendars are cached once loaded. The interface methods check the actor's grants;
 * {@link #cohort} and {@link #calendarOf} are the unchecked lookups other core services use after
 * their own check. Thread-safe.
 */
public final class CohortRegistry implements CohortService {
  private final Database database;
  private final Cohorts cohorts;
  private final SchoolService schools;
  private final ProgrammeTemplateService templates;
  private final CalendarService calendars;
  private final AccessRules access;
  private final Clock clock;
  private final Map<CohortId, Cohort> cohortCache = new ConcurrentHashMap<>();
  private final Map<CohortId, CohortCalendar> calendarCache = new ConcurrentHashMap<>();

  /**
   * A registry on its store and the services it needs.
   *
   * @param database the database (unit of work)
   * @param cohorts the cohorts
   * @param schools the schools
   * @param templates the templates
   * @param calendars the calendars
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public CohortRegistry(
      Database database,
      Cohorts cohorts,
      SchoolService schools,
      ProgrammeTemplateService templates,
      CalendarService calendars,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.cohorts = cohorts;
    this.schools = schools;
    this.templates = templates;
    this.calendars = calendars;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public Cohort open(Actor actor, NewCohort request) {
    TremplinException.required(request, "cohort");
    access.check(actor, Operation.PROGRAMME_WRITE, new Target.OfSchool(request.school()));
    School school = schools.get(request.school());
    ProgrammeTemplate template = templates.get(request.template());
    List<DateRange> closures = request.closures();
    for (DateRange c : closures) {
      TremplinException.check(
          c.overlaps(request.range()),
          "closure " + c + " is outside the cohort dates " + request.range());
    }
    for (int i = 0; i < closures.size(); i++) {
      for (int j = i + 1; j < closures.size(); j++) {
        TremplinException.check(
            !closures.get(i).overlaps(closures.get(j)),
            "closures " + closures.get(i) + " and " + closures.get(j) + " overlap");
      }
    }
    // Builds the calendar first: it rejects templates that do not fit the dates.
    calendars.calendar(request.range(), school.departement(), closures, template);
    Cohort cohort =
        new Cohort(
            CohortId.random(),
            school.id(),
            request.name().strip(),
            request.range(),
            template.ref(),
            request.capacity(),
            closures);
    database.inTransaction(
        h -> {
          cohorts.insert(cohort, clock.instant());
          return cohort;
        });
    return cohort;
  }

  @Override
  public Cohort get(Actor actor, CohortId id) {
    Cohort cohort = cohort(id);
    access.check(actor, Operation.COHORT_READ, target(cohort));
    return cohort;
  }

  /**
   * The access target of a whole cohort.
   *
   * @param cohort the cohort
   * @return the access target of a whole cohort
   */
  public static Target target(Cohort cohort) {
    return new Target.OfCohort(cohort.school(), cohort.id());
  }

  /**
   * The access target of one learner of a cohort (no referent coach known here).
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the access target of one learner of a cohort (no referent coach known here)
   */
  public static Target target(Cohort cohort, org.tremplin.api.LearnerId learner) {
    return new Target.OfLearner(cohort.school(), cohort.id(), learner, "");
  }

  /**
   * The cohort, without an access check: for core services that checked the caller already.
   *
   * @param id the identifier
   * @return the cohort, without an access check: for core services that checked the caller already
   * @throws TremplinException {@code COHORT_NOT_FOUND}
   */
  public Cohort cohort(CohortId id) {
    TremplinException.required(id, "cohort id");
    Cohort cached = cohortCache.get(id);
    if (cached != null) {
      return cached;
    }
    Cohort cohort =
        database
            .read(h -> cohorts.find(id))
            .orElseThrow(
                () -> new TremplinException(ErrorCode.COHORT_NOT_FOUND, "no cohort with id " + id));
    cohortCache.put(id, cohort);
    return cohort;
  }

  @Override
  public List<Cohort> bySchool(Actor actor, SchoolId school) {
    TremplinException.required(school, "school");
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(school));
    schools.get(school);
    return database.read(h -> cohorts.bySchool(school));
  }

  @Override
  public CohortCalendar calendar(Actor actor, CohortId id) {
    get(actor, id);
    return calendarOf(id);
  }

  /**
   * The cohort's calendar, without an access check (see {@link #cohort}).
   *
   * @param id the identifier
   * @return the cohort's calendar, without an access check (see {@link #cohort})
   */
  public CohortCalendar calendarOf(CohortId id) {
    CohortCalendar cached = calendarCache.get(id);
    if (cached != null) {
      return cached;
    }
    Cohort cohort = cohort(id);
    School school = schools.get(cohort.school());
    CohortCalendar calendar =
        calendars.calendar(
            cohort.range(),
            school.departement(),
            cohort.closures(),
            templates.get(cohort.template()));
    calendarCache.put(id, calendar);
    return calendar;
  }
}
