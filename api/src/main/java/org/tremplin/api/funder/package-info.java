/**
 * What funders count about a learner (DOMAIN.md, Reports): the facts declared at entry (sex as
 * declared, birth date, highest diploma level, QPV residence, NEET, jobseeker registration), the
 * certification session's result, and whether a learner is a test account that no report counts.
 * Reports use these facts only in aggregates; they are exported and erased with the learner.
 */
@NullMarked
package org.tremplin.api.funder;

import org.jspecify.annotations.NullMarked;
