/**
 * The course roster follows the LMS (LTI.md §6; 1EdTech NRPS 2.0): {@link
 * org.tremplin.lti.roster.MembershipReader} reads every page of a course's memberships ({@link
 * org.tremplin.lti.roster.LinkHeader} parses the {@code Link} headers platforms really send), and
 * {@link org.tremplin.lti.roster.RosterSync} brings the linked cohort to match, all or nothing per
 * course: learners matched (platform user, else e-mail or {@code lis_person_sourcedid}) or created,
 * joined while the cohort has room, members gone flagged and their enrolment closed, never erased.
 * Triggered when a course is linked, on a trainer's launch (at most every ten minutes), on demand,
 * and by a learner's first launch into a course whose roster was never read.
 */
@NullMarked
package org.tremplin.lti.roster;

import org.jspecify.annotations.NullMarked;
