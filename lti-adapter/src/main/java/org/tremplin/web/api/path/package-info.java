/**
 * The REST API's insertion path of a learner ({@code
 * /api/v1/cohorts/{cohort}/learners/{learner}/...}): eligibility, contract and PASS IAE ({@code
 * insertion}), barriers, the action plan with its referrals, company immersions and the exit, over
 * core's insertion and coaching services with the token's actor: managers of the learner's school
 * and the learner's referent coach (a COACH token, ADR 0017) reach them, nobody else. docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.path;

import org.jspecify.annotations.NullMarked;
