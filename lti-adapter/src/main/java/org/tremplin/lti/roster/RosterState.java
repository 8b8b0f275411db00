package org.tremplin.lti.roster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.lti.launch.CourseContext;

/**
 * A linked course's roster as Tremplin last read it, for a trainer's page. Immutable.
 *
 * @param course the course
 * @param cohort the cohort it is linked to
 * @param attemptedAt the last sync attempt
 * @param readAt the last complete or differences read that was applied, if any
 * @param kind how the last attempt ended
 * @param failure the last failure's code and detail, when it failed
 * @param members members listed by the last read
 * @param learners active learners among them
 * @param leftOut learners on the roster still waiting for a place (the cohort was full)
 * @param inactive members flagged gone, inactive or deleted
 */
public record RosterState(
    CourseContext course,
    CohortId cohort,
    Instant attemptedAt,
    @Nullable Instant readAt,
    Kind kind,
    @Nullable String failure,
    int members,
    int learners,
    List<LearnerId> leftOut,
    int inactive) {

  /** How the last attempt ended. */
  public enum Kind {
    /** Read and applied. */
    SYNCED,
    /** The platform offers no roster for the course. */
    NO_SERVICE,
    /** The read or the update failed. */
    FAILED
  }

  /** Required values; the list copied. */
  public RosterState {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(kind, "kind");
    leftOut = List.copyOf(leftOut);
  }

  /** When the roster was last read and applied. */
  public Optional<Instant> lastRead() {
    return Optional.ofNullable(readAt);
  }
}
