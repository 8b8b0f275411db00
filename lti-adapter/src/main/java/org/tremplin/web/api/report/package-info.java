/**
 * {@code /api/v1} reports (DOMAIN.md, Reports; ADR 0013, ADR 0018): a school's yearly review, GEN
 * indicators and projects report, a cohort's attendance proof (JSON, CSV or PDF by {@code Accept}),
 * and the network's GEN indicators and network view. Every figure is core's {@code ReportService}
 * or {@code ProjectsReportService} for the token's actor, so roles, scopes and the pseudonymous
 * references are core's; {@code details=true} lists the learners each figure counts.
 */
@NullMarked
package org.tremplin.web.api.report;

import org.jspecify.annotations.NullMarked;
