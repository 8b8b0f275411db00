/**
 * The insertion contract (CDDI) and the PASS IAE: durations, renewals, suspensions, prolongations,
 * and the warnings as their limits approach (DOMAIN.md, The insertion path).
 */
@NullMarked
package org.tremplin.api.contract;

import org.jspecify.annotations.NullMarked;
