/**
 * Tremplin's public API: domain values, service interfaces and the root exception. See DOMAIN.md
 * for vocabulary.
 */
@NullMarked
package org.tremplin.api;

import org.jspecify.annotations.NullMarked;
