/**
 * The checked way into a learner's path in a cohort (ADR 0003; DOMAIN.md, People and roles): the
 * access check on the learner's target, the audit line and the transaction that the insertion and
 * coaching services share. Not API: hosts go through the {@code org.tremplin.api} interfaces.
 */
@NullMarked
package org.tremplin.core.path;

import org.jspecify.annotations.NullMarked;
