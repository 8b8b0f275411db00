package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.insertion.NewFollowUp;
import org.tremplin.core.path.PathAccess;

/**
 * The end of the insertion path: the exit (corrections append a version with a reason) and its
 * follow-up six months later, both classified by the {@link ExitRules} (never typed in). Every call
 * goes through {@link PathAccess}. Thread-safe.
 */
public final class ExitLedger {
  /** Months after an exit when its follow-up is due (DOMAIN.md, Exits: situation at 6 months). */
  public static final int FOLLOW_UP_MONTHS =
      new org.tremplin.core.exit.ReferenceExitRules().followUpMonths();

  private final PathAccess path;
  private final Exits store;
  private final ExitRules rules;
  private final Clock clock;

  /**
   * A ledger on its store and the rules it classifies with.
   *
   * @param path the path
   * @param store the store
   * @param rules the rules
   * @param clock the clock read for "now"
   */
  public ExitLedger(PathAccess path, Exits store, ExitRules rules, Clock clock) {
    this.path = path;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordExit}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the exit
   */
  public Exit recordExit(Actor actor, CohortId cohort, LearnerId learner, NewExit request) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "exit");
    Exit exit = version(actor, cohort, learner, request, 1, "");
    return granted.write(
        cause -> alreadyRecorded(cohort, learner, cause),
        () -> {
          if (!store.history(cohort, learner).isEmpty()) {
            throw alreadyRecorded(cohort, learner, null);
          }
          store.append(exit);
          return exit;
        });
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#correctExit}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @param reason the reason
   * @return the exit
   */
  public Exit correctExit(
      Actor actor, CohortId cohort, LearnerId learner, NewExit request, String reason) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "exit");
    TremplinException.requiredText(reason, "correction reason");
    TremplinException.check(
        reason.strip().length() <= 500, "correction reason is longer than 500 characters");
    return granted.write(
        PathAccess.reloadAndRetry("the exit of learner " + learner),
        () -> {
          int versions = store.history(cohort, learner).size();
          if (versions == 0) {
            throw new TremplinException(
                ErrorCode.EXIT_NOT_RECORDED,
                "learner " + learner + " has no exit from cohort " + cohort + " to correct");
          }
          Exit exit = version(actor, cohort, learner, request, versions + 1, reason.strip());
          store.append(exit);
          return exit;
        });
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#exit}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the exit, or empty when there is none
   */
  public Optional<Exit> exit(Actor actor, CohortId cohort, LearnerId learner) {
    List<Exit> history = exitHistory(actor, cohort, learner);
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#exitHistory}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the exits
   */
  public List<Exit> exitHistory(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> store.history(cohort, learner));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#recordFollowUp}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the follow up
   */
  public FollowUp recordFollowUp(
      Actor actor, CohortId cohort, LearnerId learner, NewFollowUp request) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(request, "follow-up");
    PathAccess.notInFuture(
        clock, request.observedOn(), ErrorCode.INSERTION_DATE_IN_FUTURE, "follow-up date");
    FollowUp followUp =
        new FollowUp(
            cohort,
            learner,
            request.observedOn(),
            request.contractMonths(),
            classify(request.situation(), request.contractMonths()),
            actor.id(),
            clock.instant());
    return granted.write(
        cause -> followUpAlreadyRecorded(learner, cause),
        () -> {
          List<Exit> history = store.history(cohort, learner);
          if (history.isEmpty()) {
            throw new TremplinException(
                ErrorCode.EXIT_NOT_RECORDED,
                "learner " + learner + " has no exit from cohort " + cohort + " to follow up");
          }
          LocalDate due = history.get(history.size() - 1).followUpDue();
          if (request.observedOn().isBefore(due)) {
            throw new TremplinException(
                ErrorCode.FOLLOW_UP_NOT_DUE,
                "the follow-up of learner " + learner + " is due from " + due);
          }
          if (store.followUp(cohort, learner).isPresent()) {
            throw followUpAlreadyRecorded(learner, null);
          }
          store.insertFollowUp(followUp);
          return followUp;
        });
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#followUp}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the follow up, or empty when there is none
   */
  public Optional<FollowUp> followUp(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> store.followUp(cohort, learner));
  }

  /**
   * See {@link org.tremplin.api.insertion.InsertionPathService#followUpsDue}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param on the day it is evaluated on
   * @return the exits
   */
  public List<Exit> followUpsDue(Actor actor, CohortId cohort, LocalDate on) {
    TremplinException.required(actor, "actor");
    TremplinException.required(on, "day");
    return path.readCohort(
        actor,
        cohort,
        Operation.INSERTION_READ,
        "exit",
        Exit::learner,
        () -> {
          Set<LearnerId> followedUp = new HashSet<>(store.followedUp(cohort));
          return store.current(cohort).stream()
              .filter(e -> !e.followUpDue().isAfter(on))
              .filter(e -> !followedUp.contains(e.learner()))
              .sorted(Comparator.comparing(Exit::followUpDue))
              .toList();
        });
  }

  private Exit version(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      NewExit request,
      int version,
      String reason) {
    PathAccess.notInFuture(
        clock, request.leftOn(), ErrorCode.INSERTION_DATE_IN_FUTURE, "exit date");
    return new Exit(
        cohort,
        learner,
        version,
        request.leftOn(),
        request.contractMonths(),
        classify(request.situation(), request.contractMonths()),
        reason,
        actor.id(),
        clock.instant(),
        request.leftOn().plusMonths(FOLLOW_UP_MONTHS));
  }

  private ExitClassification classify(ExitSituation situation, int contractMonths) {
    return contractMonths == 0
        ? rules.classify(situation)
        : rules.classify(situation, contractMonths);
  }

  private static TremplinException alreadyRecorded(
      CohortId cohort, LearnerId learner, @Nullable Throwable cause) {
    return PathAccess.error(
        ErrorCode.EXIT_ALREADY_RECORDED,
        "the exit of learner "
            + learner
            + " from cohort "
            + cohort
            + " is already recorded; correct it with a reason instead",
        cause);
  }

  private static TremplinException followUpAlreadyRecorded(
      LearnerId learner, @Nullable Throwable cause) {
    return PathAccess.error(
        ErrorCode.FOLLOW_UP_ALREADY_RECORDED,
        "the follow-up of learner " + learner + " is already recorded",
        cause);
  }
}
