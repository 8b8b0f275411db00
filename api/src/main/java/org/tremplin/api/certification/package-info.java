/**
 * Certification references: the DWWM title in its versions, blocks, competencies (CP), performance
 * criteria and exam components (DOMAIN.md, The certification).
 */
@NullMarked
package org.tremplin.api.certification;

import org.jspecify.annotations.NullMarked;
