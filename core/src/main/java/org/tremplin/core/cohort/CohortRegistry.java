package org.tremplin.core.cohort;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.CalendarService;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolId;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * Opens cohorts and builds their calendars. A cohort and its template version never change, so
 * cohorts and calendars are cached once loaded. Thread-safe.
 */
public final class CohortRegistry implements CohortService {
  private final Database database;
  private final Cohorts cohorts;
  private final SchoolService schools;
  private final ProgrammeTemplateService templates;
  private final CalendarService calendars;
  private final Clock clock;
  private final Map<CohortId, Cohort> cohortCache = new ConcurrentHashMap<>();
  private final Map<CohortId, CohortCalendar> calendarCache = new ConcurrentHashMap<>();

  /** A registry on its store and the services it needs. */
  public CohortRegistry(
      Database database,
      Cohorts cohorts,
      SchoolService schools,
      ProgrammeTemplateService templates,
      CalendarService calendars,
      Clock clock) {
    this.database = database;
    this.cohorts = cohorts;
    this.schools = schools;
    this.templates = templates;
    this.calendars = calendars;
    this.clock = clock;
  }

  @Override
  public Cohort open(NewCohort request) {
    TremplinException.required(request, "cohort");
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
  public Cohort get(CohortId id) {
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
  public List<Cohort> bySchool(SchoolId school) {
    schools.get(school);
    return database.read(h -> cohorts.bySchool(school));
  }

  @Override
  public CohortCalendar calendar(CohortId id) {
    CohortCalendar cached = calendarCache.get(id);
    if (cached != null) {
      return cached;
    }
    Cohort cohort = get(id);
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
