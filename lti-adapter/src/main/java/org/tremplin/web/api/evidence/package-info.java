/**
 * The REST API's evidence and readiness ({@code /api/v1/cohorts/{cohort}/learners/{learner}/...}):
 * a learner's evidence and their certification readiness, block by block ({@code EVIDENCE_READ}).
 * docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.evidence;

import org.jspecify.annotations.NullMarked;
