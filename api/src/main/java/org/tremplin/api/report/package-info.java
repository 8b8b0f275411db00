/**
 * Funders' reports (DOMAIN.md, Reports): the school's yearly review. Every figure carries the
 * learners it counts, so it can be traced; test accounts are never counted.
 */
@NullMarked
package org.tremplin.api.report;

import org.jspecify.annotations.NullMarked;
