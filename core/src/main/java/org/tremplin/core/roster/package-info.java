/**
 * The cohort roster read (issue 12, item 2): one query-side service that joins enrolments,
 * attendance, contract ends and open alert counts for a trainer without opening the insertion path
 * to them (DOMAIN.md, People and roles).
 */
@NullMarked
package org.tremplin.core.roster;

import org.jspecify.annotations.NullMarked;
