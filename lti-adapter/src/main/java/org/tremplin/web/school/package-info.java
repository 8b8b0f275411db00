/**
 * The manager's pages (issue 13, item 3; UI.md, "Manager"), under {@code /app/school}: the school
 * at a glance (cohorts with fill, attendance, readiness, open alerts, contracts ending; the year's
 * exits against the funders' targets) with inline SVG charts, each beside a table of the same
 * figures, every figure opening the learners behind it and every table downloadable as CSV; and the
 * manager's forms: opening a cohort, adding and enrolling a learner, assigning referent coaches,
 * the school's alert thresholds.
 */
@NullMarked
package org.tremplin.web.school;

import org.jspecify.annotations.NullMarked;
