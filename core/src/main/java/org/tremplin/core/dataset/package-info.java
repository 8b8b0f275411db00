/**
 * Synthetic data (issue 14, ADR 0014): a deterministic generator that fills a Tremplin database
 * with plausible schools, cohorts, learners and ten months of their paths (half-day attendance,
 * evidence, coaching, contracts, exits, funder facts) from a seed, at the sizes of a demo, an
 * Île-de-France network or a national network. It writes straight to core's tables in chunks with
 * commits ({@code COPY} on PostgreSQL, JDBC batches elsewhere), for benchmarks and demonstrations.
 */
@NullMarked
package org.tremplin.core.dataset;

import org.jspecify.annotations.NullMarked;
