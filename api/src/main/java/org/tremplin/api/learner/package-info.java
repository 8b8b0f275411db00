/** Learners and their enrolment history in cohorts (join, leave, re-enter). */
@NullMarked
package org.tremplin.api.learner;

import org.jspecify.annotations.NullMarked;
