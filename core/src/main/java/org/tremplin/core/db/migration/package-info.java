/**
 * Core's Flyway migrations written in Java, beside the SQL scripts of the same location ({@code
 * org/tremplin/core/db/migration}): the few that differ between PostgreSQL and H2. Not API.
 */
@NullMarked
package org.tremplin.core.db.migration;

import org.jspecify.annotations.NullMarked;
