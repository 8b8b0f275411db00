/**
 * Real projects for the neighbourhood, stored (DOMAIN.md, Real projects): client organisations,
 * projects with team, milestones and competencies, their delivery (which records evidence with
 * source {@code PROJECT}), and the projects report as read-side SQL.
 */
@NullMarked
package org.tremplin.core.project;

import org.jspecify.annotations.NullMarked;
