/**
 * The half-day attendance sheet with append-only corrections, and attendance rates (DOMAIN.md,
 * Calendar and attendance).
 */
@NullMarked
package org.tremplin.core.attendance;

import org.jspecify.annotations.NullMarked;
