/**
 * Real projects for the neighbourhood (DOMAIN.md, Real projects): client organisations, projects
 * with their team, milestones and delivery, and the projects report. Delivering a project records
 * evidence with source {@code PROJECT} for its team; such evidence only shows progress (ADR 0002).
 */
@NullMarked
package org.tremplin.api.project;

import org.jspecify.annotations.NullMarked;
