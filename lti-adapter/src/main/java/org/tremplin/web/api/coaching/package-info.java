/**
 * The REST API's coaching ({@code /api/v1/cohorts/{cohort}/learners/{learner}/meetings}) and the
 * caller's caseload ({@code /api/v1/caseload}), over core's coaching service and caseload desk with
 * the token's actor. A confidential note's text is only ever answered to the learner's referent
 * coach (a COACH token, ADR 0017); a manager's token reads that one exists, never its text: the
 * member is absent, a flag and a count say it exists. docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.coaching;

import org.jspecify.annotations.NullMarked;
