/**
 * Cohort calendars: working days, half-days, public holidays, closures and phases (DOMAIN.md,
 * Calendar and attendance).
 */
@NullMarked
package org.tremplin.api.calendar;

import org.jspecify.annotations.NullMarked;
