/**
 * Funders' reports as read-side SQL over a school, a département or the network (DOMAIN.md,
 * Reports; Exits): the yearly review, the Grande École du Numérique indicators, the attendance
 * proof and the network view. Each report reads its rows once, tagged by school; test accounts are
 * left out in the queries themselves; names only for readers of the school's learner files (ADR
 * 0013).
 */
@NullMarked
package org.tremplin.core.report;

import org.jspecify.annotations.NullMarked;
