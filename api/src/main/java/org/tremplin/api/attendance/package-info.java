/**
 * Attendance per half-day (feuille d'émargement): marks, versioned corrections and rates
 * (DOMAIN.md, Calendar and attendance).
 */
@NullMarked
package org.tremplin.api.attendance;

import org.jspecify.annotations.NullMarked;
