package org.tremplin.core.privacy;

import java.time.Clock;
import java.util.List;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.learner.LearnerId;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.PrivacyService;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;

/**
 * The audit trail and the privacy requests. Other core services call {@link #audit} for every read
 * or change of a learner's insertion or coaching data, inside their own read or transaction.
 * Thread-safe.
 */
public final class PrivacyOffice implements PrivacyService {
  private final Database database;
  private final AuditLog log;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final Clock clock;

  /** An office on its log. */
  public PrivacyOffice(
      Database database, AuditLog log, LearnerRegistry learners, AccessRules access, Clock clock) {
    this.database = database;
    this.log = log;
    this.learners = learners;
    this.access = access;
    this.clock = clock;
  }

  /**
   * Records that an actor read or changed a kind of data of a learner. Call it inside the read or
   * transaction that touches the data, after the access check.
   */
  public void audit(Actor actor, AuditAction action, LearnerId learner, String what) {
    log.append(new AuditEntry(clock.instant(), actor.id(), action, learner, what));
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, LearnerId learner) {
    Learner l = learners.learner(learner);
    access.check(actor, Operation.PERSONAL_DATA_ADMIN, new Target.OfSchool(l.school()));
    return database.inTransaction(
        h -> {
          audit(actor, AuditAction.READ, learner, "privacy.audit-trail");
          return log.byLearner(learner);
        });
  }
}
