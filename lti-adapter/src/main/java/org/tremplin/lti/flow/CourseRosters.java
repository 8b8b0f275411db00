package org.tremplin.lti.flow;

import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.launch.CourseContext;

/**
 * What a launch asks of the roster sync (LTI.md §6): a trainer's launch may refresh the roster, a
 * learner missing from a course whose roster was never read triggers the first read, and a learner
 * still missing is told why. Implemented by {@code org.tremplin.lti.roster.RosterSync}; must be
 * thread-safe and never throw for a platform's failure (a launch never fails because of the
 * roster).
 */
public interface CourseRosters {

  /** No roster: nothing is read, a missing learner reads {@code NOT_ON_ROSTER}. */
  CourseRosters NONE =
      new CourseRosters() {
        @Override
        public void trainerLaunched(CourseContext course) {}

        @Override
        public boolean readForLearner(CourseContext course) {
          return false;
        }

        @Override
        public Landing.Reason whyNotOnRoster(CourseContext course, String sub) {
          return Landing.Reason.NOT_ON_ROSTER;
        }

        @Override
        public boolean waiting(CourseContext course, String sub) {
          return false;
        }
      };

  /** A trainer launched from this linked course: sync its roster if it is due. */
  void trainerLaunched(CourseContext course);

  /**
   * A learner not linked to any learner record launched from this linked course: read its roster if
   * it was never read.
   *
   * @return whether a read was applied (the launch's identity is then resolved again)
   */
  boolean readForLearner(CourseContext course);

  /** Why this learner is still not on the cohort's roster. */
  Landing.Reason whyNotOnRoster(CourseContext course, String sub);

  /** Whether this member of the course's roster was left out of the cohort for lack of room. */
  boolean waiting(CourseContext course, String sub);
}
