/**
 * Imports of a school's CSV files (issue 14; docs/imports.md): {@link
 * org.tremplin.core.imports.ImportDesk} reads a file whole with commons-csv, checks every row, and
 * writes a clean file in one transaction through the services of each feature (attendance through a
 * bulk writer of its own); the school's learner references live here too.
 */
@NullMarked
package org.tremplin.core.imports;

import org.jspecify.annotations.NullMarked;
