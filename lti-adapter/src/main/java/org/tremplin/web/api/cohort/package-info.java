/**
 * The REST API's cohorts ({@code /api/v1/cohorts}): open one, read one, its learners, and their
 * enrolments (join, leave, re-enter; updates need {@code If-Match}). docs/api.md.
 */
@NullMarked
package org.tremplin.web.api.cohort;

import org.jspecify.annotations.NullMarked;
