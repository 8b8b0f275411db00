/**
 * The REST API's learners ({@code /api/v1/learners}): register one in a school, read one. Their
 * enrolments are the cohort's ({@code org.tremplin.web.api.cohort}). docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.learner;

import org.jspecify.annotations.NullMarked;
