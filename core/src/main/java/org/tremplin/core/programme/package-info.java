/**
 * Programme templates: JSON import and export, validation, versioned storage (DOMAIN.md, The
 * programme).
 */
@NullMarked
package org.tremplin.core.programme;

import org.jspecify.annotations.NullMarked;
