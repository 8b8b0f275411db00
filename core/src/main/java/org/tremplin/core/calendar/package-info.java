/**
 * French public holidays (Easter by the Gregorian computus, Alsace-Moselle) and cohort calendars
 * (DOMAIN.md, Calendar and attendance).
 */
@NullMarked
package org.tremplin.core.calendar;

import org.jspecify.annotations.NullMarked;
