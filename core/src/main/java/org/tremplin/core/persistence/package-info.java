/**
 * Persistence that other modules share with core: the {@link
 * org.tremplin.core.persistence.UnitOfWork} (one transaction across a module's own tables and core
 * calls, on the Jdbi core uses) and {@link org.tremplin.core.persistence.ModuleSchema} (a module's
 * own Flyway migrations, applied after core's). ADR 0005.
 */
@NullMarked
package org.tremplin.core.persistence;

import org.jspecify.annotations.NullMarked;
