package org.tremplin.core.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.learner.LearnerId;

/**
 * Events of a learner's path that other features react to (e.g. early warnings after attendance is
 * recorded). Published after the change is committed, delivered synchronously on the caller's
 * thread; a failing subscriber is logged and never undoes nor fails the change. Thread-safe.
 */
public final class PathEvents {
  private static final Logger LOG = LoggerFactory.getLogger(PathEvents.class);

  /** An event. */
  public sealed interface Event {
    /** The cohort concerned. */
    CohortId cohort();
  }

  /**
   * Attendance was recorded or corrected for these learners.
   *
   * @param cohort the cohort
   * @param learners the learners whose sheet changed
   */
  public record AttendanceRecorded(CohortId cohort, Set<LearnerId> learners) implements Event {
    /** Copies the set. */
    public AttendanceRecorded {
      TremplinException.required(cohort, "cohort");
      learners = Set.copyOf(learners);
    }
  }

  /**
   * A coaching meeting's outcome (held or missed) was recorded.
   *
   * @param cohort the cohort
   * @param learner the learner
   */
  public record MeetingRecorded(CohortId cohort, LearnerId learner) implements Event {
    /** Both required. */
    public MeetingRecorded {
      TremplinException.required(cohort, "cohort");
      TremplinException.required(learner, "learner");
    }
  }

  private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

  /** Adds a subscriber. */
  public void subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
  }

  /** Delivers an event to every subscriber. */
  public void publish(Event event) {
    for (Consumer<Event> s : subscribers) {
      try {
        s.accept(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "event subscriber failed on {} (code {})",
            event.getClass().getSimpleName(),
            e instanceof TremplinException t ? t.code() : "UNEXPECTED",
            e);
      }
    }
  }
}
