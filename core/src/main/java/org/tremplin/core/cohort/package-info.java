/** Cohorts, their closures and calendars, and their storage. */
@NullMarked
package org.tremplin.core.cohort;

import org.jspecify.annotations.NullMarked;
