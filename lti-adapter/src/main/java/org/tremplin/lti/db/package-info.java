/**
 * The adapter's own persistence (ADR 0005): its Flyway migrations ({@code
 * org/tremplin/lti/db/migration}, history {@code tremplin_lti_schema_history}) applied after core's
 * through core's public unit of work, and the LTI personal data it adds to a learner's export and
 * erasure.
 */
@NullMarked
package org.tremplin.lti.db;

import org.jspecify.annotations.NullMarked;
