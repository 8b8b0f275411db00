package org.tremplin.lti.roster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tremplin.api.LearnerId;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.launch.CourseContext;

/** How one roster sync of a course ended. Immutable. */
public sealed interface RosterOutcome {

  /** The course the sync was for. */
  CourseContext course();

  /**
   * The cohort now matches the course's roster (all written in one transaction).
   *
   * @param course the course
   * @param at when
   * @param complete whether the whole roster was read (else only the platform's differences)
   * @param members members listed (test users excluded)
   * @param learners learners among them, active in the course
   * @param created learner records created
   * @param matched platform users matched to an existing learner by e-mail or sourcedid
   * @param joined learners who joined (or re-entered) the cohort
   * @param leftOut learners on the roster left out because the cohort is full (or over)
   * @param inactive learners whose enrolment this sync closed (gone, inactive or deleted)
   */
  record Synced(
      CourseContext course,
      Instant at,
      boolean complete,
      int members,
      int learners,
      int created,
      int matched,
      int joined,
      List<LearnerId> leftOut,
      int inactive)
      implements RosterOutcome {
    /** Copies the list. */
    public Synced {
      Objects.requireNonNull(course, "course");
      Objects.requireNonNull(at, "at");
      leftOut = List.copyOf(leftOut);
    }
  }

  /**
   * The platform offers no roster (NRPS) for this course: learners are added by hand.
   *
   * @param course the course
   */
  record NotOffered(CourseContext course) implements RosterOutcome {
    /** Required. */
    public NotOffered {
      Objects.requireNonNull(course, "course");
    }
  }

  /**
   * The course is linked to no cohort: nothing to sync.
   *
   * @param course the course
   */
  record NotLinked(CourseContext course) implements RosterOutcome {
    /** Required. */
    public NotLinked {
      Objects.requireNonNull(course, "course");
    }
  }

  /**
   * The read or the update failed; nothing was written to the cohort.
   *
   * @param course the course
   * @param code why, stable
   * @param detail what helps (the platform's answer, shortened; no personal data)
   */
  record Failed(CourseContext course, LtiErrorCode code, String detail) implements RosterOutcome {
    /** All required. */
    public Failed {
      Objects.requireNonNull(course, "course");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
