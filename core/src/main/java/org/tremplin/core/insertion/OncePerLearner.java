package org.tremplin.core.insertion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.core.path.PathAccess;

/**
 * A part of the insertion path that a learner has at most one of (the CDDI, the PASS IAE): recorded
 * once, then amended by appending numbered rows, and read assessed as of a day. The contract and
 * PASS ledgers say what is stored and how it is assessed; this says how it is checked, refused and
 * written. Thread-safe.
 *
 * @param <T> what is stored
 * @param <A> what it reads as once assessed
 */
final class OncePerLearner<T, A> {
  private final PathAccess path;
  private final Function<LearnerId, Optional<T>> find;
  private final BiFunction<T, LocalDate, A> assess;
  private final String name;
  private final String amendments;
  private final ErrorCode alreadyRecorded;
  private final ErrorCode notRecorded;
  private final Clock clock;

  /**
   * @param name what it is, for messages ("insertion contract")
   * @param amendments how it changes once recorded, for messages ("renew or suspend")
   */
  OncePerLearner(
      PathAccess path,
      Function<LearnerId, Optional<T>> find,
      BiFunction<T, LocalDate, A> assess,
      String name,
      String amendments,
      ErrorCode alreadyRecorded,
      ErrorCode notRecorded,
      Clock clock) {
    this.path = path;
    this.find = find;
    this.assess = assess;
    this.name = name;
    this.amendments = amendments;
    this.alreadyRecorded = alreadyRecorded;
    this.notRecorded = notRecorded;
    this.clock = clock;
  }

  /** Records the learner's only one, assessed today; {@code insert} stores it. */
  A record(Actor actor, CohortId cohort, LearnerId learner, T value, Runnable insert) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(value, name);
    return granted.write(
        cause -> alreadyRecorded(learner, cause),
        () -> {
          if (find.apply(learner).isPresent()) {
            throw alreadyRecorded(learner, null);
          }
          insert.run();
          return assess.apply(value, LocalDate.now(clock));
        });
  }

  /**
   * Amends the stored one: {@code append} appends the amendment given what is stored (to number
   * it); returns the result assessed today.
   */
  A amend(
      Actor actor,
      CohortId cohort,
      LearnerId learner,
      Object amendment,
      String field,
      Consumer<T> append) {
    var granted = path.check(actor, Operation.INSERTION_WRITE, cohort, learner);
    TremplinException.required(amendment, field);
    return granted.write(
        PathAccess.reloadAndRetry("the path of learner " + learner),
        () -> {
          append.accept(stored(learner));
          return assess.apply(stored(learner), LocalDate.now(clock));
        });
  }

  /** The stored one assessed as of {@code on}. */
  Optional<A> read(Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    var granted = path.check(actor, Operation.INSERTION_READ, cohort, learner);
    TremplinException.required(on, "day");
    return granted.read(() -> find.apply(learner)).map(t -> assess.apply(t, on));
  }

  private T stored(LearnerId learner) {
    return find.apply(learner)
        .orElseThrow(
            () ->
                new TremplinException(
                    notRecorded, "learner " + learner + " has no " + name + " to amend"));
  }

  private TremplinException alreadyRecorded(LearnerId learner, @Nullable Throwable cause) {
    return PathAccess.error(
        alreadyRecorded,
        "learner "
            + learner
            + " already has a recorded "
            + name
            + "; "
            + amendments
            + " it instead",
        cause);
  }
}
