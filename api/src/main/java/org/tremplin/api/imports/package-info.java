/**
 * Imports from the CSV files schools keep (issue 14): learners with their funder facts, attendance
 * (one row per half-day, or the weekly grid), exits. A file is checked whole before anything is
 * written; a file with a bad row writes nothing; importing the same file again changes nothing.
 * Formats: docs/imports.md.
 */
@NullMarked
package org.tremplin.api.imports;

import org.jspecify.annotations.NullMarked;
