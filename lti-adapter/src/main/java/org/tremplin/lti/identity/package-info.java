/**
 * Who a launch is in Tremplin (LTI.md §3): platform users mapped to persons and learners, courses
 * linked to cohorts, platforms bound to a school, and the actor (roles with scope) a launch grants,
 * as the session to open ({@link org.tremplin.lti.identity.Landing}).
 */
@NullMarked
package org.tremplin.lti.identity;

import org.jspecify.annotations.NullMarked;
