/** Learners and their append-only enrolment history. */
@NullMarked
package org.tremplin.core.learner;

import org.jspecify.annotations.NullMarked;
