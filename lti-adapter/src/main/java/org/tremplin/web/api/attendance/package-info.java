/**
 * The REST API's attendance ({@code /api/v1/cohorts/{cohort}/attendance}): the sheet of a day,
 * recording a batch of half-days, one learner's half-day with every version, and its correction
 * ({@code If-Match} required). docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.attendance;

import org.jspecify.annotations.NullMarked;
