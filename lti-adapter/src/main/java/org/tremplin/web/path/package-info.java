/**
 * "Mon parcours" (issue 12, item 3): a learner's own path on one page ({@code GET /app/path}) — the
 * phase timeline with today marked, competencies by block with what evidence is missing, attendance
 * this month and since the start, the next coaching appointment (its date only), and the readiness
 * checklist for the certification session. The same view is the trainer's pedagogical file of a
 * learner ({@link org.tremplin.web.path.PathView}). UI.md, "Learner".
 */
@NullMarked
package org.tremplin.web.path;

import org.jspecify.annotations.NullMarked;
