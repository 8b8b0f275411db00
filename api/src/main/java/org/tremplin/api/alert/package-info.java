/**
 * Early warnings: the risk signals of DOMAIN.md (Early warnings), their thresholds per school, and
 * the evidence each signal names.
 */
@NullMarked
package org.tremplin.api.alert;

import org.jspecify.annotations.NullMarked;
