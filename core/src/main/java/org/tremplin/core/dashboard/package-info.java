/**
 * The school's dashboard as read-side SQL (UI.md, Manager): a fixed number of queries per cohort
 * whatever its size, the existing rules (attendance rate, readiness, risk thresholds, contract and
 * PASS ends, the yearly review's exit rates) applied to what they read. Test accounts are left out.
 */
@NullMarked
package org.tremplin.core.dashboard;

import org.jspecify.annotations.NullMarked;
