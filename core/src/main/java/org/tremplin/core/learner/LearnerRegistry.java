package org.tremplin.core.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.learner.LearnerService;
import org.tremplin.core.internal.Database;

/**
 * Registers learners and keeps their enrolment history. Each change reads the history and appends
 * the next event in one transaction; a concurrent change to the same enrolment fails on the event
 * number rather than corrupting the history. Thread-safe.
 */
public final class LearnerRegistry implements LearnerService {
  private final Database database;
  private final Learners learners;
  private final CohortService cohorts;
  private final Clock clock;

  /** A registry on its store. */
  public LearnerRegistry(Database database, Learners learners, CohortService cohorts, Clock clock) {
    this.database = database;
    this.learners = learners;
    this.cohorts = cohorts;
    this.clock = clock;
  }

  @Override
  public Learner register(String givenName, String familyName) {
    Learner learner =
        new Learner(
            LearnerId.random(),
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
  public Learner get(LearnerId id) {
    TremplinException.required(id, "learner id");
    return database
        .read(h -> learners.find(id))
        .orElseThrow(
            () -> new TremplinException(ErrorCode.LEARNER_NOT_FOUND, "no learner with id " + id));
  }

  @Override
  public Enrolment join(CohortId cohortId, LearnerId learner, LocalDate date, String by) {
    return change(cohortId, learner, EnrolmentEventKind.JOINED, date, "", by);
  }

  @Override
  public Enrolment leave(
      CohortId cohortId, LearnerId learner, LocalDate date, String reason, String by) {
    TremplinException.requiredText(reason, "reason for leaving");
    TremplinException.check(reason.length() <= 500, "reason is longer than 500 characters");
    return change(cohortId, learner, EnrolmentEventKind.LEFT, date, reason.strip(), by);
  }

  @Override
  public Enrolment reenter(CohortId cohortId, LearnerId learner, LocalDate date, String by) {
    return change(cohortId, learner, EnrolmentEventKind.REENTERED, date, "", by);
  }

  private Enrolment change(
      CohortId cohortId,
      LearnerId learnerId,
      EnrolmentEventKind kind,
      LocalDate date,
      String reason,
      String by) {
    TremplinException.required(date, "date");
    TremplinException.requiredText(by, "recordedBy");
    Cohort cohort = cohorts.get(cohortId);
    get(learnerId);
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
  public Enrolment enrolment(CohortId cohort, LearnerId learner) {
    cohorts.get(cohort);
    List<EnrolmentEvent> events = database.read(h -> learners.events(cohort, learner));
    if (events.isEmpty()) {
      throw new TremplinException(
          ErrorCode.ENROLMENT_NOT_ENROLLED,
          "learner " + learner + " never joined cohort " + cohort);
    }
    return new Enrolment(cohort, learner, events);
  }

  @Override
  public List<Enrolment> enrolments(CohortId cohort) {
    cohorts.get(cohort);
    return database.read(
        h -> {
          Map<LearnerId, List<EnrolmentEvent>> events = learners.eventsByLearner(cohort);
          return learners.inCohort(cohort).stream()
              .map(l -> new Enrolment(cohort, l.id(), events.get(l.id())))
              .toList();
        });
  }

  @Override
  public List<Learner> learners(CohortId cohort) {
    cohorts.get(cohort);
    return database.read(h -> learners.inCohort(cohort));
  }
}
