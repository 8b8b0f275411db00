package org.tremplin.core.coaching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Target;
import org.tremplin.api.coaching.ReferentAssignment;
import org.tremplin.api.coaching.ReferentService;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * Assigns referent coaches and answers "whose caseload is this learner in", which the access checks
 * of insertion and coaching data need ({@link #referentOf(LearnerId)}, unchecked). Managers assign;
 * a coach reads their own caseload. Thread-safe.
 */
public final class ReferentRegistry implements ReferentService {
  private final Database database;
  private final Referents referents;
  private final LearnerRegistry learners;
  private final PrivacyOffice privacy;
  private final AccessRules access;
  private final Clock clock;

  /**
   * A registry on its store.
   *
   * @param database the database (unit of work)
   * @param referents the referents
   * @param learners the learners
   * @param privacy the privacy
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public ReferentRegistry(
      Database database,
      Referents referents,
      LearnerRegistry learners,
      PrivacyOffice privacy,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.referents = referents;
    this.learners = learners;
    this.privacy = privacy;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public ReferentAssignment assign(Actor actor, LearnerId learner, String coach, LocalDate since) {
    TremplinException.requiredText(coach, "coach");
    TremplinException.required(since, "since");
    Learner l = learners.learner(learner);
    access.check(actor, Operation.COACHING_WRITE, new Target.OfSchool(l.school()));
    try {
      return database.inTransaction(
          h -> {
            List<ReferentAssignment> history = new ArrayList<>(referents.history(learner));
            if (!history.isEmpty()) {
              ReferentAssignment last = history.get(history.size() - 1);
              TremplinException.check(
                  !since.isBefore(last.since()),
                  "assignment from " + since + " is before the current one from " + last.since());
            }
            ReferentAssignment a =
                new ReferentAssignment(learner, coach.strip(), since, actor.id(), clock.instant());
            referents.append(history.size() + 1, a);
            privacy.audit(actor, AuditAction.CHANGE, learner, "coaching.referent");
            return a;
          });
    } catch (TremplinException e) {
      if (Database.isUniqueViolation(e)) {
        throw new TremplinException(
            ErrorCode.INVALID_ARGUMENT,
            "the referent of learner " + learner + " changed meanwhile; reload and retry",
            e);
      }
      throw e;
    }
  }

  @Override
  public Optional<String> referentOf(Actor actor, LearnerId learner) {
    Learner l = learners.learner(learner);
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(l.school()));
    return referentOf(learner);
  }

  /**
   * The current referent coach id, without an access check (for access targets).
   *
   * @param learner the learner
   * @return the current referent coach id, without an access check (for access targets)
   */
  public Optional<String> referentOf(LearnerId learner) {
    TremplinException.required(learner, "learner");
    return database.read(h -> referents.current(learner));
  }

  @Override
  public List<ReferentAssignment> history(Actor actor, LearnerId learner) {
    Learner l = learners.learner(learner);
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(l.school()));
    return database.read(h -> referents.history(learner));
  }

  @Override
  public List<LearnerId> caseload(Actor actor, String coach) {
    TremplinException.requiredText(coach, "coach");
    boolean self = actor.id().equals(coach);
    boolean manager = actor.grants().stream().anyMatch(g -> g.role() == Role.MANAGER);
    if (!self && !manager) {
      throw new TremplinException(
          ErrorCode.ACCESS_DENIED, "actor " + actor.id() + " may only list their own caseload");
    }
    return database.read(h -> referents.caseload(coach));
  }
}
