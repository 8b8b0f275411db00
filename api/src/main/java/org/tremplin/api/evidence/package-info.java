/**
 * Evidence and assessments per competency or performance criterion, competency status and
 * certification readiness (DOMAIN.md, The certification).
 */
@NullMarked
package org.tremplin.api.evidence;

import org.jspecify.annotations.NullMarked;
