package org.tremplin.core.coaching;

import java.time.Clock;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.coaching.ImmersionId;
import org.tremplin.api.coaching.NewImmersion;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.core.path.PathAccess;

/**
 * Company immersions (DOMAIN.md, Coaching), their length checked by {@link ImmersionLengthRule}.
 * Every call goes through {@link PathAccess}. Thread-safe.
 */
public final class ImmersionLedger {
  private final PathAccess path;
  private final Immersions immersions;
  private final Clock clock;

  /**
   * A ledger on its store.
   *
   * @param path the path
   * @param immersions the immersions
   * @param clock the clock read for "now"
   */
  public ImmersionLedger(PathAccess path, Immersions immersions, Clock clock) {
    this.path = path;
    this.immersions = immersions;
    this.clock = clock;
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#planImmersion}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param request the request
   * @return the workplace immersion
   */
  public WorkplaceImmersion planImmersion(
      Actor actor, CohortId cohort, LearnerId learner, NewImmersion request) {
    TremplinException.required(request, "immersion");
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    ImmersionLengthRule.check(request.firstDay(), request.lastDay());
    WorkplaceImmersion immersion =
        new WorkplaceImmersion(
            ImmersionId.random(),
            cohort,
            learner,
            request.objective(),
            request.hostOrganisation(),
            request.tutor(),
            request.firstDay(),
            request.lastDay(),
            actor.id());
    return granted.write(
        () -> {
          immersions.insert(immersion, clock.instant());
          return immersion;
        });
  }

  /**
   * See {@link org.tremplin.api.coaching.CoachingService#immersions}.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the workplace immersions
   */
  public List<WorkplaceImmersion> immersions(Actor actor, CohortId cohort, LearnerId learner) {
    return path.check(actor, Operation.INSERTION_READ, cohort, learner)
        .read(() -> immersions.byLearner(cohort, learner));
  }
}
