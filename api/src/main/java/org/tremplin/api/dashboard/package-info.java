/**
 * The school's dashboard (UI.md, Manager; DOMAIN.md, Reports and Exits): per cohort its fill,
 * attendance, readiness, open alerts and contracts ending soon; for the school its exits against
 * the funders' targets. Every figure carries the learners it counts, so a manager can open it.
 */
@NullMarked
package org.tremplin.api.dashboard;

import org.jspecify.annotations.NullMarked;
