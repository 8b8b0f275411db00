/**
 * The trainer's cohort pages (issue 12, item 2), under {@code /app/cohorts/{cohort}}: the roster
 * (status, contract end, attendance of the last four weeks, open alerts), each learner's
 * pedagogical file, the competency grid (learners × competencies of the certification version),
 * recording an assessment for one learner or several (ADR 0002 shown), the cohort calendar, and
 * adding a learner by hand when the platform has no roster service. UI.md, "Trainer".
 */
@NullMarked
package org.tremplin.web.cohort;

import org.jspecify.annotations.NullMarked;
