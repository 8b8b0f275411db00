/**
 * IAE eligibility from the dated criteria lists {@code criteria.json} (DOMAIN.md, The insertion
 * path).
 */
@NullMarked
package org.tremplin.core.eligibility;

import org.jspecify.annotations.NullMarked;
