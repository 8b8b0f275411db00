/**
 * The real projects of a cohort, for its trainers ({@code /app/cohorts/{cohort}/projects}): the
 * list, a new project (with a new or known client organisation), and a project's page with its
 * team, milestones and delivery (DOMAIN.md, Real projects; UI.md). Forms go through the {@code
 * web.form} guard (ADR 0010); access is checked by the engine.
 */
@NullMarked
package org.tremplin.web.project;

import org.jspecify.annotations.NullMarked;
