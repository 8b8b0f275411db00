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
  /**
   * Every audited read and change of the learner's insertion and coaching data, oldest first.
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return every audited read and change of the learner's insertion and coaching data, oldest
   *     first
   */
  List<AuditEntry> auditTrail(Actor actor, LearnerId learner);

  /**
   * Everything held about the learner, as one JSON document (one member per kind of data).
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return the export
   */
  String export(Actor actor, LearnerId learner);

  /**
   * Erases (anonymises) the learner: names and free texts are blanked, counted facts (attendance
   * marks, evidence results, exits) are kept for aggregate reports. Irreversible.
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return the erasure report
   */
  ErasureReport erase(Actor actor, LearnerId learner);

  /**
   * Applies the retention policy to a school's learners on a day: the coaching notes of learners
   * who exited more than the policy's years ago are purged (once; the run is idempotent). Needs
   * {@code PERSONAL_DATA_ADMIN} on the school; meant for a nightly job.
   *
   * @param actor who calls, checked against the access rules
   * @param school the school
   * @param on the day it is evaluated on
   * @param policy the policy
   * @return the retention report
   */
  RetentionReport applyRetention(
      Actor actor,
      org.tremplin.api.SchoolId school,
      java.time.LocalDate on,
      RetentionPolicy policy);

  /**
   * The default policy of the reference data.
   *
   * @return the default policy of the reference data
   */
  RetentionPolicy defaultRetention();
}
