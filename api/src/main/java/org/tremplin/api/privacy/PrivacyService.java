package org.tremplin.api.privacy;

import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;

/**
 * The privacy duties towards a learner. Needs {@code PERSONAL_DATA_ADMIN} on the learner's school
 * (a manager); the request itself is audited.
 *
 * <p>Implementations are thread-safe.
 */
public interface PrivacyService {
  /** Every audited read and change of the learner's insertion and coaching data, oldest first. */
  List<AuditEntry> auditTrail(Actor actor, LearnerId learner);

  /** Everything held about the learner, as one JSON document (one member per kind of data). */
  String export(Actor actor, LearnerId learner);

  /**
   * Erases (anonymises) the learner: names and free texts are blanked, counted facts (attendance
   * marks, evidence results, exits) are kept for aggregate reports. Irreversible.
   */
  ErasureReport erase(Actor actor, LearnerId learner);

  /**
   * Applies the retention policy to a school's learners on a day: the coaching notes of learners
   * who exited more than the policy's years ago are purged (once; the run is idempotent). Needs
   * {@code PERSONAL_DATA_ADMIN} on the school; meant for a nightly job.
   */
  RetentionReport applyRetention(
      Actor actor,
      org.tremplin.api.SchoolId school,
      java.time.LocalDate on,
      RetentionPolicy policy);

  /** The default policy of the reference data. */
  RetentionPolicy defaultRetention();
}
