package org.tremplin.lti.identity;

import java.util.Objects;
import org.tremplin.lti.session.AppSession;

/**
 * Where an accepted launch takes the user (LTI.md §3): the page of their role, the offer to link
 * the course to a cohort, or a page explaining why Tremplin has nothing for them yet. Immutable.
 */
public sealed interface Landing {

  /**
   * A session to open, then the home page of the user's roles.
   *
   * @param session the session to open (its expiry is set when opened)
   */
  record Home(AppSession session) implements Landing {
    /**
     * Required.
     *
     * @param session the session
     */
    public Home {
      Objects.requireNonNull(session, "session");
    }
  }

  /**
   * A trainer's or manager's first launch from a course linked to no cohort: a session granting
   * nothing yet, with the course to link, then the link page.
   *
   * @param session the session to open; its {@code pendingLink} names the course
   */
  record LinkCourse(AppSession session) implements Landing {
    /**
     * Requires a session with a pending link.
     *
     * @param session the session
     */
    public LinkCourse {
      Objects.requireNonNull(session, "session");
      if (session.pendingLink() == null) {
        throw new IllegalArgumentException("a link offer needs the course to link");
      }
    }
  }

  /**
   * Nothing to show yet; no session is opened.
   *
   * @param reason why
   * @param displayName who launched (shown back to them)
   */
  record Explained(Reason reason, String displayName) implements Landing {
    /**
     * Both required.
     *
     * @param reason the reason
     * @param displayName the display name
     */
    public Explained {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(displayName, "displayName");
    }
  }

  /** Why a launch leads to no session. */
  enum Reason {
    /** No role of the launch maps to a Tremplin role. */
    NO_ROLE,
    /** Anonymous launch: the platform sent no {@code sub}. */
    ANONYMOUS,
    /** A launch from outside any course, by someone who is not an administrator. */
    NO_COURSE,
    /** The course is linked to no cohort, and the user may not link it. */
    COURSE_NOT_LINKED,
    /** The platform serves no school yet (several schools, none bound to the platform). */
    NO_SCHOOL,
    /** A learner not (yet) on the cohort's roster. */
    NOT_ON_ROSTER,
    /**
     * A learner not on the cohort's roster, and the platform does not share the course's roster (no
     * NRPS): only the trainer can add them.
     */
    ROSTER_NOT_SHARED,
    /** A learner on the course's roster left out of the cohort: it is full. */
    COHORT_FULL,
    /** A platform test user (Canvas Student View): a preview, nothing recorded. */
    TEST_USER_PREVIEW,
    /** A deep linking request (placing an activity) by someone who is not a trainer. */
    DEEP_LINKING_NOT_TRAINER
  }
}
