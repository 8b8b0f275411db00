/**
 * The trainer's attendance sheet ({@code /app/attendance}, issue 12 item 1): the current half-day
 * of the session's cohort, marks for the learners enrolled that day, recorded in one transaction
 * once per submission, corrections with a reason and their history (who, when, why), and the week's
 * other half-days. DOMAIN.md, "Calendar and attendance"; UI.md, "Trainer".
 */
@NullMarked
package org.tremplin.web.attendance;

import org.jspecify.annotations.NullMarked;
