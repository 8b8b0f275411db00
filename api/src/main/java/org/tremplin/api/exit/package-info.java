/**
 * Exits (sorties): the situation after the path and its category, derived by rule and never typed
 * in (DOMAIN.md, Exits).
 */
@NullMarked
package org.tremplin.api.exit;

import org.jspecify.annotations.NullMarked;
