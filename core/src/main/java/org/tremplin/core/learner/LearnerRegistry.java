package org.tremplin.core.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.learner.LearnerName;
import org.tremplin.api.learner.LearnerService;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;

/**
 * Registers learners and keeps their enrolment history. Each change reads the history and appends
 * the next event in one transaction; a concurrent change to the same enrolment fails on the event
 * number rather than corrupting the history. Thread-safe.
 */
public final class LearnerRegistry implements LearnerService {
  private final Database database;
  private final Learners learners;
  private final CohortRegistry cohorts;
  private final SchoolService schools;
  private final AccessRules access;
  private final Clock clock;

  /**
   * A registry on its store.
   *
   * @param database the database (unit of work)
   * @param learners the learners
   * @param cohorts the cohorts
   * @param schools the schools
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public LearnerRegistry(
      Database database,
      Learners learners,
      CohortRegistry cohorts,
      SchoolService schools,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.learners = learners;
    this.cohorts = cohorts;
    this.schools = schools;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public Learner register(Actor actor, SchoolId school, String givenName, String familyName) {
    TremplinException.required(school, "school");
    access.check(actor, Operation.ENROLMENT_WRITE, new Target.OfSchool(school));
    schools.get(school);
    Learner learner =
        new Learner(
            LearnerId.random(),
            school,
            TremplinException.requiredText(givenName, "given name").strip(),
            TremplinException.requiredText(familyName, "family name").strip());
    database.inTransaction(
        h -> {
          learners.insert(learner, clock.instant());
          return learner;
        });
    return learner;
  }

  @Override
  public List<Learner> registerAll(Actor actor, SchoolId school, List<LearnerName> names) {
    TremplinException.required(school, "school");
    TremplinException.required(names, "names");
    access.check(actor, Operation.ENROLMENT_WRITE, new Target.OfSchool(school));
    schools.get(school);
    List<Learner> registered = new ArrayList<>(names.size());
    for (LearnerName name : names) {
      TremplinException.required(name, "learner name");
      registered.add(new Learner(LearnerId.random(), school, name.givenName(), name.familyName()));
    }
    database.inTransaction(
        h -> {
          learners.insertAll(registered, clock.instant());
          return registered;
        });
    return List.copyOf(registered);
  }

  @Override
  public Learner get(Actor actor, LearnerId id) {
    Learner learner = learner(id);
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(learner.school()));
    return learner;
  }

  /**
   * The learner, without an access check (for core services that checked the caller).
   *
   * @param id the identifier
   * @return the learner, without an access check (for core services that checked the caller)
   */
  public Learner learner(LearnerId id) {
    TremplinException.required(id, "learner id");
    return database
        .read(h -> learners.find(id))
        .orElseThrow(
            () -> new TremplinException(ErrorCode.LEARNER_NOT_FOUND, "no learner with id " + id));
  }

  /**
   * The learners with these ids, in one read, without an access check (for core services that
   * checked the caller).
   *
   * @param ids the identifiers
   * @return each learner found by id; ids without a learner are absent
   */
  public java.util.Map<LearnerId, Learner> byIds(java.util.Collection<LearnerId> ids) {
    java.util.Map<LearnerId, Learner> found = new java.util.HashMap<>();
    database.read(h -> learners.findAll(ids)).forEach(l -> found.put(l.id(), l));
    return found;
  }

  @Override
  public Enrolment join(Actor actor, CohortId cohortId, LearnerId learner, LocalDate date) {
    return change(actor, cohortId, learner, EnrolmentEventKind.JOINED, date, "");
  }

  @Override
  public Enrolment leave(
      Actor actor, CohortId cohortId, LearnerId learner, LocalDate date, String reason) {
    TremplinException.requiredText(reason, "reason for leaving");
    TremplinException.check(reason.length() <= 500, "reason is longer than 500 characters");
    return change(actor, cohortId, learner, EnrolmentEventKind.LEFT, date, reason.strip());
  }

  @Override
  public Enrolment reenter(Actor actor, CohortId cohortId, LearnerId learner, LocalDate date) {
    return change(actor, cohortId, learner, EnrolmentEventKind.REENTERED, date, "");
  }

  private Enrolment change(
      Actor actor,
      CohortId cohortId,
      LearnerId learnerId,
      EnrolmentEventKind kind,
      LocalDate date,
      String reason) {
    TremplinException.required(date, "date");
    TremplinException.required(learnerId, "learner");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.ENROLMENT_WRITE, CohortRegistry.target(cohort, learnerId));
    String by = actor.id();
    Learner learner = learner(learnerId);
    if (!learner.school().equals(cohort.school())) {
      throw new TremplinException(
          ErrorCode.INVALID_ARGUMENT,
          "learner " + learnerId + " belongs to another school than cohort " + cohortId);
    }
    if (!cohort.range().contains(date)) {
      throw new TremplinException(
          ErrorCode.ENROLMENT_DATE_OUTSIDE_COHORT,
          kind + " on " + date + " is outside the cohort dates " + cohort.range());
    }
    try {
      return database.inTransaction(
          h -> {
            List<EnrolmentEvent> history = new ArrayList<>(learners.events(cohortId, learnerId));
            checkTransition(cohort, learnerId, kind, date, history);
            EnrolmentEvent event = new EnrolmentEvent(kind, date, reason, by, clock.instant());
            learners.appendEvent(cohortId, learnerId, history.size() + 1, event);
            history.add(event);
            return new Enrolment(cohortId, learnerId, history);
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.ENROLMENT_DATE_OUT_OF_ORDER,
            "the enrolment of learner " + learnerId + " changed meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  private void checkTransition(
      Cohort cohort,
      LearnerId learner,
      EnrolmentEventKind kind,
      LocalDate date,
      List<EnrolmentEvent> history) {
    EnrolmentEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
    boolean enrolled = last != null && last.kind() != EnrolmentEventKind.LEFT;
    switch (kind) {
      case JOINED -> {
        if (last != null) {
          throw new TremplinException(
              enrolled ? ErrorCode.ENROLMENT_ALREADY_ENROLLED : ErrorCode.ENROLMENT_NOT_LEFT,
              enrolled
                  ? "learner " + learner + " is already enrolled in cohort " + cohort.id()
                  : "learner " + learner + " left cohort " + cohort.id() + "; use re-entry");
        }
        checkCapacity(cohort, date);
      }
      case LEFT -> {
        if (!enrolled) {
          throw new TremplinException(
              ErrorCode.ENROLMENT_NOT_ENROLLED,
              "learner " + learner + " is not enrolled in cohort " + cohort.id());
        }
      }
      case REENTERED -> {
        if (last == null || enrolled) {
          throw new TremplinException(
              ErrorCode.ENROLMENT_NOT_LEFT,
              "learner "
                  + learner
                  + (last == null ? " never joined" : " is still enrolled in")
                  + " cohort "
                  + cohort.id());
        }
        checkCapacity(cohort, date);
      }
    }
    if (last != null) {
      boolean sameDayAllowed = kind != EnrolmentEventKind.LEFT;
      if (date.isBefore(last.date()) || (!sameDayAllowed && date.equals(last.date()))) {
        throw new TremplinException(
            ErrorCode.ENROLMENT_DATE_OUT_OF_ORDER,
            kind + " on " + date + " must come after " + last.kind() + " on " + last.date());
      }
    }
  }

  private void checkCapacity(Cohort cohort, LocalDate date) {
    long active =
        learners.eventsByLearner(cohort.id()).entrySet().stream()
            .filter(e -> new Enrolment(cohort.id(), e.getKey(), e.getValue()).active())
            .count();
    if (active >= cohort.capacity()) {
      throw new TremplinException(
          ErrorCode.COHORT_FULL,
          "cohort "
              + cohort.id()
              + " already has "
              + active
              + " of "
              + cohort.capacity()
              + " places taken on "
              + date);
    }
  }

  @Override
  public Enrolment enrolment(Actor actor, CohortId cohort, LearnerId learner) {
    TremplinException.required(learner, "learner");
    access.check(
        actor, Operation.COHORT_READ, CohortRegistry.target(cohorts.cohort(cohort), learner));
    return enrolmentOf(cohort, learner);
  }

  /**
   * A learner's enrolment, without an access check (for core services that checked the caller).
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return a learner's enrolment, without an access check (for core services that checked the
   *     caller)
   * @throws TremplinException {@code ENROLMENT_NOT_ENROLLED} if they never joined
   */
  public Enrolment enrolmentOf(CohortId cohort, LearnerId learner) {
    cohorts.cohort(cohort);
    List<EnrolmentEvent> events = database.read(h -> learners.events(cohort, learner));
    if (events.isEmpty()) {
      throw new TremplinException(
          ErrorCode.ENROLMENT_NOT_ENROLLED,
          "learner " + learner + " never joined cohort " + cohort);
    }
    return new Enrolment(cohort, learner, events);
  }

  @Override
  public List<Enrolment> enrolments(Actor actor, CohortId cohort) {
    access.check(actor, Operation.COHORT_READ, CohortRegistry.target(cohorts.cohort(cohort)));
    return enrolmentsOf(cohort);
  }

  /**
   * Every enrolment of a cohort, without an access check.
   *
   * @param cohort the cohort
   * @return every enrolment of a cohort, without an access check
   */
  public List<Enrolment> enrolmentsOf(CohortId cohort) {
    cohorts.cohort(cohort);
    return database.read(
        h -> {
          Map<LearnerId, List<EnrolmentEvent>> events = learners.eventsByLearner(cohort);
          return learners.inCohort(cohort).stream()
              .map(l -> new Enrolment(cohort, l.id(), events.get(l.id())))
              .toList();
        });
  }

  @Override
  public List<Learner> learners(Actor actor, CohortId cohort) {
    access.check(actor, Operation.COHORT_READ, CohortRegistry.target(cohorts.cohort(cohort)));
    return database.read(h -> learners.inCohort(cohort));
  }
}
