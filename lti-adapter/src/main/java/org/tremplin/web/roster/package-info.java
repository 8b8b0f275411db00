/**
 * {@code /app/roster}: the state of the course roster the cohort follows (LTI.md §6) and the
 * trainer's "update the roster now" ({@code POST /app/roster/sync}), over {@link
 * org.tremplin.lti.roster.RosterSync}.
 */
@NullMarked
package org.tremplin.web.roster;

import org.jspecify.annotations.NullMarked;
