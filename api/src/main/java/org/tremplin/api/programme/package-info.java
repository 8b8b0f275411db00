/**
 * Programme templates: ordered phases, units, hours and competencies covered (DOMAIN.md, The
 * programme).
 */
@NullMarked
package org.tremplin.api.programme;

import org.jspecify.annotations.NullMarked;
