/**
 * Evidence, the competency status rule and certification readiness (DOMAIN.md, The certification).
 */
@NullMarked
package org.tremplin.core.evidence;

import org.jspecify.annotations.NullMarked;
