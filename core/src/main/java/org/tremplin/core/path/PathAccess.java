package org.tremplin.core.path;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * Check, audit, then touch a learner's data — the skeleton every insertion and coaching call
 * shares. {@link #check} checks the actor on the learner of the cohort (school, cohort, learner,
 * current referent coach) before anything is read; the {@link Granted} it returns then reads on one
 * handle or writes in one transaction, after checking that the learner joined the cohort, and
 * appends the audit line ({@code <feature>.<operation>}) in that same handle or transaction. So a
 * denied call reads, writes and audits nothing, and a write that fails takes its audit line with
 * it. Thread-safe.
 */
public final class PathAccess {
  private final String feature;
  private final Database database;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final Function<LearnerId, Optional<String>> referentOf;
  private final PrivacyOffice privacy;
  private final AccessRules access;

  /**
   * Access to one feature's part of the path.
   *
   * @param feature the first word of this feature's audit lines ({@code insertion}, {@code
   *     coaching})
   * @param referentOf the learner's current referent coach, unchecked (the caseload is data)
   * @param database the database (unit of work)
   * @param cohorts the cohorts
   * @param learners the learners
   * @param privacy the privacy
   * @param access the access rules every call is checked against
   */
  public PathAccess(
      String feature,
      Database database,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      Function<LearnerId, Optional<String>> referentOf,
      PrivacyOffice privacy,
      AccessRules access) {
    this.feature = TremplinException.requiredText(feature, "feature");
    this.database = database;
    this.cohorts = cohorts;
    this.learners = learners;
    this.referentOf = referentOf;
    this.privacy = privacy;
    this.access = access;
  }

  /**
   * Checks that the actor may do {@code operation} on the learner of the cohort; reads only the
   * cohort and the learner's referent.
   *
   * @param actor who calls, checked against the access rules
   * @param operation the operation
   * @param cohort the cohort
   * @param learner the learner
   * @return the granted
   * @throws TremplinException {@code ACCESS_DENIED}, {@code COHORT_NOT_FOUND}
   */
  public Granted check(Actor actor, Operation operation, CohortId cohort, LearnerId learner) {
    TremplinException.required(actor, "actor");
    TremplinException.required(learner, "learner");
    Target target = target(cohorts.cohort(cohort), learner);
    access.check(actor, operation, target);
    return new Granted(actor, operation, cohort, learner, target);
  }

  /**
   * Reads rows of a whole cohort: checks that the actor may read the cohort, then keeps, on one
   * handle, the rows of the learners on whom the actor may do {@code operation}, and audits a read
   * of {@code <feature>.<what>} for each row kept.
   *
   * @param <T> the type of the value
   * @param actor who calls, checked against the access rules
   * @param cohortId the cohort id
   * @param operation the operation
   * @param what the what
   * @param learnerOf the learner of
   * @param rows the rows
   * @return what the callback returns
   */
  public <T> List<T> readCohort(
      Actor actor,
      CohortId cohortId,
      Operation operation,
      String what,
      Function<T, LearnerId> learnerOf,
      Supplier<List<T>> rows) {
    TremplinException.required(actor, "actor");
    Cohort cohort = cohorts.cohort(cohortId);
    access.check(actor, Operation.COHORT_READ, CohortRegistry.target(cohort));
    return database.read(
        h -> {
          List<T> kept =
              rows.get().stream()
                  .filter(r -> access.allows(actor, operation, target(cohort, learnerOf.apply(r))))
                  .toList();
          kept.forEach(
              r ->
                  privacy.audit(actor, AuditAction.READ, learnerOf.apply(r), feature + "." + what));
          return kept;
        });
  }

  /**
   * A conflict to throw when a write meets a unique violation: someone wrote the same row
   * meanwhile. {@code what} names what changed ("the path of learner ...").
   *
   * @param what the what
   * @return a conflict to throw when a write meets a unique violation: someone wrote the same row
   *     meanwhile
   */
  public static Function<Throwable, TremplinException> reloadAndRetry(String what) {
    return cause ->
        new TremplinException(
            ErrorCode.INVALID_ARGUMENT, what + " changed meanwhile; reload and retry", cause);
  }

  /**
   * An error with a cause when there is one (a unique violation), without one otherwise.
   *
   * @param code the stable code
   * @param message the message (no secret, no personal data)
   * @param cause the underlying failure
   * @return an error with a cause when there is one (a unique violation), without one otherwise
   */
  public static TremplinException error(ErrorCode code, String message, @Nullable Throwable cause) {
    return cause == null
        ? new TremplinException(code, message)
        : new TremplinException(code, message, cause);
  }

  /**
   * Refuses a day of the path after today: what is recorded has happened.
   *
   * @param what names the day in the message ("exit date", "opening day")
   * @param clock the clock read for "now"
   * @param day the day
   * @param code the stable code
   * @throws TremplinException with {@code code}
   */
  public static void notInFuture(Clock clock, LocalDate day, ErrorCode code, String what) {
    LocalDate today = LocalDate.now(clock);
    if (day.isAfter(today)) {
      throw new TremplinException(
          code, what + " " + day + " is in the future (today is " + today + ")");
    }
  }

  private Target target(Cohort cohort, LearnerId learner) {
    return new Target.OfLearner(
        cohort.school(), cohort.id(), learner, referentOf.apply(learner).orElse(""));
  }

  /** A check that passed: what the actor may now read or write, once. */
  public final class Granted {
    private final Actor actor;
    private final Operation operation;
    private final CohortId cohort;
    private final LearnerId learner;
    private final Target target;

    private Granted(
        Actor actor, Operation operation, CohortId cohort, LearnerId learner, Target target) {
      this.actor = actor;
      this.operation = operation;
      this.cohort = cohort;
      this.learner = learner;
      this.target = target;
    }

    /**
     * Whether the same actor may also do {@code other} on the same learner.
     *
     * @param other the other
     * @return whether the same actor may also do {@code other} on the same learner
     */
    public boolean allows(Operation other) {
      return access.allows(actor, other, target);
    }

    /**
     * Checks that the same actor may also do {@code other} on the same learner.
     *
     * @param other the other
     * @throws TremplinException {@code ACCESS_DENIED}
     */
    public void require(Operation other) {
      access.check(actor, other, target);
    }

    /**
     * Reads on one handle once the learner is known to have joined the cohort, then audits the read
     * there.
     *
     * @param <R> the type of the value
     * @param body the posted form, absent when nothing was posted
     * @return what the callback returns
     * @throws TremplinException {@code LEARNER_NOT_ENROLLED}, or what the body throws
     */
    public <R> R read(Supplier<R> body) {
      return database.read(
          h -> {
            enrolled();
            R result = body.get();
            audit();
            return result;
          });
    }

    /**
     * Writes in one transaction: checks that the learner joined the cohort, audits, runs the body;
     * rolls everything back if the body throws.
     *
     * @param <R> the type of the value
     * @param body the posted form, absent when nothing was posted
     * @return what the callback returns
     * @throws TremplinException {@code LEARNER_NOT_ENROLLED}, or what the body throws
     */
    public <R> R write(Supplier<R> body) {
      return database.inTransaction(
          h -> {
            enrolled();
            audit();
            return body.get();
          });
    }

    /**
     * {@link #write(Supplier)}, turning a unique violation into {@code onConflict}'s error.
     *
     * @param <R> the type of the value
     * @param onConflict the on conflict
     * @param body the posted form, absent when nothing was posted
     * @return what the callback returns
     */
    public <R> R write(Function<Throwable, TremplinException> onConflict, Supplier<R> body) {
      try {
        return write(body);
      } catch (TremplinException e) {
        if (Database.isUniqueViolation(e)) {
          throw onConflict.apply(e);
        }
        throw e;
      }
    }

    private void enrolled() {
      try {
        learners.enrolmentOf(cohort, learner);
      } catch (TremplinException e) {
        if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
          throw new TremplinException(
              ErrorCode.LEARNER_NOT_ENROLLED,
              "learner " + learner + " is not enrolled in cohort " + cohort,
              e);
        }
        throw e;
      }
    }

    private void audit() {
      privacy.audit(
          actor,
          operation.name().endsWith("_READ") ? AuditAction.READ : AuditAction.CHANGE,
          learner,
          feature + "." + operation.name().toLowerCase(Locale.ROOT));
    }
  }
}
