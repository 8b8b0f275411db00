/**
 * The roster of a cohort as a trainer reads it (issue 12, item 2): each learner with their
 * enrolment, recent attendance, contract end and how many alerts are open, without the social data
 * behind them (DOMAIN.md, People and roles).
 */
@NullMarked
package org.tremplin.api.roster;

import org.jspecify.annotations.NullMarked;
