/** CDDI and PASS IAE rules from {@code contract-rules.json} (DOMAIN.md, The insertion path). */
@NullMarked
package org.tremplin.core.contract;

import org.jspecify.annotations.NullMarked;
