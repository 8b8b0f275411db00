/**
 * The REST API's alerts ({@code /api/v1/cohorts/{cohort}/learners/{learner}/alerts}): a learner's
 * open alerts, acknowledging and resolving one ({@code If-Match} required). docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.alert;

import org.jspecify.annotations.NullMarked;
