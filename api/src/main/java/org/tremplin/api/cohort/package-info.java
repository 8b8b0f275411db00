/** Cohorts: a school's session of a programme template, with its calendar. */
@NullMarked
package org.tremplin.api.cohort;

import org.jspecify.annotations.NullMarked;
