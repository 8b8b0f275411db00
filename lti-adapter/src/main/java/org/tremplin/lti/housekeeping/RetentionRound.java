package org.tremplin.lti.housekeeping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.privacy.PrivacyService;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolService;

/**
 * Applies the retention rule (coaching notes purged some years after the learner's exit) to every
 * school, at most once a day on each node: a housekeeping task ({@link #runIfDue}) that does
 * nothing until the day, in the clock's zone, has turned since its last complete run. Core's {@link
 * PrivacyService#applyRetention} is idempotent and records each purge, so several nodes may run the
 * same day: a node that collides with another's purge fails that school, and its next round finds
 * nothing left to purge. A school that fails does not stop the others; the day counts as done only
 * when every school succeeded, so the next round tries again. Each purge is audited under {@link
 * #ACTOR_ID}, acting as a manager of each school in turn. Thread-safe (ADR 0025).
 */
public final class RetentionRound {
  /** The actor id the purges are audited under. */
  public static final String ACTOR_ID = "tremplin:retention";

  private final SchoolService schools;
  private final PrivacyService privacy;
  private final RetentionPolicy policy;
  private final Clock clock;
  private @Nullable LocalDate lastDone; // guarded by this

  /**
   * A round over these schools with this policy.
   *
   * @param schools every school of the installation
   * @param privacy the privacy office
   * @param policy how long coaching notes are kept after the exit
   * @param clock the clock whose zone says when the day turns
   */
  public RetentionRound(
      SchoolService schools, PrivacyService privacy, RetentionPolicy policy, Clock clock) {
    this.schools = Objects.requireNonNull(schools, "schools");
    this.privacy = Objects.requireNonNull(privacy, "privacy");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Applies the rule to every school if this node has not done so today.
   *
   * @return how many learners' coaching notes were purged (0 when not due)
   * @throws RuntimeException the first school's failure, the others' suppressed; the day is then
   *     not done
   */
  public synchronized int runIfDue() {
    LocalDate today = LocalDate.now(clock);
    if (today.equals(lastDone)) {
      return 0;
    }
    int purged = 0;
    RuntimeException failure = null;
    for (School school : schools.list()) {
      try {
        // a manager of that school only: the least privilege the rule needs (PERSONAL_DATA_ADMIN)
        Actor actor = Actor.of(ACTOR_ID, Role.MANAGER, new Scope.OfSchool(school.id()));
        purged += privacy.applyRetention(actor, school.id(), today, policy).purged().size();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    lastDone = today;
    return purged;
  }
}
